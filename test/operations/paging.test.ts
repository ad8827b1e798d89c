// Events and pages written as one-line rows
/* eslint-disable @stylistic/object-property-newline, @stylistic/max-len */
import {
  CloudTrailClient, ImportStatus, ListImportsCommand, ListImportsCommandInput, ListQueriesCommand, ListQueriesCommandInput, StartImportCommand, StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { FakeLake } from './fake-lake';
import { captureLogs, createEvent, NOW, STORE_ARN } from './helpers';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

// ListQueries and ListImports answer in pages (NextToken): the operation an earlier attempt started may be on any
// page, and adoption must still find it rather than start the operation again.

const cloudTrail = mockClient(CloudTrailClient);
captureLogs();
let lake: FakeLake;

beforeEach(() => {
  cloudTrail.reset();
  lake = new FakeLake(cloudTrail);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

/**
 * What the fake lake answers, one item a page, with a NextToken until the last page (an empty first page as CloudTrail
 * may send). Returns the NextToken of every call as it was sent (the SDK's paginator reuses one input object).
 */
function paged<I extends { NextToken?: string }, K extends string>(stub: AwsClientStub<CloudTrailClient>, command: typeof ListQueriesCommand | typeof ListImportsCommand,
  key: K, all: (input: I) => unknown[]): Array<{ input: I; token?: string }> {
  const calls: Array<{ input: I; token?: string }> = [];
  (stub.on(command as typeof ListQueriesCommand) as any).callsFake(async (input: I) => {
    calls.push({ input: { ...input }, token: input.NextToken });
    const items = [undefined, ...all(input)];
    const page = Number(input.NextToken ?? '0');
    return { [key]: items[page] === undefined ? [] : [items[page]], ...(page + 1 < items.length ? { NextToken: String(page + 1) } : {}) };
  });
  return calls;
}

test('a query the same request started is adopted from the last page of ListQueries', async () => {
  const event = createEvent({
    ServiceToken: 'arn', Operation: 'LakeQuery', EventDataStoreArn: STORE_ARN, QueryStatement: 'SELECT eventName FROM abc', WaitForCompletion: 'true',
    TimeoutSeconds: '1800',
  });
  const first = await onEvent(event);
  lake.addQuery({ QueryString: 'SELECT 1 FROM abc' });
  lake.addQuery({ QueryString: 'SELECT 2 FROM abc' });
  const calls = paged<ListQueriesCommandInput, 'Queries'>(cloudTrail, ListQueriesCommand, 'Queries',
    () => [...lake.queries.values()].reverse().map(({ QueryId, QueryStatus, CreationTime }) => ({ QueryId, QueryStatus, CreationTime })));

  const second = await onEvent(event);

  expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
  expect(cloudTrail.commandCalls(StartQueryCommand)).toHaveLength(1);
  expect(calls.map(call => call.token)).toEqual([undefined, '1', '2', '3']);
});

test('an import the same request started is adopted from the last page of ListImports', async () => {
  const event = createEvent({
    ServiceToken: 'arn', Operation: 'LakeImport', EventDataStoreArn: STORE_ARN, S3LocationUri: 's3://trail-logs/AWSLogs/o-abcdefghij', S3BucketRegion: 'eu-west-1',
    S3BucketAccessRoleArn: 'arn:aws:iam::111111111111:role/import', StartEventTime: '2026-01-01T00:00:00.000Z', EndEventTime: '2026-02-01T00:00:00.000Z',
    WaitForCompletion: 'true', TimeoutSeconds: '3300',
  });
  const first = await onEvent(event);
  lake.import(first.PhysicalResourceId).ImportStatus = ImportStatus.IN_PROGRESS;
  const calls = paged<ListImportsCommandInput, 'Imports'>(cloudTrail, ListImportsCommand, 'Imports', input => [...lake.imports.values()]
    .filter(item => !input.ImportStatus || item.ImportStatus === input.ImportStatus)
    .map(item => ({ ImportId: item.ImportId, ImportStatus: item.ImportStatus, CreatedTimestamp: item.CreatedTimestamp, Destinations: item.input.Destinations })));

  const second = await onEvent(event);

  expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
  expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(1);
  expect(calls.filter(call => call.input.Destination).map(call => call.token)).toEqual([undefined, '1']);
});
