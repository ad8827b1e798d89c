import {
  CancelQueryCommand, CloudTrailClient, ImportStatus, QueryStatus, StartImportCommand, StartQueryCommand, StopImportCommand,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { FakeLake } from './fake-lake';
import {
  captureLogs, completeEvent, createEvent, deleteEvent, instantPauses, networkError, NOW, rejection, serverError, STORE_ARN, updateEvent,
} from './helpers';
import { handler as isComplete } from '../../src/operations/operation-complete.lambda';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

// The operation handlers against a simulated CloudTrail Lake with seeded faults (issue 15, "Operations under faults"):
// failures after a start, lost responses, duplicate and concurrent deliveries, rollbacks, eventual consistency.

const cloudTrail = mockClient(CloudTrailClient);
captureLogs();
const clock = instantPauses();
let lake: FakeLake;

const STATEMENT = 'SELECT eventName, COUNT(*) FROM abc GROUP BY eventName';
const QUERY = {
  Operation: 'LakeQuery',
  EventDataStoreArn: STORE_ARN,
  QueryStatement: STATEMENT,
  DeliveryS3Uri: 's3://results/lake',
  WaitForCompletion: 'true',
  TimeoutSeconds: '1800',
};
const ROLE_ARN = 'arn:aws:iam::111111111111:role/import';
const IMPORT = {
  Operation: 'LakeImport',
  EventDataStoreArn: STORE_ARN,
  S3LocationUri: 's3://trail-logs/AWSLogs/o-abcdefghij',
  S3BucketRegion: 'eu-west-1',
  S3BucketAccessRoleArn: ROLE_ARN,
  StartEventTime: '2026-01-01T00:00:00.000Z',
  EndEventTime: '2026-02-01T00:00:00.000Z',
  WaitForCompletion: 'true',
  TimeoutSeconds: '3300',
};

beforeEach(() => {
  cloudTrail.reset();
  lake = new FakeLake(cloudTrail);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

const running = (status: string | undefined) => status === QueryStatus.QUEUED || status === QueryStatus.RUNNING
  || status === ImportStatus.INITIALIZING || status === ImportStatus.IN_PROGRESS;

describe('#12: once a start returned an id, no later failure loses it', () => {
  test.each([
    ['a 5xx burst', () => lake.fail('DescribeQuery', serverError('InternalServerException'), serverError(), serverError())],
    ['a network error', () => lake.fail('DescribeQuery', networkError('ECONNRESET'))],
    // StartQuery's DescribeQuery and its 5 looks again miss it
    ['the query not visible yet, for longer than the handler looks', () => lake.lag(6)],
  ])('DescribeQuery failing right after StartQuery (%s) answers with the query id, which isComplete then follows', async (_case, fault) => {
    fault();
    const event = createEvent(QUERY);

    const response = await onEvent(event);

    const [query] = lake.queries.values();
    expect(response.PhysicalResourceId).toBe(query.QueryId);
    expect(response.Data).toEqual(expect.objectContaining({ QueryId: query.QueryId, QueryStatus: 'QUEUED' }));
    // the rollback's delete reaches the handler with this id, and cancels the query
    await onEvent(deleteEvent(QUERY, response.PhysicalResourceId));
    expect(query.QueryStatus).toBe(QueryStatus.CANCELLED);
  });
});

describe('#13: AccountHasOngoingImportException for the request\'s own import', () => {
  test('a StartImport whose answer was lost, sent again by the SDK, adopts the import it started', async () => {
    lake.loseResponses('StartImport');

    const response = await onEvent(createEvent(IMPORT));

    expect(lake.imports.size).toBe(1);
    expect(response.PhysicalResourceId).toBe([...lake.imports.keys()][0]);
  });

  test('the same Create delivered twice, one after the other, starts one import', async () => {
    const event = createEvent(IMPORT);
    lake.lag(1);

    const first = await onEvent(event);
    const second = await onEvent(event);

    expect(lake.imports.size).toBe(1);
    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
  });

  test('another resource\'s import still names it', async () => {
    const other = lake.addImport({ input: { Destinations: [STORE_ARN], ImportSource: { S3: { S3LocationUri: 's3://other/AWSLogs', S3BucketRegion: 'eu-west-1', S3BucketAccessRoleArn: ROLE_ARN } } } });

    expect(await rejection(onEvent(createEvent(IMPORT)))).toMatch(`import ${other.ImportId} is still running. Wait for it to finish`);
  });
});

describe('#14: an Update whose physical id names the operation the properties ask for keeps it', () => {
  test('CloudFormation\'s rollback Update of a query keeps the query, without running it again', async () => {
    const created = await onEvent(createEvent(QUERY));
    const failedUpdate = { ...QUERY, QueryStatement: 'SELECT 1 FROM abc' };
    cloudTrail.resetHistory();

    // the update to failedUpdate failed before it answered; the rollback asks for the old properties again, later than
    // a new create would look for an earlier attempt's query
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 20 * 60_000);
    const rollback = await onEvent(updateEvent(QUERY, failedUpdate, created.PhysicalResourceId));

    expect(rollback.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(0);
  });

  test('CloudFormation\'s rollback Update of an import that still runs keeps it: no second import of the range, no UPDATE_ROLLBACK_FAILED', async () => {
    const created = await onEvent(createEvent(IMPORT));
    const newRange = { ...IMPORT, EndEventTime: '2026-03-01T00:00:00.000Z' };
    // the update cannot start its import while the first one runs
    expect(await rejection(onEvent(updateEvent(newRange, IMPORT, created.PhysicalResourceId)))).toMatch(/is still running/);
    cloudTrail.resetHistory();
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 20 * 60_000);

    const rollback = await onEvent(updateEvent(IMPORT, newRange, created.PhysicalResourceId));

    expect(rollback.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(0);
    expect(lake.imports.size).toBe(1);
  });

  test('a rollback to a range this resource imported before (any age) keeps that import: its events are in the store already', async () => {
    const old = lake.addImport({
      input: {
        Destinations: [STORE_ARN],
        StartEventTime: new Date(IMPORT.StartEventTime),
        EndEventTime: new Date(IMPORT.EndEventTime),
        ImportSource: { S3: { S3LocationUri: IMPORT.S3LocationUri, S3BucketRegion: IMPORT.S3BucketRegion, S3BucketAccessRoleArn: ROLE_ARN } },
      },
      ImportStatus: ImportStatus.COMPLETED,
      CreatedTimestamp: new Date(NOW - 3 * 86_400_000),
    });
    const newer = lake.addImport({
      input: { Destinations: [STORE_ARN], ImportSource: { S3: { S3LocationUri: IMPORT.S3LocationUri, S3BucketRegion: 'eu-west-1', S3BucketAccessRoleArn: ROLE_ARN } } },
      ImportStatus: ImportStatus.COMPLETED,
    });

    const response = await onEvent(updateEvent(IMPORT, { ...IMPORT, EndEventTime: '2026-03-01T00:00:00.000Z' }, newer.ImportId));

    expect(response.PhysicalResourceId).toBe(old.ImportId);
    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(0);
  });
});

describe('#15: adoption finds only this resource\'s operation, among every candidate, and starts at most one', () => {
  test('two simultaneous deliveries of a query\'s Create leave one query running, and both answer with it', async () => {
    const event = createEvent(QUERY);

    const [first, second] = await Promise.all([onEvent(event), onEvent(event)]);

    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    const stillRunning = [...lake.queries.values()].filter((query) => running(query.QueryStatus));
    expect(stillRunning.map((query) => query.QueryId)).toEqual([first.PhysicalResourceId]);
  });

  test('two simultaneous deliveries of an import\'s Create start one import', async () => {
    const event = createEvent(IMPORT);

    const [first, second] = await Promise.all([onEvent(event), onEvent(event)]);

    expect(lake.imports.size).toBe(1);
    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
  });

  test('a StartQuery whose answer was lost runs the query twice: the handler keeps the first and cancels the second', async () => {
    lake.loseResponses('StartQuery');

    const response = await onEvent(createEvent(QUERY));

    const [kept, duplicate] = lake.queries.values();
    expect(response.PhysicalResourceId).toBe(kept.QueryId);
    expect(duplicate.QueryStatus).toBe(QueryStatus.CANCELLED);
    expect(cloudTrail.commandCalls(CancelQueryCommand)).toHaveLength(1);
  });

  test('two resources with the same statement each get their own query', async () => {
    const first = await onEvent(createEvent(QUERY, 'CountEvents'));
    const second = await onEvent(createEvent(QUERY, 'CountEventsAgain'));

    expect(second.PhysicalResourceId).not.toBe(first.PhysicalResourceId);
    expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(2);
  });
});

describe('#16: "not found" right after a start is retried for a bounded time', () => {
  test('isComplete waits while CloudTrail does not know the query yet, then follows it', async () => {
    const event = createEvent(QUERY);
    const response = await onEvent(event);
    lake.hideFor(response.PhysicalResourceId, 2);

    expect(await isComplete(completeEvent(event, response))).toEqual({ IsComplete: false });
    expect(await isComplete(completeEvent(event, response))).toEqual({ IsComplete: false });
    lake.query(response.PhysicalResourceId).QueryStatus = QueryStatus.FINISHED;
    expect(await isComplete(completeEvent(event, response))).toEqual(expect.objectContaining({ IsComplete: true }));
  });

  test('isComplete fails once "not found" outlasts 2 minutes after the start', async () => {
    const event = createEvent(IMPORT);
    const response = await onEvent(event);
    lake.imports.clear();
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 2 * 60_000 + 1);

    expect(await rejection(isComplete(completeEvent(event, response)))).toMatch(/ImportNotFoundException/);
  });

  test('a Delete right after the start finds the query CloudTrail shows late, and cancels it', async () => {
    const response = await onEvent(createEvent({ ...QUERY, WaitForCompletion: 'false' }));
    const query = lake.query(response.PhysicalResourceId);
    lake.hideFor(query.QueryId, 3);

    await onEvent(deleteEvent(QUERY, query.QueryId));

    expect(query.QueryStatus).toBe(QueryStatus.CANCELLED);
    expect(clock.pauses()).toEqual([1_000, 2_000, 4_000]);
  });

  test('a Delete right after the start finds the import CloudTrail shows late, and stops it', async () => {
    const response = await onEvent(createEvent(IMPORT));
    const found = lake.import(response.PhysicalResourceId);
    lake.hideFor(found.ImportId, 2);

    await onEvent(deleteEvent(IMPORT, found.ImportId));

    expect(found.ImportStatus).toBe(ImportStatus.STOPPED);
    expect(cloudTrail.commandCalls(StopImportCommand)).toHaveLength(1);
  });

  test('a query that stays unknown counts as gone after 30 seconds', async () => {
    await onEvent(deleteEvent(QUERY, '00000000-0000-4000-8000-000000000000'));

    expect(clock.pauses()).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
  });
});
