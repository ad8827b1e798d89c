import {
  CancelImportTaskCommand, CreateImportTaskCommand, DescribeImportTaskBatchesCommand, DescribeImportTasksCommand, Import, ImportStatus,
} from '@aws-sdk/client-cloudwatch-logs';
import { errorMessage, errorName, isNamed, OperationFailure } from './errors';
import { Logger } from './log';
import { cloudWatchLogs } from './logs-client';
import {
  changed, IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse, optionalTime, required, ResourceProperties, storeName,
  WaitingOperationHandler,
} from './request';
import { NOT_FOUND_GRACE_MS, retryingNotFound, timing } from './timing';
import { AdoptionWindow, adoptionWindow, candidatesWithin, everything, isPastDeadline, startedAt, timedOut, waitFields } from './wait';
import { MAX_ACTIVE_LOG_IMPORTS } from '../../core/limits';
import { LAKE_EXPORT_REPLACING_PROPERTIES, LakeExportAttribute, OperationKind } from '../operation-properties';

const EVENTS_STAY = 'the events it copied stay in its log group';
const DEPLOY_AGAIN = 'then deploy again.';

/**
 * LakeExportToCloudWatch: CloudWatch Logs CreateImportTask on create (adopting one an earlier attempt started), waits
 * for it, CancelImportTask on delete.
 */
export const lakeExport: WaitingOperationHandler = {
  scope: (properties) => ({ operation: OperationKind.LAKE_EXPORT_TO_CLOUDWATCH, resource: storeName(properties.EventDataStoreArn) }),
  async onEvent(event, log) {
    switch (event.RequestType) {
      case 'Create':
        return runExport(event.ResourceProperties, log);
      case 'Update':
        return updateExport(event, log);
      case 'Delete':
        return cancelExport(event, log);
    }
  },
  isComplete: exportComplete,
};

/** The import task a LakeExportToCloudWatch asks for. */
export interface ExportRequest {
  readonly eventDataStoreArn: string;
  readonly importRoleArn: string;
  readonly startEventTime?: Date;
  readonly endEventTime?: Date;
}

/** An import task CloudWatch Logs describes, with the id it was asked for. */
export type FoundTask = Import & { readonly importId: string };

function exportRequest(properties: ResourceProperties): ExportRequest {
  return {
    eventDataStoreArn: required(properties, 'EventDataStoreArn'),
    importRoleArn: required(properties, 'ImportRoleArn'),
    startEventTime: optionalTime(properties, 'StartEventTime'),
    endEventTime: optionalTime(properties, 'EndEventTime'),
  };
}

// DescribeImportTasks answers "not found" with this error, or with an empty list for an id it does not know (yet)
const NOT_FOUND = 'ResourceNotFoundException';
const isNotFound = (error: unknown) => isNamed(error, [NOT_FOUND]);
// CreateImportTask's answer when the task cannot start beside the active ones (or, after a lost answer, beside itself)
const REFUSED = ['ConflictException', 'LimitExceededException'];
// CreateImportTask's answers for a request CloudWatch Logs or CloudTrail finds wrong (a store that does not exist among them)
const REJECTED = ['InvalidParameterException', 'ValidationException', 'InvalidOperationException', 'ResourceNotFoundException'];
// API reference, DescribeImportTasks importId: pattern [\-a-zA-Z0-9]+; a failed create leaves another physical id behind
const TASK_ID = /^[-a-zA-Z0-9]{1,256}$/;

async function runExport(properties: ResourceProperties, log: Logger, window?: AdoptionWindow): Promise<OnEventResponse> {
  const request = exportRequest(properties);
  const adopted = await findStartedTask(request, window);
  if (adopted) {
    log.info('Adopted the import task an earlier attempt of this request started', { importId: adopted.importId, importStatus: adopted.importStatus });
  }
  const started = adopted ?? await startTask(request, log);
  return { PhysicalResourceId: started.importId, Data: exportAttributes(started), ...waitFields(properties) };
}

