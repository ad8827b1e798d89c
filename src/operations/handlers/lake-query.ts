import {
  CancelQueryCommand, DescribeQueryCommand, DescribeQueryCommandOutput, paginateListQueries, QueryStatisticsForDescribeQuery, QueryStatus,
  StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import { cloudTrail } from './clients';
import { errorName, isNamed, OperationFailure } from './errors';
import { Logger } from './log';
import {
  changed, IsCompleteRequest, IsCompleteResponse, isUuid, OnEventRequest, OnEventResponse, required, ResourceProperties, storeName,
  WaitingOperationHandler,
} from './request';
import { adoptionWindow, isPastDeadline, newestCandidates, timedOutText, waitFields } from './wait';
import { LAKE_QUERY_REPLACING_PROPERTIES, LakeQueryAttribute, OperationKind } from '../operation-properties';

// CancelQuery fails with these when the query (or its store) has already ended or gone: nothing is left to cancel
const NOTHING_TO_CANCEL = [
  'InactiveQueryException', 'QueryIdNotFoundException', 'EventDataStoreNotFoundException', 'EventDataStoreARNInvalidException',
  'InactiveEventDataStoreException',
];

/** LakeQuery: StartQuery on create (adopting one an earlier attempt started), waits for it, CancelQuery on delete. */
export const lakeQuery: WaitingOperationHandler = {
  scope: (properties) => ({ operation: OperationKind.LAKE_QUERY, resource: storeName(properties.EventDataStoreArn) }),
  async onEvent(event, log) {
    switch (event.RequestType) {
      case 'Create':
        return runQuery(event.ResourceProperties, log);
      case 'Update':
        return updateQuery(event, log);
      case 'Delete':
        return cancelQuery(event, log);
    }
  },
  isComplete: queryComplete,
};

function queryRequest(properties: ResourceProperties): QueryRequest {
  return {
    eventDataStoreArn: required(properties, 'EventDataStoreArn'),
    ownerAccountId: ownerAccountIdOf(properties),
    statement: required(properties, 'QueryStatement'),
    deliveryS3Uri: properties.DeliveryS3Uri || undefined,
  };
}

async function runQuery(properties: ResourceProperties, log: Logger): Promise<OnEventResponse> {
  const request = queryRequest(properties);
  const adopted = await findStartedQuery(request);
  if (adopted) {
    log.info('Adopted the query an earlier attempt of this request started', { queryId: adopted.QueryId, queryStatus: adopted.QueryStatus });
  }
  const query = adopted ?? await startQuery(request, log);
  return { PhysicalResourceId: query.QueryId, Data: queryAttributes(query), ...waitFields(properties) };
}

async function startQuery(request: QueryRequest, log: Logger): Promise<DescribedQuery> {
  // the only line with the whole statement: later lines name the query by its id
  log.info('Starting the query', { statement: request.statement, deliveryS3Uri: request.deliveryS3Uri });
  const { QueryId } = await cloudTrail().send(new StartQueryCommand({
    QueryStatement: request.statement, DeliveryS3Uri: request.deliveryS3Uri, ...ownerOf(request.ownerAccountId),
  }));
  if (!QueryId) {
    throw new OperationFailure('StartQuery returned no query ID. Deploy again.');
  }
  log.info('Started the query', { queryId: QueryId });
  return describeQuery(request.eventDataStoreArn, QueryId, request.ownerAccountId);
}

async function updateQuery(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const properties = event.ResourceProperties;
  if (changed(LAKE_QUERY_REPLACING_PROPERTIES, properties, event.OldResourceProperties)) {
    log.info('The store, statement or delivery URI changed; running a new query');
    return runQuery(properties, log);
  }
  const existing = await existingQuery(required(properties, 'EventDataStoreArn'), event.PhysicalResourceId, ownerAccountIdOf(properties));
  if (!existing) {
    log.warn('CloudTrail no longer knows the query; running it again');
    return runQuery(properties, log);
  }
  return { PhysicalResourceId: existing.QueryId, Data: queryAttributes(existing) };
}

async function existingQuery(eventDataStoreArn: string, queryId: string | undefined,
  ownerAccountId: string | undefined): Promise<DescribedQuery | undefined> {
  if (!isUuid(queryId)) {
    return undefined;
  }
  try {
    return await describeQuery(eventDataStoreArn, queryId, ownerAccountId);
  } catch (error) {
    if (isNamed(error, ['QueryIdNotFoundException'])) {
      return undefined;
    }
    throw error;
  }
}

async function cancelQuery(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const queryId = event.PhysicalResourceId ?? '';
  if (!isUuid(queryId)) {
    log.info('No query was started (the create failed); nothing to cancel');
    return { PhysicalResourceId: queryId };
  }
  try {
    await cloudTrail().send(new CancelQueryCommand({
      EventDataStore: event.ResourceProperties.EventDataStoreArn, QueryId: queryId, ...ownerOf(ownerAccountIdOf(event.ResourceProperties)),
    }));
    log.info('Cancelled the query', { queryId });
  } catch (error) {
    if (!isNamed(error, NOTHING_TO_CANCEL)) {
      throw error;
    }
    log.info('The query is no longer running; nothing to cancel', { queryId, reason: errorName(error) });
  }
  return { PhysicalResourceId: queryId };
}

async function queryComplete(event: IsCompleteRequest, log: Logger): Promise<IsCompleteResponse> {
  if (event.Deadline === undefined) {
    return { IsComplete: true };
  }
  const eventDataStoreArn = required(event.ResourceProperties, 'EventDataStoreArn');
  const queryId = event.PhysicalResourceId;
  const ownerAccountId = ownerAccountIdOf(event.ResourceProperties);
  const query = await describeQuery(eventDataStoreArn, queryId, ownerAccountId);
  if (query.QueryStatus === QueryStatus.FINISHED) {
    log.info('The query finished', { queryId, statistics: query.QueryStatistics, deliveryStatus: query.DeliveryStatus });
    return { IsComplete: true, Data: queryAttributes(query) };
  }
  if (!RUNNING_QUERY_STATUSES.includes(query.QueryStatus ?? '')) {
    throw new OperationFailure(queryFailureText(query));
  }
  if (!isPastDeadline(event)) {
    log.info('The query is still running', { queryId, queryStatus: query.QueryStatus });
    return { IsComplete: false };
  }
  try {
    await cloudTrail().send(new CancelQueryCommand({ EventDataStore: eventDataStoreArn, QueryId: queryId, ...ownerOf(ownerAccountId) }));
  } catch (error) {
    // it may have ended on its own meanwhile; the timeout is reported either way
    log.warn('Could not cancel the query', { queryId, reason: errorName(error) });
  }
  throw new OperationFailure(timedOutText(`query ${queryId}`, event.ResourceProperties, 'it was cancelled'));
}

/** Statuses of a query that has not ended yet. */
export const RUNNING_QUERY_STATUSES: readonly string[] = [QueryStatus.QUEUED, QueryStatus.RUNNING];

/** A DescribeQuery response, with the id it was asked for. */
export type DescribedQuery = DescribeQueryCommandOutput & { readonly QueryId: string };

/** DescribeQuery of a query on the event data store, naming the store's owner when it is another account. */
export async function describeQuery(eventDataStoreArn: string, queryId: string, ownerAccountId?: string): Promise<DescribedQuery> {
  const query = await cloudTrail().send(new DescribeQueryCommand({
    EventDataStore: eventDataStoreArn, QueryId: queryId, ...ownerOf(ownerAccountId),
  }));
  return { ...query, QueryId: queryId };
}

/**
 * EventDataStoreOwnerAccountId of StartQuery, DescribeQuery, GetQueryResults and CancelQuery (API model): the account
 * that owns the store, which a delegated administrator names to query an organization store of the management account.
 */
export function ownerOf(ownerAccountId: string | undefined): { EventDataStoreOwnerAccountId?: string } {
  return ownerAccountId ? { EventDataStoreOwnerAccountId: ownerAccountId } : {};
}

function ownerAccountIdOf(properties: ResourceProperties): string | undefined {
  return properties.EventDataStoreOwnerAccountId || undefined;
}

/** Says why a query ended without results (FAILED, TIMED_OUT or CANCELLED), with CloudTrail's reason, and what to do. */
export function queryFailureText(query: DescribeQueryCommandOutput): string {
  const reason = (query.ErrorMessage ?? 'CloudTrail gave no reason').replace(/\.\s*$/, '');
  switch (query.QueryStatus) {
    case QueryStatus.TIMED_OUT:
      return `query ${query.QueryId} timed out in CloudTrail Lake: ${reason}. Narrow it (a shorter eventTime range, fewer columns) so that it `
        + 'finishes in time.';
    case QueryStatus.CANCELLED:
      return `query ${query.QueryId} was cancelled by someone else: ${reason}. Run it again.`;
    default:
      return `query ${query.QueryId} failed: ${reason}. Correct the statement (or the delivery bucket), then run it again.`;
  }
}

const ADOPTABLE_STATUSES: readonly string[] = [QueryStatus.QUEUED, QueryStatus.RUNNING, QueryStatus.FINISHED];

/** The query a LakeQuery asks for. */
export interface QueryRequest {
  readonly eventDataStoreArn: string;
  /** The store's owner when it is another account (EventDataStoreOwnerAccountId). */
  readonly ownerAccountId?: string;
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
    const query = await describeQuery(request.eventDataStoreArn, candidate.queryId, request.ownerAccountId);
    if (query.QueryString === request.statement && (query.DeliveryS3Uri ?? '') === (request.deliveryS3Uri ?? '')) {
      return query;
    }
  }
  return undefined;
}

