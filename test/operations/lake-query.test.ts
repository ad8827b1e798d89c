import {
  CancelQueryCommand, CloudTrailClient, DescribeQueryCommand, ListQueriesCommand, QueryStatus, StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { FakeLake } from './fake-lake';
import {
  awsError, captureLogs, completeEvent, createEvent, deleteEvent, instantPauses, jsonBytes, MAX_RESPONSE_BYTES, NOW, rejection, STORE_ARN,
  updateEvent,
} from './helpers';
import { handler as isComplete } from '../../src/operations/operation-complete.lambda';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

const cloudTrail = mockClient(CloudTrailClient);
const logs = captureLogs();
const clock = instantPauses();
let lake: FakeLake;

const STATEMENT = 'SELECT eventName, COUNT(*) FROM abc GROUP BY eventName';
/** The statement as StartQuery receives it: with a comment naming the resource (stack and logical id). */
const marked = (statement: string, logicalId = 'Operation') => `${statement}\n-- cdk-cloudtrail-org resource Audit/11111111-2222-4333-8444-555555555555/${logicalId}`;
const PROPERTIES = {
  ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:provider',
  Operation: 'LakeQuery',
  EventDataStoreArn: STORE_ARN,
  QueryStatement: STATEMENT,
  DeliveryS3Uri: 's3://results/lake',
  WaitForCompletion: 'true',
  TimeoutSeconds: '1800',
};

beforeEach(() => {
  cloudTrail.reset();
  lake = new FakeLake(cloudTrail);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

describe('create', () => {
  test('starts the query and answers with its id, its attributes and a deadline', async () => {
    const response = await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(StartQueryCommand).map((call) => call.args[0].input)).toEqual([
      { QueryStatement: marked(STATEMENT), DeliveryS3Uri: 's3://results/lake' },
    ]);
    const [queryId] = lake.queries.keys();
    expect(response).toEqual({
      PhysicalResourceId: queryId,
      Data: {
        QueryId: queryId,
        QueryStatus: 'QUEUED',
        EventsMatched: 0,
        EventsScanned: 0,
        BytesScanned: 0,
        ExecutionTimeInMillis: 0,
        DeliveryS3Uri: 's3://results/lake',
      },
      Deadline: NOW + 1800 * 1000,
    });
    expect(cloudTrail.commandCalls(DescribeQueryCommand)[0].args[0].input).toEqual({ EventDataStore: STORE_ARN, QueryId: queryId });
  });

  test('looks for a query an earlier attempt started among the queries of the last 15 minutes', async () => {
    await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(ListQueriesCommand)[0].args[0].input).toEqual({
      EventDataStore: STORE_ARN, StartTime: new Date(NOW - 15 * 60_000), EndTime: new Date(NOW + 60_000),
    });
  });

  test('the same event twice starts one query: the second attempt adopts it', async () => {
    const event = createEvent(PROPERTIES);

    const first = await onEvent(event);
    const second = await onEvent(event);

    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(1);
    expect(second).toEqual(first);
    expect(logs.lines().filter((line) => line.message.startsWith('Adopted'))).toEqual([
      expect.objectContaining({ level: 'INFO', queryId: first.PhysicalResourceId, operation: 'LakeQuery', requestType: 'Create' }),
    ]);
  });

  test.each([
    ['another statement', { QueryString: 'SELECT 1 FROM abc', DeliveryS3Uri: 's3://results/lake' }],
    ['another delivery URI', { QueryString: STATEMENT, DeliveryS3Uri: 's3://elsewhere/lake' }],
    ['no delivery URI', { QueryString: STATEMENT }],
    ['a failed query', { QueryString: STATEMENT, DeliveryS3Uri: 's3://results/lake', QueryStatus: QueryStatus.FAILED }],
    ['an older query', { QueryString: STATEMENT, DeliveryS3Uri: 's3://results/lake', CreationTime: new Date(NOW - 16 * 60_000) }],
  ])('does not adopt %s', async (_case, query) => {
    lake.addQuery(query);

    await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(1);
  });

  test('looks at every candidate of every page, not only the newest 10, and adopts this resource\'s query', async () => {
    lake.pageSize = 3;
    const own = lake.addQuery({ QueryString: marked(STATEMENT), DeliveryS3Uri: 's3://results/lake', CreationTime: new Date(NOW - 14 * 60_000) });
    for (let minute = 1; minute <= 12; minute++) {
      lake.addQuery({ QueryString: `SELECT ${minute} FROM abc`, CreationTime: new Date(NOW - minute * 60_000) });
    }

    const response = await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(ListQueriesCommand)).toHaveLength(5);
    expect(cloudTrail.commandCalls(DescribeQueryCommand)).toHaveLength(1);
    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(0);
    expect(response.PhysicalResourceId).toBe(own.QueryId);
  });

  test('never adopts the query of another resource with the same statement (another logical id or stack)', async () => {
    lake.addQuery({ QueryString: marked(STATEMENT, 'OtherQuery'), DeliveryS3Uri: 's3://results/lake' });
    lake.addQuery({ QueryString: marked(STATEMENT).replace('Audit/', 'Other/'), DeliveryS3Uri: 's3://results/lake' });
    lake.addQuery({ QueryString: STATEMENT, DeliveryS3Uri: 's3://results/lake' });

    const response = await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(1);
    expect(lake.query(response.PhysicalResourceId).QueryString).toBe(marked(STATEMENT));
  });

  test('without waiting, answers at once and isComplete needs no call', async () => {
    const event = createEvent({ ...PROPERTIES, WaitForCompletion: 'false' });

    const response = await onEvent(event);
    cloudTrail.resetHistory();

    expect(response).not.toHaveProperty('Deadline');
    expect(await isComplete(completeEvent(event, response))).toEqual({ IsComplete: true });
    expect(cloudTrail.calls()).toHaveLength(0);
  });

  test('a statement CloudTrail rejects fails with its reason', async () => {
    cloudTrail.on(StartQueryCommand).rejects(awsError('InvalidQueryStatementException', 'Query statement has an invalid column name: eventNam.'));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toBe('LakeQuery on eventdatastore/abc: CloudTrail rejected the query statement: '
      + 'Query statement has an invalid column name: eventNam. Correct the SQL (its FROM clause must name the event data store\'s ID), then deploy again.');
  });

  test('ten running queries fail the create with what to do', async () => {
    cloudTrail.on(StartQueryCommand).rejects(awsError('MaxConcurrentQueriesException'));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toBe('LakeQuery on eventdatastore/abc: CloudTrail Lake runs at most 10 queries at '
      + 'once per account, and that many are running now. Wait for some to finish (or cancel them), then deploy again.');
  });

  test('an account that is not a Lake customer is told that Lake is closed to new customers', async () => {
    cloudTrail.on(ListQueriesCommand).rejects(awsError('UnsupportedOperationException', 'CloudTrail Lake is no longer available to new customers.'));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toBe('LakeQuery on eventdatastore/abc: CloudTrail Lake is closed to new customers '
      + 'since May 31, 2026, and this account is not an existing Lake customer, so LakeQuery cannot run here. Query the trail\'s log files in S3 '
      + 'with Amazon Athena instead, or run it in an account that already uses CloudTrail Lake.');
  });
});

