import {
  CloudTrailClient, GetImportCommand, ImportStatus, ListImportFailuresCommand, ListImportsCommand, StartImportCommand, StopImportCommand,
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
instantPauses();
let lake: FakeLake;

const ROLE_ARN = 'arn:aws:iam::111111111111:role/import';
const PROPERTIES = {
  ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:provider',
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
const START_INPUT = {
  Destinations: [STORE_ARN],
  ImportSource: { S3: { S3LocationUri: 's3://trail-logs/AWSLogs/o-abcdefghij', S3BucketRegion: 'eu-west-1', S3BucketAccessRoleArn: ROLE_ARN } },
  StartEventTime: new Date('2026-01-01T00:00:00.000Z'),
  EndEventTime: new Date('2026-02-01T00:00:00.000Z'),
};

beforeEach(() => {
  cloudTrail.reset();
  lake = new FakeLake(cloudTrail);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

describe('create', () => {
  test('starts the import and answers with its id, its attributes and a deadline', async () => {
    const response = await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(StartImportCommand).map((call) => call.args[0].input)).toEqual([START_INPUT]);
    const [importId] = lake.imports.keys();
    expect(response).toEqual({
      PhysicalResourceId: importId,
      Data: {
        ImportId: importId,
        ImportStatus: 'INITIALIZING',
        PrefixesFound: 0,
        PrefixesCompleted: 0,
        FilesCompleted: 0,
        EventsCompleted: 0,
        FailedEntries: 0,
      },
      Deadline: NOW + 3300 * 1000,
    });
    expect(cloudTrail.commandCalls(ListImportsCommand)[0].args[0].input).toEqual({ Destination: STORE_ARN });
  });

  test('without a time range, sends none', async () => {
    const { StartEventTime: _start, EndEventTime: _end, ...properties } = PROPERTIES;

    await onEvent(createEvent(properties));

    expect(cloudTrail.commandCalls(StartImportCommand)[0].args[0].input)
      .toEqual({ ...START_INPUT, StartEventTime: undefined, EndEventTime: undefined });
  });

  test('the same event twice starts one import: the second attempt adopts it', async () => {
    const event = createEvent(PROPERTIES);

    const first = await onEvent(event);
    lake.import(first.PhysicalResourceId).ImportStatus = ImportStatus.IN_PROGRESS;
    const second = await onEvent(event);

    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(1);
    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    expect(second.Data).toEqual({ ...first.Data, ImportStatus: 'IN_PROGRESS' });
    expect(logs.lines().filter((line) => line.message.startsWith('Adopted'))).toEqual([
      expect.objectContaining({ importId: first.PhysicalResourceId, operation: 'LakeImport' }),
    ]);
  });

  test.each([
    // CloudTrail runs one import per account at a time: these have ended
    ['another location', { input: { ...START_INPUT, ImportSource: { S3: { ...START_INPUT.ImportSource.S3, S3LocationUri: 's3://other/AWSLogs' } } }, ImportStatus: ImportStatus.COMPLETED }],
    ['another start time', { input: { ...START_INPUT, StartEventTime: new Date('2025-12-01T00:00:00Z') }, ImportStatus: ImportStatus.COMPLETED }],
    ['another end time', { input: { ...START_INPUT, EndEventTime: undefined }, ImportStatus: ImportStatus.COMPLETED }],
    ['another resource\'s import (read with its own role)', {
      input: { ...START_INPUT, ImportSource: { S3: { ...START_INPUT.ImportSource.S3, S3BucketAccessRoleArn: `${ROLE_ARN}-other` } } },
      ImportStatus: ImportStatus.COMPLETED,
    }],
    ['a failed import', { input: START_INPUT, ImportStatus: ImportStatus.FAILED }],
    ['a stopped import', { input: START_INPUT, ImportStatus: ImportStatus.STOPPED }],
    ['an older import', { input: START_INPUT, ImportStatus: ImportStatus.COMPLETED, CreatedTimestamp: new Date(NOW - 16 * 60_000) }],
  ])('does not adopt %s', async (_case, found) => {
    lake.addImport(found);

    await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(1);
  });

  test('adopts a completed import of the last minutes', async () => {
    const found = lake.addImport({ input: START_INPUT, ImportStatus: ImportStatus.COMPLETED, ImportStatistics: { EventsCompleted: 42 } });

    const response = await onEvent(createEvent(PROPERTIES));

    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(0);
    expect(response).toEqual(expect.objectContaining({ PhysicalResourceId: found.ImportId, Data: expect.objectContaining({ EventsCompleted: 42 }) }));
  });

  test('another import of the account fails the create, naming it', async () => {
    const ongoing = lake.addImport({ input: { ...START_INPUT, Destinations: ['arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/other'] } });
    cloudTrail.on(StartImportCommand).rejects(awsError('AccountHasOngoingImportException'));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toBe('LakeImport on eventdatastore/abc: CloudTrail runs one import per account at '
      + `a time, and import ${ongoing.ImportId} is still running. Wait for it to finish (or stop it with StopImport), then deploy again.`);
    expect(cloudTrail.commandCalls(ListImportsCommand).map((call) => call.args[0].input)).toContainEqual({ ImportStatus: 'IN_PROGRESS' });
  });

  test('another import that cannot be named is "another import"', async () => {
    cloudTrail.on(StartImportCommand).rejects(awsError('AccountHasOngoingImportException'));
    cloudTrail.on(ListImportsCommand, { ImportStatus: 'IN_PROGRESS' }).rejects(awsError('AccessDeniedException'));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toMatch(/and another import is still running\./);
  });

  test.each([
    ['InvalidImportSourceException', 'The bucket has no CloudTrail prefix.', 'LakeImport on eventdatastore/abc: the import source is not valid: The '
      + 'bucket has no CloudTrail prefix. S3LocationUri must name a bucket and prefix of CloudTrail log files in S3BucketRegion that the '
      + 'S3BucketAccessRoleArn role can read.'],
    ['InvalidEventDataStoreCategoryException', 'Invalid category.', 'LakeImport on eventdatastore/abc: only event data stores of CloudTrail events '
      + 'can receive imports, not stores of AWS Config configuration items, Audit Manager evidence or events from outside AWS. Import into an '
      + 'event data store of CloudTrail events.'],
    ['InsufficientEncryptionPolicyException', 'Insufficient KMS permissions.', 'LakeImport on eventdatastore/abc: a KMS key policy does not let '
      + 'CloudTrail use the key (the event data store\'s key, or the key of the results bucket or the import source). Let cloudtrail.amazonaws.com '
      + 'call kms:Decrypt and kms:GenerateDataKey* on it, then deploy again.'],
  ])('%s fails the create with what to do', async (name, message, expected) => {
    cloudTrail.on(StartImportCommand).rejects(awsError(name, message));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toBe(expected);
  });

  test('a time that is not ISO 8601 fails before any call', async () => {
    expect(await rejection(onEvent(createEvent({ ...PROPERTIES, StartEventTime: 'last tuesday' })))).toBe('LakeImport on eventdatastore/abc: '
      + 'StartEventTime "last tuesday" is not an ISO 8601 time. Pass a time such as 2026-01-31T00:00:00Z.');
    expect(cloudTrail.calls()).toHaveLength(0);
  });

  test('without waiting, answers at once and isComplete needs no call', async () => {
    const event = createEvent({ ...PROPERTIES, WaitForCompletion: 'false' });

    const response = await onEvent(event);
    cloudTrail.resetHistory();

    expect(response).not.toHaveProperty('Deadline');
    expect(await isComplete(completeEvent(event, response))).toEqual({ IsComplete: true });
    expect(cloudTrail.calls()).toHaveLength(0);
  });
});

describe('isComplete', () => {
  async function started(properties = PROPERTIES) {
    const event = createEvent(properties);
    const response = await onEvent(event);
    cloudTrail.resetHistory();
    return { request: completeEvent(event, response), found: lake.import(response.PhysicalResourceId) };
  }

  test.each([ImportStatus.INITIALIZING, ImportStatus.IN_PROGRESS])('%s is not complete', async (status) => {
    const { request, found } = await started();
    found.ImportStatus = status;

    expect(await isComplete(request)).toEqual({ IsComplete: false });
    expect(cloudTrail.commandCalls(GetImportCommand)[0].args[0].input).toEqual({ ImportId: found.ImportId });
  });

  test('COMPLETED is complete, with the statistics', async () => {
    const { request, found } = await started();
    found.ImportStatus = ImportStatus.COMPLETED;
    found.ImportStatistics = { PrefixesFound: 4, PrefixesCompleted: 4, FilesCompleted: 120, EventsCompleted: 98765, FailedEntries: 2 };

    expect(await isComplete(request)).toEqual({
      IsComplete: true,
      Data: {
        ImportId: found.ImportId,
        ImportStatus: 'COMPLETED',
        PrefixesFound: 4,
        PrefixesCompleted: 4,
        FilesCompleted: 120,
        EventsCompleted: 98765,
        FailedEntries: 2,
      },
    });
  });

  test('FAILED fails with a sample of the failures and the statistics', async () => {
    const { request, found } = await started();
    found.ImportStatus = ImportStatus.FAILED;
    found.ImportStatistics = { PrefixesFound: 4, PrefixesCompleted: 1, FilesCompleted: 10, EventsCompleted: 500, FailedEntries: 2 };
    cloudTrail.on(ListImportFailuresCommand).resolves({
      Failures: [
        { Location: 's3://trail-logs/AWSLogs/o-abcdefghij/a.json.gz', ErrorType: 'AccessDenied', ErrorMessage: 'Access Denied', Status: 'FAILED' },
        { Location: 's3://trail-logs/AWSLogs/o-abcdefghij/b.json.gz', ErrorType: 'InvalidFormat', ErrorMessage: 'Not a CloudTrail log file', Status: 'FAILED' },
      ],
    });

    expect(await rejection(isComplete(request))).toBe(`LakeImport on eventdatastore/abc: import ${found.ImportId} failed; it imported 500 events `
      + 'from 10 files (1 of 4 prefixes), with 2 failed entries. First failures: s3://trail-logs/AWSLogs/o-abcdefghij/a.json.gz: AccessDenied: '
      + 'Access Denied; s3://trail-logs/AWSLogs/o-abcdefghij/b.json.gz: InvalidFormat: Not a CloudTrail log file. Correct the source or the role '
      + 'it is read with, then deploy again.');
    expect(cloudTrail.commandCalls(ListImportFailuresCommand)[0].args[0].input).toEqual({ ImportId: found.ImportId, MaxResults: 5 });
  });

  test('FAILED still says what it can when the failures cannot be listed', async () => {
    const { request, found } = await started();
    found.ImportStatus = ImportStatus.FAILED;
    cloudTrail.on(ListImportFailuresCommand).rejects(awsError('AccessDeniedException'));

    expect(await rejection(isComplete(request))).toMatch(/with 0 failed entries\. Its failures could not be listed \(AccessDeniedException\)\. /);
  });

  test('STOPPED fails: someone else stopped it', async () => {
    const { request, found } = await started();
    found.ImportStatus = ImportStatus.STOPPED;
    found.ImportStatistics = { EventsCompleted: 7, FilesCompleted: 1, PrefixesCompleted: 0, PrefixesFound: 2 };

    expect(await rejection(isComplete(request))).toBe(`LakeImport on eventdatastore/abc: import ${found.ImportId} was stopped by someone else `
      + 'before it finished; it imported 7 events from 1 files (0 of 2 prefixes), with 0 failed entries. Deploy again to start a new import.');
  });

  test('past the deadline, stops the import and says how to avoid it', async () => {
    const { request, found } = await started();
    found.ImportStatus = ImportStatus.IN_PROGRESS;
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 3300 * 1000 + 1);

    expect(await rejection(isComplete(request))).toBe(`LakeImport on eventdatastore/abc: import ${found.ImportId} did not finish within 55 `
      + 'minutes; it was stopped, and the events it imported stay in the event data store. Raise timeout (at most 55 minutes) or set '
      + 'waitForCompletion: false.');
    expect(cloudTrail.commandCalls(StopImportCommand)[0].args[0].input).toEqual({ ImportId: found.ImportId });
    expect(found.ImportStatus).toBe(ImportStatus.STOPPED);
  });

  test('past the deadline, reports the timeout even when the stop fails', async () => {
    const { request } = await started({ ...PROPERTIES, TimeoutSeconds: '60' });
    cloudTrail.on(StopImportCommand).rejects(awsError('OperationNotPermittedException'));
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 61_000);

    expect(await rejection(isComplete(request))).toMatch(/did not finish within 1 minute; it was stopped, and the events it imported stay/);
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'WARN', message: 'Could not stop the import', reason: 'OperationNotPermittedException' }));
  });

  test('FAILED without listed failures says so', async () => {
    const { request } = await started();
    lake.import(request.PhysicalResourceId).ImportStatus = ImportStatus.FAILED;
    cloudTrail.on(ListImportFailuresCommand).resolves({ Failures: [] });

    expect(await rejection(isComplete(request))).toMatch(/failed entries\. CloudTrail lists no failures\. Correct the source/);
  });

  test('every answer stays under 4096 bytes', async () => {
    const { request, found } = await started();
    found.ImportStatus = ImportStatus.FAILED;
    const huge = 'x'.repeat(50_000);
    cloudTrail.on(ListImportFailuresCommand).resolves({
      Failures: Array.from({ length: 5 }, () => ({ Location: `s3://trail-logs/${huge}`, ErrorType: 'AccessDenied', ErrorMessage: huge })),
    });

    const message = await rejection(isComplete(request));

    expect(message).toHaveLength(1000);
    // the sample is cut, never what to do
    expect(message).toMatch(/x…\(cut\) Correct the source or the role it is read with, then deploy again\.$/);
    expect(jsonBytes({ Reason: message, PhysicalResourceId: found.ImportId })).toBeLessThan(MAX_RESPONSE_BYTES);
  });
});

