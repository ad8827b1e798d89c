import { DescribeQueryCommand, DescribeQueryCommandOutput, QueryStatus } from '@aws-sdk/client-cloudtrail';
import { cloudTrail } from './clients';

/** Statuses of a query that has not ended yet. */
export const RUNNING_QUERY_STATUSES: readonly string[] = [QueryStatus.QUEUED, QueryStatus.RUNNING];

/** A DescribeQuery response, with the id it was asked for. */
export type DescribedQuery = DescribeQueryCommandOutput & { readonly QueryId: string };

/** DescribeQuery of a query on the event data store. */
export async function describeQuery(eventDataStoreArn: string, queryId: string): Promise<DescribedQuery> {
  const query = await cloudTrail().send(new DescribeQueryCommand({ EventDataStore: eventDataStoreArn, QueryId: queryId }));
  return { ...query, QueryId: queryId };
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
