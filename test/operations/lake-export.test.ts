import {
  CancelImportTaskCommand, CloudWatchLogsClient, CreateImportTaskCommand, DescribeImportTasksCommand, ImportStatus,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { FakeLogImports, logsError } from './fake-log-imports';
import {
  captureLogs, completeEvent, createEvent, deleteEvent, instantPauses, jsonBytes, MAX_RESPONSE_BYTES, networkError, NOW, rejection, STORE_ARN,
  updateEvent,
} from './helpers';
import { handler as isComplete } from '../../src/operations/operation-complete.lambda';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

// LakeExportToCloudWatch's handler against a simulated CloudWatch Logs import API with seeded faults: the task's life
// (start, wait, failure with its batches, cancel on delete and on timeout), and adoption under retries, lost answers and
// duplicate deliveries.

const logs = mockClient(CloudWatchLogsClient);
captureLogs();
const clock = instantPauses();
let service: FakeLogImports;

const ROLE_ARN = 'arn:aws:iam::111111111111:role/export';
const EXPORT = {
  Operation: 'LakeExportToCloudWatch',
  EventDataStoreArn: STORE_ARN,
  ImportRoleArn: ROLE_ARN,
  StartEventTime: '2026-01-01T00:00:00.000Z',
  EndEventTime: '2026-02-01T00:00:00.000Z',
  WaitForCompletion: 'true',
  TimeoutSeconds: '1800',
};
const DESTINATION = 'arn:aws:logs:us-east-1:111111111111:log-group:aws/cloudtrail/abc';

beforeEach(() => {
  logs.reset();
  service = new FakeLogImports(logs);
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

const only = () => {
  expect(service.tasks.size).toBe(1);
  return [...service.tasks.values()][0];
};

describe('create', () => {
  test('starts one import task of the store\'s window, in epoch milliseconds, with the role, and answers with its id and log group', async () => {
    const response = await onEvent(createEvent(EXPORT));

    expect(logs.commandCalls(CreateImportTaskCommand).map(call => call.args[0].input)).toEqual([{
      importSourceArn: STORE_ARN,
      importRoleArn: ROLE_ARN,
      importFilter: { startEventTime: Date.parse('2026-01-01T00:00:00Z'), endEventTime: Date.parse('2026-02-01T00:00:00Z') },
    }]);
    const task = only();
    expect(response).toEqual({
      PhysicalResourceId: task.importId,
      Data: { ImportId: task.importId, ImportStatus: 'IN_PROGRESS', ImportDestinationArn: DESTINATION, BytesImported: 0 },
      Deadline: NOW + 1800 * 1000,
    });
  });

  test('sends no filter when the window has no bound', async () => {
    const { StartEventTime, EndEventTime, ...unbounded } = EXPORT;
    await onEvent(createEvent(unbounded));
    expect(logs.commandCalls(CreateImportTaskCommand)[0].args[0].input).toEqual({ importSourceArn: STORE_ARN, importRoleArn: ROLE_ARN });
  });

  test('waits until the task completes, then answers with the bytes it copied', async () => {
    const event = createEvent(EXPORT);
    const started = await onEvent(event);
    expect(await isComplete(completeEvent(event, started))).toEqual({ IsComplete: false });

    Object.assign(only(), { importStatus: ImportStatus.COMPLETED, bytesImported: 4096 });

    expect(await isComplete(completeEvent(event, started))).toEqual({
      IsComplete: true, Data: { ImportId: started.PhysicalResourceId, ImportStatus: 'COMPLETED', ImportDestinationArn: DESTINATION, BytesImported: 4096 },
    });
  });

  test('answers at once when the deployment does not wait', async () => {
    const event = createEvent({ ...EXPORT, WaitForCompletion: 'false' });
    const started = await onEvent(event);
    expect(started).not.toHaveProperty('Deadline');
    expect(await isComplete(completeEvent(event, started))).toEqual({ IsComplete: true });
  });

  test('a failed task fails the deployment with its error and a sample of its failed batches, in under 4 KB', async () => {
    const event = createEvent(EXPORT);
    const started = await onEvent(event);
    Object.assign(only(), {
      importStatus: ImportStatus.FAILED,
      errorMessage: 'Access denied to the event data store',
      bytesImported: 10,
      batches: [
        { batchId: 'b-1', status: ImportStatus.FAILED, errorMessage: 'AccessDenied' },
        { batchId: 'b-2', status: ImportStatus.COMPLETED },
        ...Array.from({ length: 8 }, (_, i) => ({ batchId: `f-${i}`, status: ImportStatus.FAILED, errorMessage: 'x'.repeat(300) })),
      ],
    });

    const message = await rejection(isComplete(completeEvent(event, started)));

    expect(message).toMatch(new RegExp(`^LakeExportToCloudWatch on eventdatastore/abc: import task ${started.PhysicalResourceId} failed \\(Access denied to the `
      + 'event data store\\); it copied 10 bytes\\. First failed batches: b-1: AccessDenied; f-0: x+'));
    // 'b-2:', not 'b-2': the task id is a random UUID, which may hold 'b-2'
    expect(message).not.toContain('b-2:');
    expect(message).toMatch(/Check that the import role may read the event data store \(and use its KMS key\) and create the log group, then deploy again\.$/);
    expect(jsonBytes({ Reason: message })).toBeLessThan(MAX_RESPONSE_BYTES);
  });

  test('a task cancelled by someone else fails the deployment', async () => {
    const event = createEvent(EXPORT);
    const started = await onEvent(event);
    only().importStatus = ImportStatus.CANCELLED;
    expect(await rejection(isComplete(completeEvent(event, started)))).toBe(`LakeExportToCloudWatch on eventdatastore/abc: import task ${started.PhysicalResourceId} `
      + 'was cancelled by someone else before it finished; it copied 0 bytes. Deploy again to start a new import task.');
  });

  test('past its deadline, the task is cancelled and the deployment fails with what to do', async () => {
    const event = createEvent(EXPORT);
    const started = await onEvent(event);
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 1801 * 1000);

    expect(await rejection(isComplete(completeEvent(event, started)))).toBe(`LakeExportToCloudWatch on eventdatastore/abc: import task ${started.PhysicalResourceId} `
      + 'did not finish within 30 minutes; it was cancelled, and the events it copied stay in its log group. '
      + 'Raise timeout (at most 55 minutes) or set waitForCompletion: false.');
    expect(only().importStatus).toBe(ImportStatus.CANCELLED);
  });

  test('a task not known yet right after the start is asked for again, not taken for gone', async () => {
    const event = createEvent(EXPORT);
    service.lag(1);
    const started = await onEvent(event);
    expect(await isComplete(completeEvent(event, started))).toEqual({ IsComplete: false });
    only().importStatus = ImportStatus.COMPLETED;
    expect(await isComplete(completeEvent(event, started))).toEqual(expect.objectContaining({ IsComplete: true }));
  });

  test.each([
    ['InvalidParameterException', 'The time range is outside the retention period of the source.'],
    ['ResourceNotFoundException', 'Event data store not found'],
  ])('a request CloudWatch Logs rejects (%s) says what must hold, without looking for a task', async (name, text) => {
    service.fail('CreateImportTask', logsError(name, text));
    expect(await rejection(onEvent(createEvent(EXPORT)))).toBe(`LakeExportToCloudWatch on eventdatastore/abc: CloudWatch Logs rejected the import task (${name}): `
      + `${text.replace(/\.?$/, '.')} The event data store must exist in this account and Region and be ENABLED, the time window must lie within its `
      + 'retention period and not start after it ends, and the import role must trust cloudtrail.amazonaws.com; correct it, then deploy again.');
    expect(logs.commandCalls(DescribeImportTasksCommand)).toHaveLength(1);
  });

  test('a fourth active import is refused, naming the three that run', async () => {
    const others = [1, 2, 3].map(i => service.add({ importSourceArn: `${STORE_ARN}-${i}` }));
    const message = await rejection(onEvent(createEvent(EXPORT)));
    expect(message).toContain('it runs at most 3 active imports per account, and the active import tasks are '
      + `${others.map(task => task.importId).join(', ')}. Wait for them to finish (or cancel them with CancelImportTask), then deploy again.`);
  });
});

describe('adoption: one task per resource under retries', () => {
  test('a CreateImportTask whose answer was lost, sent again by the SDK, keeps the first task and cancels its twin', async () => {
    service.loseResponses();

    const response = await onEvent(createEvent(EXPORT));

    const [first, twin] = service.tasks.values();
    expect(response.PhysicalResourceId).toBe(first.importId);
    expect(first.importStatus).toBe(ImportStatus.IN_PROGRESS);
    expect(twin.importStatus).toBe(ImportStatus.CANCELLED);
  });

  test.each([
    ['a network error', () => networkError('ECONNRESET')],
    ['a 5xx after the SDK\'s retries', () => logsError('ServiceUnavailableException', 'unavailable', 503)],
    ['throttling of the SDK\'s retry', () => logsError('ThrottlingException', 'Rate exceeded')],
  ])('a CreateImportTask that took effect but answered %s adopts the task it started', async (_case, fault) => {
    // the task starts, then the call fails as the SDK saw it
    logs.on(CreateImportTaskCommand).callsFake(async (input) => {
      service.add({
        importSourceArn: input.importSourceArn!, importRoleArn: input.importRoleArn!, importFilter: input.importFilter, creationTime: NOW,
      });
      throw fault();
    });

    const response = await onEvent(createEvent(EXPORT));

    expect(response.PhysicalResourceId).toBe(only().importId);
  });

  test.each([
    ['a 5xx', () => logsError('InternalFailure', 'internal', 500)],
    ['a network error', () => networkError('ETIMEDOUT')],
  ])('DescribeImportTasks failing (%s) right after the start still answers with the task\'s id, which the rollback\'s delete cancels', async (_case, fault) => {
    // the first DescribeImportTasks looks for an earlier attempt's task; the second, after the start, fails
    service.failLater('DescribeImportTasks', 1, fault());

    const response = await onEvent(createEvent(EXPORT));

    expect(response.PhysicalResourceId).toBe(only().importId);
    await onEvent(deleteEvent(EXPORT, response.PhysicalResourceId));
    expect(only().importStatus).toBe(ImportStatus.CANCELLED);
  });

  test('the same Create delivered twice starts one task', async () => {
    const event = createEvent(EXPORT);
    service.lag(1);

    const first = await onEvent(event);
    const second = await onEvent(event);

    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    expect(only().importStatus).toBe(ImportStatus.IN_PROGRESS);
  });

  test('a task of another window of the store, or of a failed attempt, is not adopted', async () => {
    service.add({ importSourceArn: STORE_ARN, importFilter: { startEventTime: Date.parse('2025-01-01T00:00:00Z') } });
    service.add({
      importSourceArn: STORE_ARN,
      importStatus: ImportStatus.FAILED,
      importFilter: { startEventTime: Date.parse(EXPORT.StartEventTime), endEventTime: Date.parse(EXPORT.EndEventTime) },
    });
    await onEvent(createEvent(EXPORT));
    expect(logs.commandCalls(CreateImportTaskCommand)).toHaveLength(1);
  });

  test('a task of the same window is found on a later page of DescribeImportTasks', async () => {
    service.pageSize = 1;
    Array.from({ length: 3 }, () => service.add({ importSourceArn: STORE_ARN, importStatus: ImportStatus.COMPLETED }));
    const mine = service.add({
      importSourceArn: STORE_ARN, importFilter: { startEventTime: Date.parse(EXPORT.StartEventTime), endEventTime: Date.parse(EXPORT.EndEventTime) },
    });
    expect((await onEvent(createEvent(EXPORT))).PhysicalResourceId).toBe(mine.importId);
    expect(logs.commandCalls(CreateImportTaskCommand)).toHaveLength(0);
    expect(logs.commandCalls(DescribeImportTasksCommand).map(call => call.args[0].input.nextToken)).toEqual([undefined, '1', '2', '3']);
  });
});

describe('update', () => {
  test('keeps the task when nothing that selects the events changed', async () => {
    const created = await onEvent(createEvent(EXPORT));
    const updated = await onEvent(updateEvent({ ...EXPORT, TimeoutSeconds: '3000' }, EXPORT, created.PhysicalResourceId));
    expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(logs.commandCalls(CreateImportTaskCommand)).toHaveLength(1);
  });

  test('starts a new task for a new window', async () => {
    const created = await onEvent(createEvent(EXPORT));
    const updated = await onEvent(updateEvent({ ...EXPORT, EndEventTime: '2026-03-01T00:00:00.000Z' }, EXPORT, created.PhysicalResourceId));
    expect(updated.PhysicalResourceId).not.toBe(created.PhysicalResourceId);
    expect(service.tasks.size).toBe(2);
  });

  test('CloudFormation\'s rollback Update, whose physical id names the task of the old properties, keeps it, however late', async () => {
    const created = await onEvent(createEvent(EXPORT));
    logs.resetHistory();
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 20 * 60_000);

    const rollback = await onEvent(updateEvent(EXPORT, { ...EXPORT, EndEventTime: '2026-03-01T00:00:00.000Z' }, created.PhysicalResourceId));

    expect(rollback.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(logs.commandCalls(CreateImportTaskCommand)).toHaveLength(0);
  });
});

describe('delete', () => {
  test('cancels a running task; the copied events stay', async () => {
    const created = await onEvent(createEvent(EXPORT));
    await onEvent(deleteEvent(EXPORT, created.PhysicalResourceId));
    expect(logs.commandCalls(CancelImportTaskCommand).map(call => call.args[0].input)).toEqual([{ importId: created.PhysicalResourceId }]);
    expect(only().importStatus).toBe(ImportStatus.CANCELLED);
  });

  test('leaves an ended task alone', async () => {
    const created = await onEvent(createEvent(EXPORT));
    only().importStatus = ImportStatus.COMPLETED;
    await onEvent(deleteEvent(EXPORT, created.PhysicalResourceId));
    expect(logs.commandCalls(CancelImportTaskCommand)).toHaveLength(0);
  });

  test('a task started a moment ago and not known yet is looked for again, then cancelled', async () => {
    const created = await onEvent(createEvent(EXPORT));
    service.hideFor(created.PhysicalResourceId, 2);
    await onEvent(deleteEvent(EXPORT, created.PhysicalResourceId));
    expect(clock.pauses()).toEqual([1_000, 2_000]);
    expect(only().importStatus).toBe(ImportStatus.CANCELLED);
  });

  test('a task that ended between the look and the cancel, or a create that failed before any task, deletes cleanly', async () => {
    const created = await onEvent(createEvent(EXPORT));
    service.fail('CancelImportTask', logsError('InvalidOperationException', 'Import is COMPLETED'));
    await expect(onEvent(deleteEvent(EXPORT, created.PhysicalResourceId))).resolves.toEqual({ PhysicalResourceId: created.PhysicalResourceId });
    logs.resetHistory();
    await expect(onEvent(deleteEvent(EXPORT, 'Stack-Export-resource-creation-failed:x'))).resolves.toBeDefined();
    expect(logs.calls()).toHaveLength(0);
  });
});

test('throttling through the SDK\'s retries says so, and names no task', async () => {
  service.fail('DescribeImportTasks', logsError('ThrottlingException', 'Rate exceeded'));
  expect(await rejection(onEvent(createEvent(EXPORT)))).toMatch(/^LakeExportToCloudWatch on eventdatastore\/abc: AWS throttled the calls through 4 attempts/);
  expect(service.tasks.size).toBe(0);
});