describe('update', () => {
  test('a new role alone keeps the import', async () => {
    const found = lake.addImport({ input: START_INPUT, ImportStatus: ImportStatus.COMPLETED, CreatedTimestamp: new Date(NOW - 86_400_000) });

    const response = await onEvent(updateEvent({ ...PROPERTIES, S3BucketAccessRoleArn: `${ROLE_ARN}2` }, PROPERTIES, found.ImportId));

    expect(response).toEqual({ PhysicalResourceId: found.ImportId, Data: expect.objectContaining({ ImportStatus: 'COMPLETED' }) });
    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(0);
  });

  test('an error other than not-found fails the update instead of importing again', async () => {
    const found = lake.addImport({ input: START_INPUT, ImportStatus: ImportStatus.COMPLETED });
    cloudTrail.on(GetImportCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: cloudtrail:GetImport'));

    expect(await rejection(onEvent(updateEvent({ ...PROPERTIES, S3BucketAccessRoleArn: `${ROLE_ARN}2` }, PROPERTIES, found.ImportId))))
      .toMatch(/^LakeImport on eventdatastore\/abc: access denied: the handler's role may not call cloudtrail:GetImport\./);
    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(0);
  });

  test('a kept import CloudTrail no longer knows starts again', async () => {
    const gone = '00000000-0000-4000-8000-000000000000';

    const response = await onEvent(updateEvent({ ...PROPERTIES, S3BucketAccessRoleArn: `${ROLE_ARN}2` }, PROPERTIES, gone));

    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(1);
    expect(response.PhysicalResourceId).not.toBe(gone);
  });

  test.each([
    ['EventDataStoreArn', { EventDataStoreArn: STORE_ARN.replace('/abc', '/def') }],
    ['S3LocationUri', { S3LocationUri: 's3://other-logs/AWSLogs' }],
    ['S3BucketRegion', { S3BucketRegion: 'us-east-2' }],
    ['StartEventTime', { StartEventTime: '2025-12-01T00:00:00.000Z' }],
    ['EndEventTime', { EndEventTime: '2026-03-01T00:00:00.000Z' }],
  ])('a new %s starts a new import', async (_key, change) => {
    const old = lake.addImport({ input: START_INPUT, ImportStatus: ImportStatus.COMPLETED, CreatedTimestamp: new Date(NOW - 86_400_000) });

    const response = await onEvent(updateEvent({ ...PROPERTIES, ...change }, PROPERTIES, old.ImportId));

    expect(cloudTrail.commandCalls(StartImportCommand)).toHaveLength(1);
    expect(response.PhysicalResourceId).not.toBe(old.ImportId);
  });
});

describe('delete', () => {
  test.each([ImportStatus.INITIALIZING, ImportStatus.IN_PROGRESS])('stops an import that is %s; its events stay', async (status) => {
    const found = lake.addImport({ input: START_INPUT, ImportStatus: status });

    expect(await onEvent(deleteEvent(PROPERTIES, found.ImportId))).toEqual({ PhysicalResourceId: found.ImportId });
    expect(cloudTrail.commandCalls(StopImportCommand)[0].args[0].input).toEqual({ ImportId: found.ImportId });
    expect(logs.lines().map((line) => line.message)).toContain('Stopped the import; the events it imported stay in the event data store');
  });

  test.each([ImportStatus.COMPLETED, ImportStatus.FAILED, ImportStatus.STOPPED])('leaves an import that is %s alone', async (status) => {
    const found = lake.addImport({ input: START_INPUT, ImportStatus: status });

    await onEvent(deleteEvent(PROPERTIES, found.ImportId));

    expect(cloudTrail.commandCalls(StopImportCommand)).toHaveLength(0);
    expect(logs.lines().map((line) => line.message)).toContain('The import has ended; the events it imported stay in the event data store');
  });

  test('an import CloudTrail no longer knows needs no stop', async () => {
    const gone = '00000000-0000-4000-8000-000000000000';

    expect(await onEvent(deleteEvent(PROPERTIES, gone))).toEqual({ PhysicalResourceId: gone });
    expect(cloudTrail.commandCalls(StopImportCommand)).toHaveLength(0);
  });

  test('an import that ends between the look and the stop is fine', async () => {
    const found = lake.addImport({ input: START_INPUT });
    cloudTrail.on(StopImportCommand).rejects(awsError('ImportNotFoundException'));

    expect(await onEvent(deleteEvent(PROPERTIES, found.ImportId))).toEqual({ PhysicalResourceId: found.ImportId });
  });

  test('a physical id that is no import id (a failed create) needs no call', async () => {
    expect(await onEvent(deleteEvent(PROPERTIES, 'a-request-id'))).toEqual({ PhysicalResourceId: 'a-request-id' });
    expect(cloudTrail.calls()).toHaveLength(0);
  });

  test('other errors fail the delete', async () => {
    const found = lake.addImport({ input: START_INPUT });
    cloudTrail.on(StopImportCommand).rejects(awsError('OperationNotPermittedException', 'Stopping is not permitted now.'));

    expect(await rejection(onEvent(deleteEvent(PROPERTIES, found.ImportId)))).toBe('LakeImport on eventdatastore/abc: '
      + 'OperationNotPermittedException: Stopping is not permitted now.');
  });
});