/** The parts of a DescribeQuery response the attributes come from. */
export interface QueryDescription {
  readonly QueryId?: string;
  readonly QueryStatus?: string;
  readonly QueryStatistics?: QueryStatisticsForDescribeQuery;
  readonly DeliveryS3Uri?: string;
}

/** The attributes of a LakeQuery: counts as numbers (0 until known), the delivery URI ('' when none). */
export function queryAttributes(query: QueryDescription): Record<LakeQueryAttribute, string | number> {
  const statistics = query.QueryStatistics ?? {};
  return {
    [LakeQueryAttribute.QUERY_ID]: query.QueryId ?? '',
    [LakeQueryAttribute.QUERY_STATUS]: query.QueryStatus ?? '',
    [LakeQueryAttribute.EVENTS_MATCHED]: statistics.EventsMatched ?? 0,
    [LakeQueryAttribute.EVENTS_SCANNED]: statistics.EventsScanned ?? 0,
    [LakeQueryAttribute.BYTES_SCANNED]: statistics.BytesScanned ?? 0,
    [LakeQueryAttribute.EXECUTION_TIME_IN_MILLIS]: statistics.ExecutionTimeInMillis ?? 0,
    [LakeQueryAttribute.DELIVERY_S3_URI]: query.DeliveryS3Uri ?? '',
  };
}
