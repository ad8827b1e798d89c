import { paginateListQueries, QueryStatus } from '@aws-sdk/client-cloudtrail';
import { adoptionWindow, newestCandidates } from './adoption-window';
import { cloudTrail } from './clients';
import { DescribedQuery, describeQuery } from './query-status';

const ADOPTABLE_STATUSES: readonly string[] = [QueryStatus.QUEUED, QueryStatus.RUNNING, QueryStatus.FINISHED];

/** The query a LakeQuery asks for. */
export interface QueryRequest {
  readonly eventDataStoreArn: string;
  readonly statement: string;
  readonly deliveryS3Uri?: string;
}

/**
 * A query on the store that an earlier attempt of the same request started: StartQuery takes no client
 * token, so a repeated event would otherwise run the query twice. It is one of the newest queries of the
 * last minutes that has not failed, with the same statement and delivery URI.
 */
export async function findStartedQuery(request: QueryRequest): Promise<DescribedQuery | undefined> {
  const window = adoptionWindow();
  const queries: { queryId: string; createdAt?: Date }[] = [];
  const listing = { EventDataStore: request.eventDataStoreArn, StartTime: window.start, EndTime: window.end };
  const pages = paginateListQueries({ client: cloudTrail() }, listing);
  for await (const page of pages) {
    for (const { QueryId, QueryStatus: status, CreationTime } of page.Queries ?? []) {
      if (QueryId && ADOPTABLE_STATUSES.includes(status ?? '')) {
        queries.push({ queryId: QueryId, createdAt: CreationTime });
      }
    }
  }
  for (const candidate of newestCandidates(queries, (query) => query.createdAt, window)) {
    const query = await describeQuery(request.eventDataStoreArn, candidate.queryId);
    if (query.QueryString === request.statement && (query.DeliveryS3Uri ?? '') === (request.deliveryS3Uri ?? '')) {
      return query;
    }
  }
  return undefined;
}
