import {
  CancelQueryCommand, CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, QueryStatus, StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { FakeLake } from './fake-lake';
import { captureLogs, completeEvent, createEvent, deleteEvent, NOW, updateEvent } from './helpers';
import { runScheduledQuery } from '../../src/operations/handlers/scheduled-query';
import { handler as isComplete } from '../../src/operations/operation-complete.lambda';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

// A delegated administrator (111111111111) queries the organization store the management account (222222222222) owns:
// StartQuery, DescribeQuery, GetQueryResults and CancelQuery take EventDataStoreOwnerAccountId (API model).
const OWNER = '222222222222';
const ORG_STORE_ARN = `arn:aws:cloudtrail:us-east-1:${OWNER}:eventdatastore/abc`;
const STATEMENT = 'SELECT eventName, COUNT(*) FROM abc GROUP BY eventName';
const PROPERTIES = {
  ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:provider',
  Operation: 'LakeQuery',
  EventDataStoreArn: ORG_STORE_ARN,
  EventDataStoreOwnerAccountId: OWNER,
  QueryStatement: STATEMENT,
  WaitForCompletion: 'true',
  TimeoutSeconds: '1800',
};

const cloudTrail = mockClient(CloudTrailClient);
captureLogs();
let lake: FakeLake;

beforeEach(() => {
  cloudTrail.reset();
  lake = new FakeLake(cloudTrail);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

function ownersOf(command: typeof StartQueryCommand | typeof DescribeQueryCommand | typeof CancelQueryCommand | typeof GetQueryResultsCommand) {
  return cloudTrail.commandCalls(command as typeof StartQueryCommand).map((call) => call.args[0].input.EventDataStoreOwnerAccountId);
}

describe('LakeQuery', () => {
  test('starts and describes the query with the owner\'s account', async () => {
    const event = createEvent(PROPERTIES);
    const response = await onEvent(event);
    expect(cloudTrail.commandCalls(StartQueryCommand).map((call) => call.args[0].input)).toEqual([
      // the statement as written, then the comment line naming the resource (adoption)
      { QueryStatement: expect.stringMatching(new RegExp(`^${STATEMENT.replace(/[()*]/g, '\\$&')}\n-- cdk-cloudtrail-org resource `)), EventDataStoreOwnerAccountId: OWNER },
    ]);
    await isComplete(completeEvent(event, response));
    expect(ownersOf(DescribeQueryCommand).length).toBeGreaterThanOrEqual(2);
    expect(new Set(ownersOf(DescribeQueryCommand))).toEqual(new Set([OWNER]));
  });

  test('cancels with the owner\'s account on delete and past the deadline', async () => {
    const running = lake.addQuery({ QueryString: STATEMENT });
    await onEvent(deleteEvent(PROPERTIES, running.QueryId));
    const late = lake.addQuery({ QueryString: STATEMENT });
    const create = createEvent(PROPERTIES);
    await expect(isComplete(completeEvent(create, { PhysicalResourceId: late.QueryId, Deadline: NOW - 1 }))).rejects.toThrow(/cancelled/);
    expect(ownersOf(CancelQueryCommand)).toEqual([OWNER, OWNER]);
  });

  test('describes the existing query with the owner\'s account on an update that keeps it', async () => {
    const existing = lake.addQuery({ QueryString: STATEMENT, QueryStatus: QueryStatus.FINISHED });
    await onEvent(updateEvent({ ...PROPERTIES, TimeoutSeconds: '600' }, PROPERTIES, existing.QueryId));
    expect(ownersOf(DescribeQueryCommand)).toEqual([OWNER]);
  });

  test('sends no owner account when the property is absent', async () => {
    const { EventDataStoreOwnerAccountId, ...own } = PROPERTIES;
    await onEvent(createEvent(own));
    expect(cloudTrail.commandCalls(StartQueryCommand)[0].args[0].input).not.toHaveProperty('EventDataStoreOwnerAccountId');
    expect(ownersOf(DescribeQueryCommand)).toEqual([undefined]);
  });
});

describe('ScheduledLakeQuery', () => {
  test('starts, describes and reads the results of the query with the owner\'s account', async () => {
    const queryId = '44444444-4444-4444-8444-444444444444';
    cloudTrail.on(StartQueryCommand).resolves({ QueryId: queryId });
    cloudTrail.on(DescribeQueryCommand).resolves({ QueryId: queryId, QueryStatus: QueryStatus.FINISHED });
    cloudTrail.on(GetQueryResultsCommand).resolves({ QueryStatus: QueryStatus.FINISHED, QueryResultRows: [] });

    const input = {
      name: 'Audit/OrgQuery',
      eventDataStoreArn: ORG_STORE_ARN,
      eventDataStoreOwnerAccountId: OWNER,
      queryStatement: STATEMENT,
      deliveryS3Uri: 's3://results/scheduled',
    };
    await runScheduledQuery(input, { getRemainingTimeInMillis: () => 600_000 }, { pollIntervalMs: 1 });

    expect(cloudTrail.commandCalls(StartQueryCommand)[0].args[0].input)
      .toEqual({ QueryStatement: STATEMENT, DeliveryS3Uri: 's3://results/scheduled', EventDataStoreOwnerAccountId: OWNER });
    expect(ownersOf(DescribeQueryCommand)).toEqual([OWNER]);
    expect(ownersOf(GetQueryResultsCommand)).toEqual([OWNER]);
  });
});