describe('isComplete', () => {
  async function started(properties = PROPERTIES) {
    const event = createEvent(properties);
    const response = await onEvent(event);
    cloudTrail.resetHistory();
    return { request: completeEvent(event, response), query: lake.query(response.PhysicalResourceId) };
  }

  test.each([QueryStatus.QUEUED, QueryStatus.RUNNING])('%s is not complete, and says nothing else', async (status) => {
    const { request, query } = await started();
    query.QueryStatus = status;

    expect(await isComplete(request)).toEqual({ IsComplete: false });
    expect(cloudTrail.commandCalls(DescribeQueryCommand)[0].args[0].input).toEqual({ EventDataStore: STORE_ARN, QueryId: query.QueryId });
  });

  test('FINISHED is complete, with the statistics', async () => {
    const { request, query } = await started();
    query.QueryStatus = QueryStatus.FINISHED;
    query.QueryStatistics = { EventsMatched: 12, EventsScanned: 3400, BytesScanned: 56789, ExecutionTimeInMillis: 4321 };

    expect(await isComplete(request)).toEqual({
      IsComplete: true,
      Data: {
        QueryId: query.QueryId,
        QueryStatus: 'FINISHED',
        EventsMatched: 12,
        EventsScanned: 3400,
        BytesScanned: 56789,
        ExecutionTimeInMillis: 4321,
        DeliveryS3Uri: 's3://results/lake',
      },
    });
  });

  test.each([
    [QueryStatus.FAILED, 'failed: Access denied to the delivery bucket. Correct the statement (or the delivery bucket), then run it again.'],
    [QueryStatus.TIMED_OUT, 'timed out in CloudTrail Lake: Access denied to the delivery bucket. Narrow it (a shorter eventTime range, '
      + 'fewer columns) so that it finishes in time.'],
    [QueryStatus.CANCELLED, 'was cancelled by someone else: Access denied to the delivery bucket. Run it again.'],
  ])('%s fails with the query\'s error message', async (status, text) => {
    const { request, query } = await started();
    query.QueryStatus = status;
    query.ErrorMessage = 'Access denied to the delivery bucket.';

    expect(await rejection(isComplete(request))).toBe(`LakeQuery on eventdatastore/abc: query ${query.QueryId} ${text}`);
  });

  test('past the deadline, cancels the query and says how to avoid it', async () => {
    const { request, query } = await started({ ...PROPERTIES, TimeoutSeconds: '600' });
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 600_001);

    expect(await rejection(isComplete(request))).toBe(`LakeQuery on eventdatastore/abc: query ${query.QueryId} did not finish within 10 `
      + 'minutes; it was cancelled. Raise timeout (at most 55 minutes) or set waitForCompletion: false.');
    expect(cloudTrail.commandCalls(CancelQueryCommand)[0].args[0].input).toEqual({ EventDataStore: STORE_ARN, QueryId: query.QueryId });
    expect(query.QueryStatus).toBe(QueryStatus.CANCELLED);
  });

  test('at the deadline, still waits', async () => {
    const { request } = await started({ ...PROPERTIES, TimeoutSeconds: '600' });
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 600_000);

    expect(await isComplete(request)).toEqual({ IsComplete: false });
  });

  test('past the deadline, reports the timeout even when the cancel fails', async () => {
    const { request } = await started({ ...PROPERTIES, TimeoutSeconds: '90' });
    cloudTrail.on(CancelQueryCommand).rejects(awsError('ConflictException'));
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 91_000);

    expect(await rejection(isComplete(request))).toMatch(/did not finish within 90 seconds; it was cancelled\./);
  });

  test('every answer stays under 4096 bytes, even with a 10000-character statement and a huge error message', async () => {
    const statement = `SELECT eventName FROM abc WHERE ${'x'.repeat(10_000 - 32)}`;
    expect(statement).toHaveLength(10_000);
    const event = createEvent({ ...PROPERTIES, QueryStatement: statement, DeliveryS3Uri: `s3://results/${'p'.repeat(1000)}` });
    const response = await onEvent(event);
    const query = lake.query(response.PhysicalResourceId);
    query.QueryStatus = QueryStatus.FINISHED;
    const complete = await isComplete(completeEvent(event, response));
    query.QueryStatus = QueryStatus.FAILED;
    query.ErrorMessage = `Statement ${statement} is invalid: ${'e'.repeat(100_000)}`;
    const message = await rejection(isComplete(completeEvent(event, response)));

    expect(jsonBytes(response)).toBeLessThan(MAX_RESPONSE_BYTES);
    expect(jsonBytes(complete)).toBeLessThan(MAX_RESPONSE_BYTES);
    expect(message).toHaveLength(1000);
    // the error is cut, never what to do
    expect(message).toMatch(/…\(cut\) Correct the statement \(or the delivery bucket\), then run it again\.$/);
    expect(jsonBytes({ Reason: message, ...response })).toBeLessThan(MAX_RESPONSE_BYTES);
  });
});