async function startTask(request: ExportRequest, log: Logger): Promise<FoundTask> {
  log.info('Starting the import task', { startEventTime: request.startEventTime, endEventTime: request.endEventTime });
  let started: FoundTask;
  try {
    started = await createTask(request);
  } catch (error) {
    if (isNamed(error, REJECTED)) {
      throw rejected(error);
    }
    // The task may have started all the same: the answer was lost (a 5xx, a dropped connection, throttling of the SDK's
    // retry), or another delivery of this request started it and CloudWatch Logs refused a second one beside it. It may
    // be listed only a moment later.
    const own = await retryingNotFound(async () => await findStartedTask(request) ?? Promise.reject(new NotListedYet()),
      (reason) => reason instanceof NotListedYet).catch(() => undefined);
    if (own) {
      log.info('The import task of this request started all the same; adopting it', { importId: own.importId, reason: errorName(error) });
      return own;
    }
    throw isNamed(error, REFUSED) ? await refused(error) : error;
  }
  log.info('Started the import task', { importId: started.importId, importDestinationArn: started.importDestinationArn });
  return keepFirst(request, started, log);
}

async function createTask(request: ExportRequest): Promise<FoundTask> {
  const started = await cloudWatchLogs().send(new CreateImportTaskCommand({
    importSourceArn: request.eventDataStoreArn,
    importRoleArn: request.importRoleArn,
    importFilter: request.startEventTime || request.endEventTime
      ? { startEventTime: request.startEventTime?.getTime(), endEventTime: request.endEventTime?.getTime() }
      : undefined,
  }));
  if (!started.importId) {
    throw new OperationFailure('CreateImportTask returned no import ID.', 'Deploy again.');
  }
  return { ...started, importId: started.importId, importStatus: ImportStatus.IN_PROGRESS, importSourceArn: request.eventDataStoreArn };
}

/**
 * The task to keep when the one just started has an elder twin: the SDK sent CreateImportTask again after a lost answer,
 * or another delivery of this request started one at the same moment. Every delivery keeps the first task of the window
 * and cancels its own later one, so that the store's events are copied once (a cancelled twin may have copied some).
 */
async function keepFirst(request: ExportRequest, started: FoundTask, log: Logger): Promise<FoundTask> {
  const first = await findStartedTask(request).catch(() => undefined);
  if (!first || first.importId === started.importId) {
    return started;
  }
  log.warn('An earlier import task of this request exists; cancelling the one just started and keeping it', {
    importId: first.importId, cancelled: started.importId,
  });
  await cancelQuietly(started.importId, log);
  return first;
}

class NotListedYet extends Error {}

function rejected(error: unknown): OperationFailure {
  const message = errorMessage(error);
  return new OperationFailure(`CloudWatch Logs rejected the import task (${errorName(error)}): ${/[.!?]$/.test(message) ? message : `${message}.`}`,
    'The event data store must exist in this account and Region and be ENABLED, the time window must lie within its retention period and not start after it ends, and the import '
      + `role must trust cloudtrail.amazonaws.com; correct it, ${DEPLOY_AGAIN}`);
}

async function refused(error: unknown): Promise<OperationFailure> {
  const active = await activeTaskIds();
  const running = active.length > 0 ? `the active import tasks are ${active.join(', ')}` : 'no other active import task was found';
  return new OperationFailure(`CloudWatch Logs refused to start the import task (${errorName(error)}: ${errorMessage(error)}); it runs at most `
    + `${MAX_ACTIVE_LOG_IMPORTS} active imports per account, and ${running}.`, `Wait for them to finish (or cancel them with CancelImportTask), ${DEPLOY_AGAIN}`);
}

async function updateExport(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const properties = event.ResourceProperties;
  const replacing = changed(LAKE_EXPORT_REPLACING_PROPERTIES, properties, event.OldResourceProperties);
  const existing = await existingTask(event.PhysicalResourceId);
  if (existing && (!replacing || isExportOf(existing, exportRequest(properties)))) {
    if (replacing) {
      // e.g. CloudFormation's rollback Update, whose physical id names the task these properties started
      log.info('The import task of the physical id already is the one these properties ask for; keeping it', { importId: existing.importId });
    }
    return { PhysicalResourceId: existing.importId, Data: exportAttributes(existing) };
  }
  if (replacing) {
    log.info('The store or time window changed; starting a new import task unless one of that window exists');
  } else {
    log.warn('CloudWatch Logs no longer knows the import task; starting it again');
  }
  // a task of the same window, of any age (a rollback to earlier properties), is kept: its events are in the log group already
  return runExport(properties, log, everything(timing.now()));
}

