import {
  CancelQueryCommand, DescribeQueryCommand, DescribeQueryCommandOutput, paginateListQueries, QueryStatisticsForDescribeQuery, QueryStatus,
  StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import { cloudTrail } from './clients';
import { errorName, isNamed, OperationFailure } from './errors';
import { Logger } from './log';
import {
  changed, IsCompleteRequest, IsCompleteResponse, isUuid, OnEventRequest, OnEventResponse, required, ResourceProperties, resourceIdentity, storeName,
  WaitingOperationHandler,
} from './request';
import { NOT_FOUND_GRACE_MS, retryingNotFound, timing } from './timing';
import { adoptionWindow, candidatesWithin, isPastDeadline, startedAt, timedOut, waitFields } from './wait';
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
        return runQuery(event, log);
      case 'Update':
        return updateQuery(event, log);
      case 'Delete':
        return cancelQuery(event, log);
    }
  },
  isComplete: queryComplete,
};

function queryRequest(event: OnEventRequest): QueryRequest {
  const properties = event.ResourceProperties;
  const statement = required(properties, 'QueryStatement');
  return {
    eventDataStoreArn: required(properties, 'EventDataStoreArn'),
    ownerAccountId: ownerAccountIdOf(properties),
    statement,
    sentStatement: markedStatement(statement, resourceIdentity(event)),
    deliveryS3Uri: properties.DeliveryS3Uri || undefined,
  };
}

const NOT_FOUND = ['QueryIdNotFoundException'];
const isNotFound = (error: unknown) => isNamed(error, NOT_FOUND);

async function runQuery(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const request = queryRequest(event);
  const adopted = await findStartedQuery(request);
  if (adopted) {
    log.info('Adopted the query an earlier attempt of this request started', { queryId: adopted.QueryId, queryStatus: adopted.QueryStatus });
  }
  const query = adopted ?? await startQuery(request, log);
  return { PhysicalResourceId: query.QueryId, Data: queryAttributes(query), ...waitFields(event.ResourceProperties) };
}

async function startQuery(request: QueryRequest, log: Logger): Promise<DescribedQuery> {
  // the only line with the whole statement: later lines name the query by its id
  log.info('Starting the query', { statement: request.statement, deliveryS3Uri: request.deliveryS3Uri });
  const { QueryId } = await cloudTrail().send(new StartQueryCommand({
    QueryStatement: request.sentStatement, DeliveryS3Uri: request.deliveryS3Uri, ...ownerOf(request.ownerAccountId),
  }));
  if (!QueryId) {
    throw new OperationFailure('StartQuery returned no query ID.', 'Deploy again.');
  }
  log.info('Started the query', { queryId: QueryId });
  // From here on no failure may lose the query: it is the physical id, which the delete of a rollback cancels.
  return keptAfterStart(request, QueryId, log);
}

/**
 * The query just started, described; or, when a delivery of the same request started one a moment earlier (two
 * deliveries at once), that one, after cancelling this one. When CloudTrail cannot describe it yet, the query as
 * StartQuery left it: isComplete describes it later.
 */
async function keptAfterStart(request: QueryRequest, queryId: string, log: Logger): Promise<DescribedQuery> {
  try {
    const started = await retryingNotFound(() => describeQuery(request.eventDataStoreArn, queryId, request.ownerAccountId), isNotFound);
    if (request.sentStatement === request.statement) {
      // no identity recorded: another resource's query cannot be told from this one's
      return started;
    }
    const first = await findStartedQuery(request);
    if (!first || first.QueryId === queryId) {
      return started;
    }
    log.warn('Another delivery of this request started the same query first; cancelling this one and keeping that one', {
      queryId, keptQueryId: first.QueryId,
    });
    await cancelQuietly(request.eventDataStoreArn, queryId, request.ownerAccountId, log);
    return first;
  } catch (error) {
    log.warn('Could not describe the query just started; answering with its id', { queryId, reason: errorName(error) });
    return { QueryId: queryId, QueryStatus: QueryStatus.QUEUED, DeliveryS3Uri: request.deliveryS3Uri, $metadata: {} };
  }
}