describe('update', () => {
  test('a new timeout keeps the query and answers with its current attributes', async () => {
    const query = lake.addQuery({ QueryString: STATEMENT, DeliveryS3Uri: 's3://results/lake', QueryStatus: QueryStatus.FINISHED });

    const response = await onEvent(updateEvent({ ...PROPERTIES, TimeoutSeconds: '600' }, PROPERTIES, query.QueryId));

    expect(response).toEqual({ PhysicalResourceId: query.QueryId, Data: expect.objectContaining({ QueryId: query.QueryId, QueryStatus: 'FINISHED' }) });
    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(0);
  });

  test('a kept query CloudTrail no longer knows runs again', async () => {
    const gone = '00000000-0000-4000-8000-000000000000';

    const response = await onEvent(updateEvent({ ...PROPERTIES, TimeoutSeconds: '600' }, PROPERTIES, gone));

    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(1);
    expect(response.PhysicalResourceId).not.toBe(gone);
    // "not found" counts as final only after 30 seconds of looking again
    expect(clock.pauses()).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
    expect(response.Deadline).toBe(NOW + 30_000 + 600_000);
  });

  test('an error other than not-found fails the update instead of running the query again', async () => {
    const query = lake.addQuery({ QueryString: STATEMENT, DeliveryS3Uri: 's3://results/lake', QueryStatus: QueryStatus.FINISHED });
    cloudTrail.on(DescribeQueryCommand).rejects(awsError('InactiveEventDataStoreException'));

    expect(await rejection(onEvent(updateEvent({ ...PROPERTIES, TimeoutSeconds: '600' }, PROPERTIES, query.QueryId)))).toBe('LakeQuery on '
      + 'eventdatastore/abc: the event data store is not enabled (it is pending deletion). Restore it with RestoreEventDataStore, then deploy again.');
    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(0);
  });

  test.each([
    ['QueryStatement', { QueryStatement: 'SELECT 1 FROM abc' }],
    ['DeliveryS3Uri', { DeliveryS3Uri: 's3://elsewhere/lake' }],
    // the construct's statement names the store it queries
    ['EventDataStoreArn', { EventDataStoreArn: STORE_ARN.replace('/abc', '/def'), QueryStatement: STATEMENT.replace('abc', 'def') }],
  ])('a new %s runs a new query, with a new physical id', async (_key, change) => {
    const old = lake.addQuery({ QueryString: STATEMENT, DeliveryS3Uri: 's3://results/lake', QueryStatus: QueryStatus.FINISHED });
    const properties = { ...PROPERTIES, ...change };

    const response = await onEvent(updateEvent(properties, PROPERTIES, old.QueryId));

    expect(cloudTrail.commandCalls(StartQueryCommand).map((call) => call.args[0].input)).toEqual([
      { QueryStatement: marked(properties.QueryStatement), DeliveryS3Uri: properties.DeliveryS3Uri },
    ]);
    expect(response.PhysicalResourceId).not.toBe(old.QueryId);
  });
});