async function existingTask(importId: string | undefined): Promise<FoundTask | undefined> {
  if (importId === undefined || !TASK_ID.test(importId)) {
    return undefined;
  }
  try {
    return await retryingNotFound(() => describeTask(importId), isNotFound);
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

async function cancelExport(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const importId = event.PhysicalResourceId ?? '';
  // a task started a moment ago may not be known yet: it is looked for again before it counts as gone
  const found = await existingTask(importId);
  if (!found) {
    log.info('No import task to cancel (the create failed, or CloudWatch Logs no longer knows it)');
  } else if (found.importStatus === ImportStatus.IN_PROGRESS) {
    try {
      await cloudWatchLogs().send(new CancelImportTaskCommand({ importId }));
    } catch (error) {
      // not found, or ended meanwhile (InvalidOperationException): nothing runs on
      if (!isNotFound(error) && !isNamed(error, ['InvalidOperationException'])) {
        throw error;
      }
    }
    log.info(`Cancelled the import task; ${EVENTS_STAY}`, { importId });
  } else {
    log.info(`The import task has ended; ${EVENTS_STAY}`, { importId, importStatus: found.importStatus });
  }
  return { PhysicalResourceId: importId };
}

async function exportComplete(event: IsCompleteRequest, log: Logger): Promise<IsCompleteResponse> {
  if (event.Deadline === undefined) {
    return { IsComplete: true };
  }
  const found = await describeOrWait(event, log);
  if (!found) {
    return { IsComplete: false };
  }
  switch (found.importStatus) {
    case ImportStatus.COMPLETED:
      log.info('The import task completed', { importId: found.importId, statistics: found.importStatistics });
      return { IsComplete: true, Data: exportAttributes(found) };
    case ImportStatus.FAILED:
      throw await taskFailure(found);
    case ImportStatus.CANCELLED:
      throw new OperationFailure(`import task ${found.importId} was cancelled by someone else before it finished; ${progressText(found)}.`,
        'Deploy again to start a new import task.');
    default:
      return taskRunning(event, found, log);
  }
}

async function taskRunning(event: IsCompleteRequest, found: FoundTask, log: Logger): Promise<IsCompleteResponse> {
  if (!isPastDeadline(event)) {
    log.info('The import task is still running', { importId: found.importId, statistics: found.importStatistics });
    return { IsComplete: false };
  }
  await cancelQuietly(found.importId, log);
  throw timedOut(`import task ${found.importId}`, event.ResourceProperties, `it was cancelled, and ${EVENTS_STAY}`);
}

/** The task; undefined while CloudWatch Logs does not know a task that started a moment ago (the waiter asks again). */
async function describeOrWait(event: IsCompleteRequest, log: Logger): Promise<FoundTask | undefined> {
  try {
    return await describeTask(event.PhysicalResourceId);
  } catch (error) {
    const started = startedAt(event);
    if (isNotFound(error) && started !== undefined && timing.now() - started < NOT_FOUND_GRACE_MS) {
      log.warn('CloudWatch Logs does not know the import task yet; asking again', { importId: event.PhysicalResourceId });
      return undefined;
    }
    throw error;
  }
}

async function cancelQuietly(importId: string, log: Logger): Promise<void> {
  try {
    await cloudWatchLogs().send(new CancelImportTaskCommand({ importId }));
  } catch (error) {
    // it may have ended on its own meanwhile; the timeout is reported either way
    log.warn('Could not cancel the import task', { importId, reason: errorName(error) });
  }
}

/** DescribeImportTasks of one task; a ResourceNotFoundException when CloudWatch Logs does not know it. */
export async function describeTask(importId: string): Promise<FoundTask> {
  const { imports } = await cloudWatchLogs().send(new DescribeImportTasksCommand({ importId }));
  const found = imports?.find((item) => item.importId === importId);
  if (!found) {
    throw Object.assign(new Error(`No import task ${importId}`), { name: NOT_FOUND });
  }
  return { ...found, importId };
}

function progressText(found: Import): string {
  return `it copied ${found.importStatistics?.bytesImported ?? 0} bytes`;
}

// enough failed batches to see the pattern, few enough to keep the message short
const FAILURE_SAMPLE_SIZE = 5;

/** Why a FAILED task failed: its error message and a sample of its failed batches, then what to do, which a long sample never cuts. */
async function taskFailure(found: FoundTask): Promise<OperationFailure> {
  const reason = found.errorMessage ? ` (${found.errorMessage})` : '';
  return new OperationFailure(`import task ${found.importId} failed${reason}; ${progressText(found)}. ${await failureSample(found.importId)}`,
    'Check that the import role may read the event data store (and use its KMS key) and create the log group, then deploy again.');
}

async function failureSample(importId: string): Promise<string> {
  try {
    const { importBatches } = await cloudWatchLogs().send(new DescribeImportTaskBatchesCommand({
      importId, batchImportStatus: [ImportStatus.FAILED], limit: FAILURE_SAMPLE_SIZE,
    }));
    if (!importBatches?.length) {
      return 'CloudWatch Logs lists no failed batches.';
    }
    return `First failed batches: ${importBatches.map((batch) => `${batch.batchId}: ${batch.errorMessage ?? 'no message'}`).join('; ')}.`;
  } catch (error) {
    // the task's failure matters more than the listing's
    return `Its failed batches could not be listed (${errorName(error)}).`;
  }
}

const ADOPTABLE_STATUSES: readonly string[] = [ImportStatus.IN_PROGRESS, ImportStatus.COMPLETED];

/**
 * Whether the task is the one the request asks for: from the same store, of the same time window, and not failed or
 * cancelled. A bound the request leaves out matches what CloudWatch Logs recorded for it. DescribeImportTasks does not
 * name the role, so two resources that copy the same window of the same store share one task: it copies the same events
 * into the same log group.
 */
function isExportOf(found: FoundTask, request: ExportRequest): boolean {
  return ADOPTABLE_STATUSES.includes(found.importStatus ?? '')
    && found.importSourceArn === request.eventDataStoreArn
    && sameBound(found.importFilter?.startEventTime, request.startEventTime)
    && sameBound(found.importFilter?.endEventTime, request.endEventTime);
}

function sameBound(found: number | undefined, asked: Date | undefined): boolean {
  return asked === undefined || found === asked.getTime();
}

/** Every import task of the store, of every page of DescribeImportTasks. */
async function tasksOf(eventDataStoreArn: string): Promise<FoundTask[]> {
  const tasks: FoundTask[] = [];
  let nextToken: string | undefined;
  do {
    const page = await cloudWatchLogs().send(new DescribeImportTasksCommand({ importSourceArn: eventDataStoreArn, nextToken }));
    for (const item of page.imports ?? []) {
      if (item.importId) {
        tasks.push({ ...item, importId: item.importId });
      }
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return tasks;
}

/**
 * The task of the store that an earlier attempt (or another delivery) of the same request started: CreateImportTask
 * takes no client token, so a repeated event would otherwise copy the events twice. It is the first task of the window
 * (the last minutes unless told otherwise) that is the one the request asks for.
 */
export async function findStartedTask(request: ExportRequest, window: AdoptionWindow = adoptionWindow(timing.now())): Promise<FoundTask | undefined> {
  const tasks = (await tasksOf(request.eventDataStoreArn)).filter((task) => isExportOf(task, request));
  return candidatesWithin(tasks, (task) => (task.creationTime === undefined ? undefined : new Date(task.creationTime)), window)[0];
}

/** The ids of the account's active import tasks, to name them in the message; none when they cannot be listed. */
async function activeTaskIds(): Promise<string[]> {
  try {
    const { imports } = await cloudWatchLogs().send(new DescribeImportTasksCommand({ importStatus: ImportStatus.IN_PROGRESS }));
    return (imports ?? []).flatMap((item) => (item.importId ? [item.importId] : []));
  } catch {
    // the message says none was found instead
    return [];
  }
}

/** The attributes of a LakeExportToCloudWatch: bytes as a number (0 until known). */
export function exportAttributes(found: FoundTask): Record<LakeExportAttribute, string | number> {
  return {
    [LakeExportAttribute.IMPORT_ID]: found.importId,
    [LakeExportAttribute.IMPORT_STATUS]: found.importStatus ?? '',
    [LakeExportAttribute.DESTINATION_ARN]: found.importDestinationArn ?? '',
    [LakeExportAttribute.BYTES_IMPORTED]: found.importStatistics?.bytesImported ?? 0,
  };
}
