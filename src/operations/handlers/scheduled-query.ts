import { setTimeout as sleep } from 'timers/promises';
import { GetQueryResultsCommand, QueryStatus, StartQueryCommand } from '@aws-sdk/client-cloudtrail';
import { PublishCommand } from '@aws-sdk/client-sns';
import { cloudTrail } from './clients';
import { errorName, failureMessage, FailureScope, OperationFailure } from './errors';
import { DescribedQuery, describeQuery, ownerOf, queryFailure, RUNNING_QUERY_STATUSES } from './lake-query';
import { createLogger, Logger } from './log';
import { storeName } from './request';
import { sns } from './sns-client';
import { ScheduledQueryInput } from '../operation-properties';

const DEFAULT_POLL_INTERVAL_MS = 5_000;
// time for the last calls (results, notification) before Lambda stops the function
const MIN_REMAINING_MS = 20_000;
const RESULT_ROWS = 10;

/** The part of the Lambda context the run needs. */
export interface RemainingTime {
  getRemainingTimeInMillis(): number;
}

/** How a run polls; tests shorten the interval. */
export interface ScheduledQueryOptions {
  /** @default 5000 */
  readonly pollIntervalMs?: number;
}

/** What a run did, as the function returns it. */
export interface ScheduledQuerySummary {
  readonly name: string;
  readonly queryId: string;
  readonly queryStatus: string;
  /** The rows the query returned; absent when the run ended before the query. */
  readonly rowCount?: number;
  readonly notified: boolean;
}

/**
 * One scheduled run: starts the query, waits for it while the function has time, and publishes a
 * notification to the topic when it returns rows. A query that outlives the function keeps running and
 * still delivers its results to S3.
 */
export async function runScheduledQuery(
  input: ScheduledQueryInput, context: RemainingTime, options: ScheduledQueryOptions = {},
): Promise<ScheduledQuerySummary> {
  const scope: FailureScope = { operation: 'ScheduledQuery', resource: `${storeName(input.eventDataStoreArn)} ("${input.name}")` };
  const log = createLogger({ operation: scope.operation, name: input.name });
  try {
    return await run(input, context, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, log);
  } catch (error) {
    const message = failureMessage(scope, error);
    log.error(message, { errorName: errorName(error) });
    throw new Error(message);
  }
}

async function run(input: ScheduledQueryInput, context: RemainingTime, pollIntervalMs: number, log: Logger): Promise<ScheduledQuerySummary> {
  // the only line with the whole statement: later lines name the query by its id
  log.info('Starting the query', { statement: input.queryStatement, deliveryS3Uri: input.deliveryS3Uri });
  const { QueryId } = await cloudTrail().send(new StartQueryCommand({
    QueryStatement: input.queryStatement, DeliveryS3Uri: input.deliveryS3Uri, ...ownerOf(input.eventDataStoreOwnerAccountId),
  }));
  if (!QueryId) {
    throw new OperationFailure('StartQuery returned no query ID; the next run starts the query again.');
  }
  log.info('Started the query', { queryId: QueryId });
  const query = await waitForQuery(input, QueryId, context, pollIntervalMs);
  if (RUNNING_QUERY_STATUSES.includes(query.QueryStatus ?? '')) {
    log.warn('The function is about to time out; the query keeps running and still delivers its results',
      { queryId: QueryId, queryStatus: query.QueryStatus, deliveryS3Uri: input.deliveryS3Uri });
    return { name: input.name, queryId: QueryId, queryStatus: query.QueryStatus ?? '', notified: false };
  }
  if (query.QueryStatus !== QueryStatus.FINISHED) {
    throw queryFailure(query);
  }
  return report(input, query, log);
}

/** Polls until the query ends or the function has too little time left; returns its last description. */
async function waitForQuery(input: ScheduledQueryInput, queryId: string, context: RemainingTime, pollIntervalMs: number): Promise<DescribedQuery> {
  for (;;) {
    const query = await describeQuery(input.eventDataStoreArn, queryId, input.eventDataStoreOwnerAccountId);
    if (!RUNNING_QUERY_STATUSES.includes(query.QueryStatus ?? '') || context.getRemainingTimeInMillis() - pollIntervalMs < MIN_REMAINING_MS) {
      return query;
    }
    await sleep(pollIntervalMs);
  }
}

async function report(input: ScheduledQueryInput, query: DescribedQuery, log: Logger): Promise<ScheduledQuerySummary> {
  const results = await cloudTrail().send(new GetQueryResultsCommand({
    EventDataStore: input.eventDataStoreArn, QueryId: query.QueryId, MaxQueryResults: RESULT_ROWS, ...ownerOf(input.eventDataStoreOwnerAccountId),
  }));
  // a row is a list of one-column maps; one map per row reads better
  const rows = (results.QueryResultRows ?? []).map((columns) => Object.assign({}, ...columns) as Record<string, string>);
  const rowCount = results.QueryStatistics?.TotalResultsCount ?? rows.length;
  const summary = { name: input.name, queryId: query.QueryId, queryStatus: QueryStatus.FINISHED, rowCount };
  log.info('The query finished', { queryId: query.QueryId, rowCount, statistics: query.QueryStatistics });
  if (rowCount === 0 || !input.topicArn) {
    return { ...summary, notified: false };
  }
  const outcome = {
    name: input.name,
    queryId: query.QueryId,
    rowCount,
    eventsMatched: query.QueryStatistics?.EventsMatched ?? 0,
    deliveryS3Uri: query.DeliveryS3Uri ?? input.deliveryS3Uri,
  };
  const { MessageId } = await sns().send(new PublishCommand({
    TopicArn: input.topicArn, Subject: notificationSubject(input.name, rowCount), Message: notificationMessage(outcome, rows),
  }));
  log.info('Published the notification', { queryId: query.QueryId, topicArn: input.topicArn, messageId: MessageId });
  return { ...summary, notified: true };
}

/** SNS subjects must be shorter than 100 characters, of printable ASCII. */
export const MAX_SUBJECT_LENGTH = 99;
/** Well under SNS's 256 KB, so that an email stays readable. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

/** What a notification says about the query besides its rows. */
export interface QueryOutcome {
  readonly name: string;
  readonly queryId: string;
  readonly rowCount: number;
  readonly eventsMatched: number;
  readonly deliveryS3Uri?: string;
}

/** The subject of the notification: the query's name, cut so that the row count always shows. */
export function notificationSubject(name: string, rowCount: number): string {
  const prefix = 'CloudTrail Lake: ';
  const suffix = ` found ${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`;
  const printable = name.replace(/[^\x20-\x7e]/g, '?');
  const room = MAX_SUBJECT_LENGTH - prefix.length - suffix.length;
  const shortName = printable.length <= room ? printable : `${printable.slice(0, room - 3)}...`;
  return `${prefix}${shortName}${suffix}`;
}

/** The notification: JSON with the outcome and as many of the first rows as fit in MAX_NOTIFICATION_BYTES. */
export function notificationMessage(outcome: QueryOutcome, rows: readonly Record<string, string>[]): string {
  const message = (shown: number) => JSON.stringify({ ...outcome, rowsShown: shown, rows: rows.slice(0, shown) }, undefined, 2);
  let shown = rows.length;
  while (shown > 0 && Buffer.byteLength(message(shown)) > MAX_NOTIFICATION_BYTES) {
    shown--;
  }
  return message(shown);
}
