import { CloudTrailClient, DescribeQueryCommand, ListQueriesCommand, QueryStatus, StartQueryCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { captureLogs, completeEvent, createEvent, rejection, STORE_ARN } from './helpers';
import { handler as isComplete } from '../../src/operations/operation-complete.lambda';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

const cloudTrail = mockClient(CloudTrailClient);
const logs = captureLogs();

const QUERY_ID = '55555555-5555-4555-8555-555555555555';
const STATEMENT = 'SELECT eventName FROM abc WHERE eventSource = \'iam.amazonaws.com\'';
const PROPERTIES = {
  Operation: 'LakeQuery', EventDataStoreArn: STORE_ARN, QueryStatement: STATEMENT, WaitForCompletion: 'true', TimeoutSeconds: '60',
};

beforeEach(() => {
  cloudTrail.reset();
  cloudTrail.on(ListQueriesCommand).resolves({ Queries: [] });
  cloudTrail.on(StartQueryCommand).resolves({ QueryId: QUERY_ID });
  cloudTrail.on(DescribeQueryCommand).resolves({ QueryId: QUERY_ID, QueryStatus: QueryStatus.RUNNING });
});

test('an unknown operation fails, naming the known ones', async () => {
  expect(await rejection(onEvent(createEvent({ Operation: 'constructor' })))).toBe('Unknown operation "constructor": expected one of LakeQuery, '
    + 'LakeImport, LakeExportToCloudWatch. Declare the resource with its construct.');
  expect(cloudTrail.calls()).toHaveLength(0);
});

test('a missing property fails before any call', async () => {
  expect(await rejection(onEvent(createEvent({ ...PROPERTIES, QueryStatement: undefined })))).toBe('LakeQuery on eventdatastore/abc: the resource '
    + 'property QueryStatement is missing. Declare the resource with its construct, which always sets it.');
  expect(cloudTrail.calls()).toHaveLength(0);
});

test('logs one JSON object per line, each with the operation, request type and physical id', async () => {
  const event = createEvent(PROPERTIES);
  const response = await onEvent(event);
  await isComplete(completeEvent(event, response));

  const raw = logs.raw();
  expect(raw.length).toBeGreaterThan(2);
  expect(raw.every((line) => line.endsWith('}\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
  const lines = logs.lines();
  expect(lines[0]).toEqual(expect.objectContaining({
    level: 'INFO',
    message: 'Starting the query',
    operation: 'LakeQuery',
    requestType: 'Create',
    physicalResourceId: null,
  }));
  expect(lines.at(-1)).toEqual(expect.objectContaining({
    level: 'INFO',
    operation: 'LakeQuery',
    requestType: 'Create',
    physicalResourceId: QUERY_ID,
    phase: 'isComplete',
  }));
});

test('logs the statement once and never the presigned response URL', async () => {
  const event = { ...createEvent(PROPERTIES), ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/x?X-Amz-Signature=secret' };
  const response = await onEvent(event);
  await isComplete(completeEvent(event, response));

  expect(logs.raw().filter((line) => line.includes('iam.amazonaws.com'))).toHaveLength(1);
  expect(logs.raw().some((line) => line.includes('X-Amz-Signature'))).toBe(false);
});

test('a failure is logged as an ERROR line with its message and the error name', async () => {
  cloudTrail.on(StartQueryCommand).rejects(Object.assign(new Error('Too many'), { name: 'MaxConcurrentQueriesException' }));

  const message = await rejection(onEvent(createEvent(PROPERTIES)));

  expect(logs.lines().filter((line) => line.level === 'ERROR')).toEqual([
    expect.objectContaining({ message, errorName: 'MaxConcurrentQueriesException', operation: 'LakeQuery' }),
  ]);
});