describe('delete', () => {
  test('cancels a running query', async () => {
    const query = lake.addQuery({ QueryString: STATEMENT });

    expect(await onEvent(deleteEvent(PROPERTIES, query.QueryId))).toEqual({ PhysicalResourceId: query.QueryId });
    expect(cloudTrail.commandCalls(CancelQueryCommand)[0].args[0].input).toEqual({ EventDataStore: STORE_ARN, QueryId: query.QueryId });
    expect(query.QueryStatus).toBe(QueryStatus.CANCELLED);
  });

  test('the same delete twice succeeds twice', async () => {
    const query = lake.addQuery({ QueryString: STATEMENT });
    const event = deleteEvent(PROPERTIES, query.QueryId);

    await onEvent(event);
    await onEvent(event);

    expect(cloudTrail.commandCalls(CancelQueryCommand)).toHaveLength(2);
  });

  test.each([
    'InactiveQueryException', 'QueryIdNotFoundException', 'EventDataStoreNotFoundException', 'EventDataStoreARNInvalidException',
    'InactiveEventDataStoreException',
  ])('%s means there is nothing to cancel', async (name) => {
    const queryId = '22222222-2222-4222-8222-222222222222';
    cloudTrail.on(CancelQueryCommand).rejects(awsError(name));

    expect(await onEvent(deleteEvent(PROPERTIES, queryId))).toEqual({ PhysicalResourceId: queryId });
  });

  test('a physical id that is no query id (a failed create) needs no call', async () => {
    const physicalResourceId = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';

    expect(await onEvent(deleteEvent(PROPERTIES, physicalResourceId))).toEqual({ PhysicalResourceId: physicalResourceId });
    expect(cloudTrail.calls()).toHaveLength(0);
  });

  test('other errors fail the delete', async () => {
    cloudTrail.on(CancelQueryCommand).rejects(awsError('AccessDeniedException', 'User: arn:aws:sts::111111111111:assumed-role/h/x is not '
      + 'authorized to perform: cloudtrail:CancelQuery on resource: arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/abc'));

    expect(await rejection(onEvent(deleteEvent(PROPERTIES, '33333333-3333-4333-8333-333333333333')))).toMatch(
      /^LakeQuery on eventdatastore\/abc: access denied: the handler's role may not call cloudtrail:CancelQuery\./);
  });
});