async function updateQuery(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const request = queryRequest(event);
  const replacing = changed(LAKE_QUERY_REPLACING_PROPERTIES, event.ResourceProperties, event.OldResourceProperties);
  const existing = await existingQuery(request.eventDataStoreArn, event.PhysicalResourceId, request.ownerAccountId);
  if (existing && !replacing) {
    return { PhysicalResourceId: existing.QueryId, Data: queryAttributes(existing) };
  }
  if (existing && isQueryOf(existing, request, { identified: false })) {
    // e.g. CloudFormation's rollback Update, whose physical id names the query these properties ran
    log.info('The query of the physical id already is the one these properties ask for; keeping it', { queryId: existing.QueryId });
    return { PhysicalResourceId: existing.QueryId, Data: queryAttributes(existing) };
  }
  if (replacing) {
    log.info('The store, statement or delivery URI changed; running a new query');
  } else {
    log.warn('CloudTrail no longer knows the query; running it again');
  }
  return runQuery(event, log);
}

async function existingQuery(eventDataStoreArn: string, queryId: string | undefined,
  ownerAccountId: string | undefined): Promise<DescribedQuery | undefined> {
  if (!isUuid(queryId)) {
    return undefined;
  }
  try {
    return await retryingNotFound(() => describeQuery(eventDataStoreArn, queryId, ownerAccountId), isNotFound);
  } catch (error) {
    if (isNotFound(error)) {
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
    // a query started a moment ago may not be known yet: it is looked for again before it counts as gone
    const cancel = new CancelQueryCommand({
      EventDataStore: event.ResourceProperties.EventDataStoreArn, QueryId: queryId, ...ownerOf(ownerAccountIdOf(event.ResourceProperties)),
    });
    await retryingNotFound(() => cloudTrail().send(cancel), isNotFound);
    log.info('Cancelled the query', { queryId });
  } catch (error) {
    if (!isNamed(error, NOTHING_TO_CANCEL)) {
      throw error;
    }
    log.info('The query is no longer running; nothing to cancel', { queryId, reason: errorName(error) });
  }
  return { PhysicalResourceId: queryId };
}

async function cancelQuietly(eventDataStoreArn: string, queryId: string, ownerAccountId: string | undefined, log: Logger): Promise<void> {
  try {
    await cloudTrail().send(new CancelQueryCommand({ EventDataStore: eventDataStoreArn, QueryId: queryId, ...ownerOf(ownerAccountId) }));
  } catch (error) {
    // it may have ended on its own meanwhile
    log.warn('Could not cancel the query', { queryId, reason: errorName(error) });
  }
}

async function queryComplete(event: IsCompleteRequest, log: Logger): Promise<IsCompleteResponse> {
  if (event.Deadline === undefined) {
    return { IsComplete: true };
  }
  const eventDataStoreArn = required(event.ResourceProperties, 'EventDataStoreArn');
  const queryId = event.PhysicalResourceId;
  const query = await describeOrWait(event, eventDataStoreArn, log);
  if (!query) {
    return { IsComplete: false };
  }
  if (query.QueryStatus === QueryStatus.FINISHED) {
    log.info('The query finished', { queryId, statistics: query.QueryStatistics, deliveryStatus: query.DeliveryStatus });
    return { IsComplete: true, Data: queryAttributes(query) };
  }
  if (!RUNNING_QUERY_STATUSES.includes(query.QueryStatus ?? '')) {
    throw queryFailure(query);
  }
  if (!isPastDeadline(event)) {
    log.info('The query is still running', { queryId, queryStatus: query.QueryStatus });
    return { IsComplete: false };
  }
  // it may have ended on its own meanwhile; the timeout is reported either way
  await cancelQuietly(eventDataStoreArn, queryId, ownerAccountIdOf(event.ResourceProperties), log);
  throw timedOut(`query ${queryId}`, event.ResourceProperties, 'it was cancelled');
}

/** The query; undefined while CloudTrail does not know a query that started a moment ago (the waiter asks again). */
async function describeOrWait(event: IsCompleteRequest, eventDataStoreArn: string, log: Logger): Promise<DescribedQuery | undefined> {
  try {
    return await describeQuery(eventDataStoreArn, event.PhysicalResourceId, ownerAccountIdOf(event.ResourceProperties));
  } catch (error) {
    const started = startedAt(event);
    if (isNotFound(error) && started !== undefined && timing.now() - started < NOT_FOUND_GRACE_MS) {
      log.warn('CloudTrail does not know the query yet; asking again', { queryId: event.PhysicalResourceId });
      return undefined;
    }
    throw error;
  }
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

/**
 * Why a query ended without results (FAILED, TIMED_OUT or CANCELLED), with CloudTrail's reason, and what to do (a
 * long reason is cut, never what to do).
 */
export function queryFailure(query: DescribeQueryCommandOutput): OperationFailure {
  const reason = (query.ErrorMessage ?? 'CloudTrail gave no reason').replace(/\.\s*$/, '');
  switch (query.QueryStatus) {
    case QueryStatus.TIMED_OUT:
      return new OperationFailure(`query ${query.QueryId} timed out in CloudTrail Lake: ${reason}.`,
        'Narrow it (a shorter eventTime range, fewer columns) so that it finishes in time.');
    case QueryStatus.CANCELLED:
      return new OperationFailure(`query ${query.QueryId} was cancelled by someone else: ${reason}.`, 'Run it again.');
    default:
      return new OperationFailure(`query ${query.QueryId} failed: ${reason}.`, 'Correct the statement (or the delivery bucket), then run it again.');
  }
}

const ADOPTABLE_STATUSES: readonly string[] = [QueryStatus.QUEUED, QueryStatus.RUNNING, QueryStatus.FINISHED];

/** The query a LakeQuery asks for. */
export interface QueryRequest {
  readonly eventDataStoreArn: string;
  /** The store's owner when it is another account (EventDataStoreOwnerAccountId). */
  readonly ownerAccountId?: string;
  /** As the template holds it. */
  readonly statement: string;
  /** As StartQuery receives it: with a comment naming the resource, when it fits. */
  readonly sentStatement: string;
  readonly deliveryS3Uri?: string;
}

// A line comment after the statement (CloudTrail Lake runs Trino SQL, where it is no part of the query)
const IDENTITY_COMMENT = '\n-- cdk-cloudtrail-org resource ';
/** StartQuery's longest statement (API reference, StartQuery QueryStatement). */
const MAX_STATEMENT_LENGTH = 10_000;

/**
 * The statement as StartQuery receives it: followed by a comment that names the resource (stack and logical id), so
 * that finding a started query again never takes another resource's query of the same statement. A statement too
 * long for the comment is sent as it is.
 */
export function markedStatement(statement: string, identity: string | undefined): string {
  const marked = identity ? `${statement}${IDENTITY_COMMENT}${identity}` : statement;
  return marked.length <= MAX_STATEMENT_LENGTH ? marked : statement;
}

/**
 * Whether the query is the one the request asks for: the same statement and delivery URI, and (when `identified`)
 * started for the same resource. The query of a resource's own physical id needs no identity: it may predate it.
 */
function isQueryOf(query: DescribedQuery, request: QueryRequest, { identified }: { identified: boolean }): boolean {
  const statement = identified ? request.sentStatement : (query.QueryString ?? '').split(IDENTITY_COMMENT)[0];
  return ADOPTABLE_STATUSES.includes(query.QueryStatus ?? '')
    && (identified ? query.QueryString === statement : statement === request.statement)
    && (query.DeliveryS3Uri ?? '') === (request.deliveryS3Uri ?? '');
}

/**
 * The query on the store that an earlier attempt (or another delivery) of the same request started: StartQuery takes
 * no client token, so a repeated event would otherwise run the query twice. It is the first query of the last
 * minutes, of every page of ListQueries, that has not failed, with the same statement (naming the same resource)
 * and delivery URI.
 */
export async function findStartedQuery(request: QueryRequest): Promise<DescribedQuery | undefined> {
  const window = adoptionWindow(timing.now());
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
  for (const candidate of candidatesWithin(queries, (query) => query.createdAt, window)) {
    const query = await describeQuery(request.eventDataStoreArn, candidate.queryId, request.ownerAccountId);
    if (isQueryOf(query, request, { identified: true })) {
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
