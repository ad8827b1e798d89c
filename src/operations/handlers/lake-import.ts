import {
  GetImportCommand, GetImportCommandOutput, ImportStatistics, ImportStatus, ListImportFailuresCommand, ListImportsCommand, paginateListImports,
  StartImportCommand, StopImportCommand,
} from '@aws-sdk/client-cloudtrail';
import { cloudTrail } from './clients';
import { errorName, isNamed, ongoingImport, OperationFailure } from './errors';
import { Logger } from './log';
import {
  changed, IsCompleteRequest, IsCompleteResponse, isUuid, OnEventRequest, OnEventResponse, optionalTime, required, ResourceProperties, storeName,
  WaitingOperationHandler,
} from './request';
import { NOT_FOUND_GRACE_MS, retryingNotFound, timing } from './timing';
import { AdoptionWindow, adoptionWindow, candidatesWithin, everything, isPastDeadline, startedAt, timedOut, waitFields } from './wait';
import { LAKE_IMPORT_REPLACING_PROPERTIES, LakeImportAttribute, OperationKind } from '../operation-properties';

const EVENTS_STAY = 'the events it imported stay in the event data store';

/** LakeImport: StartImport on create (adopting one an earlier attempt started), waits for it, StopImport on delete. */
export const lakeImport: WaitingOperationHandler = {
  scope: (properties) => ({ operation: OperationKind.LAKE_IMPORT, resource: storeName(properties.EventDataStoreArn) }),
  async onEvent(event, log) {
    switch (event.RequestType) {
      case 'Create':
        return runImport(event.ResourceProperties, log);
      case 'Update':
        return updateImport(event, log);
      case 'Delete':
        return stopImport(event, log);
    }
  },
  isComplete: importComplete,
};

function importRequest(properties: ResourceProperties): ImportRequest {
  return {
    eventDataStoreArn: required(properties, 'EventDataStoreArn'),
    s3LocationUri: required(properties, 'S3LocationUri'),
    s3BucketRegion: required(properties, 'S3BucketRegion'),
    s3BucketAccessRoleArn: required(properties, 'S3BucketAccessRoleArn'),
    startEventTime: optionalTime(properties, 'StartEventTime'),
    endEventTime: optionalTime(properties, 'EndEventTime'),
  };
}

const NOT_FOUND = ['ImportNotFoundException'];
const isNotFound = (error: unknown) => isNamed(error, NOT_FOUND);

async function runImport(properties: ResourceProperties, log: Logger, window?: AdoptionWindow): Promise<OnEventResponse> {
  const request = importRequest(properties);
  const adopted = await findStartedImport(request, window);
  if (adopted) {
    log.info('Adopted the import an earlier attempt of this request started', { importId: adopted.ImportId, importStatus: adopted.ImportStatus });
  }
  const started = adopted ?? await startImport(request, log);
  return { PhysicalResourceId: started.ImportId, Data: importAttributes(started), ...waitFields(properties) };
}

async function startImport(request: ImportRequest, log: Logger): Promise<ImportDescription & { ImportId: string }> {
  log.info('Starting the import', { s3LocationUri: request.s3LocationUri, startEventTime: request.startEventTime, endEventTime: request.endEventTime });
  try {
    const started = await cloudTrail().send(new StartImportCommand({
      Destinations: [request.eventDataStoreArn],
      ImportSource: {
        S3: { S3LocationUri: request.s3LocationUri, S3BucketRegion: request.s3BucketRegion, S3BucketAccessRoleArn: request.s3BucketAccessRoleArn },
      },
      StartEventTime: request.startEventTime,
      EndEventTime: request.endEventTime,
    }));
    if (!started.ImportId) {
      throw new OperationFailure('StartImport returned no import ID.', 'Deploy again.');
    }
    log.info('Started the import', { importId: started.ImportId, importStatus: started.ImportStatus });
    return { ...started, ImportId: started.ImportId };
  } catch (error) {
    if (!isNamed(error, ['AccountHasOngoingImportException'])) {
      throw error;
    }
    // The running import may be this request's own: another delivery of it started it, or the SDK sent StartImport
    // again after its answer was lost. CloudTrail may list it only a moment later.
    const own = await retryingNotFound(async () => await findStartedImport(request) ?? Promise.reject(new NotListedYet()),
      (reason) => reason instanceof NotListedYet).catch(() => undefined);
    if (own) {
      log.info('The import running is this request\'s own; adopting it', { importId: own.ImportId, importStatus: own.ImportStatus });
      return own;
    }
    const { what, fix } = ongoingImport(await ongoingImportId());
    throw new OperationFailure(what, fix);
  }
}

class NotListedYet extends Error {}

async function updateImport(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const properties = event.ResourceProperties;
  const replacing = changed(LAKE_IMPORT_REPLACING_PROPERTIES, properties, event.OldResourceProperties);
  const existing = await existingImport(event.PhysicalResourceId);
  if (existing && (!replacing || isImportOf(existing, importRequest(properties), { identified: false }))) {
    if (replacing) {
      // e.g. CloudFormation's rollback Update, whose physical id names the import these properties started
      log.info('The import of the physical id already is the one these properties ask for; keeping it', { importId: existing.ImportId });
    }
    return { PhysicalResourceId: existing.ImportId, Data: importAttributes(existing) };
  }
  if (replacing) {
    log.info('The store, source or time range changed; starting a new import unless this resource already imported that range');
  } else {
    log.warn('CloudTrail no longer knows the import; starting it again');
  }
  // an import of the same range by this resource, of any age (a rollback to earlier properties), is kept: its events
  // are in the store already
  return runImport(properties, log, everything(timing.now()));
}

async function existingImport(importId: string | undefined): Promise<FoundImport | undefined> {
  if (!isUuid(importId)) {
    return undefined;
  }
  try {
    return await retryingNotFound(() => getImport(importId), isNotFound);
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

async function stopImport(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const importId = event.PhysicalResourceId ?? '';
  // an import started a moment ago may not be known yet: it is looked for again before it counts as gone
  const found = await existingImport(importId);
  if (!found) {
    log.info('No import to stop (the create failed, or CloudTrail no longer knows it)');
  } else if (RUNNING_IMPORT_STATUSES.includes(found.ImportStatus ?? '')) {
    try {
      await cloudTrail().send(new StopImportCommand({ ImportId: importId }));
    } catch (error) {
      if (!isNotFound(error)) {
        throw error;
      }
    }
    log.info(`Stopped the import; ${EVENTS_STAY}`, { importId });
  } else {
    log.info(`The import has ended; ${EVENTS_STAY}`, { importId, importStatus: found.ImportStatus });
  }
  return { PhysicalResourceId: importId };
}

async function importComplete(event: IsCompleteRequest, log: Logger): Promise<IsCompleteResponse> {
  if (event.Deadline === undefined) {
    return { IsComplete: true };
  }
  const found = await getOrWait(event, log);
  if (!found) {
    return { IsComplete: false };
  }
  switch (found.ImportStatus) {
    case ImportStatus.COMPLETED:
      log.info('The import completed', { importId: found.ImportId, statistics: found.ImportStatistics });
      return { IsComplete: true, Data: importAttributes(found) };
    case ImportStatus.FAILED:
      throw await importFailure(found);
    case ImportStatus.STOPPED:
      throw new OperationFailure(`import ${found.ImportId} was stopped by someone else before it finished; ${importProgressText(found.ImportStatistics)}.`,
        'Deploy again to start a new import.');
    default:
      return importRunning(event, found, log);
  }
}

async function importRunning(event: IsCompleteRequest, found: FoundImport, log: Logger): Promise<IsCompleteResponse> {
  if (!isPastDeadline(event)) {
    log.info('The import is still running', { importId: found.ImportId, importStatus: found.ImportStatus, statistics: found.ImportStatistics });
    return { IsComplete: false };
  }
  await stopQuietly(found.ImportId, log);
  throw timedOut(`import ${found.ImportId}`, event.ResourceProperties, `it was stopped, and ${EVENTS_STAY}`);
}

/** The import; undefined while CloudTrail does not know an import that started a moment ago (the waiter asks again). */
async function getOrWait(event: IsCompleteRequest, log: Logger): Promise<FoundImport | undefined> {
  try {
    return await getImport(event.PhysicalResourceId);
  } catch (error) {
    const started = startedAt(event);
    if (isNotFound(error) && started !== undefined && timing.now() - started < NOT_FOUND_GRACE_MS) {
      log.warn('CloudTrail does not know the import yet; asking again', { importId: event.PhysicalResourceId });
      return undefined;
    }
    throw error;
  }
}

async function stopQuietly(importId: string, log: Logger): Promise<void> {
  try {
    await cloudTrail().send(new StopImportCommand({ ImportId: importId }));
  } catch (error) {
    // it may have ended on its own meanwhile; the timeout is reported either way
    log.warn('Could not stop the import', { importId, reason: errorName(error) });
  }
}

/** Statuses of an import that has not ended yet. */
export const RUNNING_IMPORT_STATUSES: readonly string[] = [ImportStatus.INITIALIZING, ImportStatus.IN_PROGRESS];

// enough failures to see the pattern, few enough to keep the message short
const FAILURE_SAMPLE_SIZE = 5;

/** A GetImport response, with the id it was asked for. */
export type FoundImport = GetImportCommandOutput & { readonly ImportId: string };

/** GetImport of an import. */
export async function getImport(importId: string): Promise<FoundImport> {
  const found = await cloudTrail().send(new GetImportCommand({ ImportId: importId }));
  return { ...found, ImportId: importId };
}

/** What an import has done so far. */
export function importProgressText(statistics: ImportStatistics = {}): string {
  return `it imported ${statistics.EventsCompleted ?? 0} events from ${statistics.FilesCompleted ?? 0} files `
    + `(${statistics.PrefixesCompleted ?? 0} of ${statistics.PrefixesFound ?? 0} prefixes), with ${statistics.FailedEntries ?? 0} failed entries`;
}

/**
 * Why a FAILED import failed: its progress and a sample of its failures (location, error type, message), then what to
 * do, which a long sample never cuts.
 */
export async function importFailure(found: FoundImport): Promise<OperationFailure> {
  return new OperationFailure(`import ${found.ImportId} failed; ${importProgressText(found.ImportStatistics)}. ${await failureSample(found.ImportId)}`,
    'Correct the source or the role it is read with, then deploy again.');
}

async function failureSample(importId: string): Promise<string> {
  try {
    const { Failures } = await cloudTrail().send(new ListImportFailuresCommand({ ImportId: importId, MaxResults: FAILURE_SAMPLE_SIZE }));
    if (!Failures?.length) {
      return 'CloudTrail lists no failures.';
    }
    const sample = Failures.map((failure) => `${failure.Location ?? 'unknown location'}: ${failure.ErrorType ?? 'Error'}: ${failure.ErrorMessage ?? ''}`);
    return `First failures: ${sample.join('; ')}.`;
  } catch (error) {
    // the import's failure matters more than the listing's
    return `Its failures could not be listed (${errorName(error)}).`;
  }
}

const ADOPTABLE_STATUSES: readonly string[] = [...RUNNING_IMPORT_STATUSES, ImportStatus.COMPLETED];

/** The import a LakeImport asks for. */
export interface ImportRequest {
  readonly eventDataStoreArn: string;
  readonly s3LocationUri: string;
  readonly s3BucketRegion: string;
  readonly s3BucketAccessRoleArn: string;
  readonly startEventTime?: Date;
  readonly endEventTime?: Date;
}

/**
 * Whether the import is the one the request asks for: into the same store, from the same location and Region, for
 * the same time range, and not failed or stopped; when `identified`, also read with the same role, which each
 * LakeImport has of its own unless it is given one: another resource's import is never taken for this one's.
 */
function isImportOf(found: FoundImport, request: ImportRequest, { identified }: { identified: boolean }): boolean {
  const source = found.ImportSource?.S3;
  return ADOPTABLE_STATUSES.includes(found.ImportStatus ?? '')
    && (found.Destinations ?? [request.eventDataStoreArn]).includes(request.eventDataStoreArn)
    && source?.S3LocationUri === request.s3LocationUri
    && (source?.S3BucketRegion ?? request.s3BucketRegion) === request.s3BucketRegion
    && (!identified || (source?.S3BucketAccessRoleArn ?? request.s3BucketAccessRoleArn) === request.s3BucketAccessRoleArn)
    && sameTime(found.StartEventTime, request.startEventTime) && sameTime(found.EndEventTime, request.endEventTime);
}

/**
 * An import into the store that an earlier attempt (or another delivery) of the same request started: StartImport
 * takes no client token, so a repeated event would otherwise import twice. It is the first import of the window (the
 * last minutes unless told otherwise), of every page of ListImports, that is the one the request asks for.
 */
export async function findStartedImport(
  request: ImportRequest, window: AdoptionWindow = adoptionWindow(timing.now()),
): Promise<FoundImport | undefined> {
  const imports: { importId: string; createdAt?: Date }[] = [];
  for await (const page of paginateListImports({ client: cloudTrail() }, { Destination: request.eventDataStoreArn })) {
    for (const { ImportId, ImportStatus: status, CreatedTimestamp } of page.Imports ?? []) {
      if (ImportId && ADOPTABLE_STATUSES.includes(status ?? '')) {
        imports.push({ importId: ImportId, createdAt: CreatedTimestamp });
      }
    }
  }
  for (const candidate of candidatesWithin(imports, (item) => item.createdAt, window)) {
    const found = await getImport(candidate.importId);
    if (isImportOf(found, request, { identified: true })) {
      return found;
    }
  }
  return undefined;
}

/**
 * The import that keeps a new one from starting (CloudTrail runs one per account), to name it in the
 * message; undefined when it cannot be found.
 */
export async function ongoingImportId(): Promise<string | undefined> {
  try {
    for (const status of RUNNING_IMPORT_STATUSES) {
      const { Imports } = await cloudTrail().send(new ListImportsCommand({ ImportStatus: status as ImportStatus }));
      const importId = Imports?.find((item) => item.ImportId)?.ImportId;
      if (importId) {
        return importId;
      }
    }
  } catch {
    // the message says "another import" instead
  }
  return undefined;
}

function sameTime(a: Date | undefined, b: Date | undefined): boolean {
  return a?.getTime() === b?.getTime();
}

/** The parts of a StartImport or GetImport response the attributes come from. */
export interface ImportDescription {
  readonly ImportId?: string;
  readonly ImportStatus?: string;
  readonly ImportStatistics?: ImportStatistics;
}

/** The attributes of a LakeImport: counts as numbers (0 until known). */
export function importAttributes(found: ImportDescription): Record<LakeImportAttribute, string | number> {
  const statistics = found.ImportStatistics ?? {};
  return {
    [LakeImportAttribute.IMPORT_ID]: found.ImportId ?? '',
    [LakeImportAttribute.IMPORT_STATUS]: found.ImportStatus ?? '',
    [LakeImportAttribute.PREFIXES_FOUND]: statistics.PrefixesFound ?? 0,
    [LakeImportAttribute.PREFIXES_COMPLETED]: statistics.PrefixesCompleted ?? 0,
    [LakeImportAttribute.FILES_COMPLETED]: statistics.FilesCompleted ?? 0,
    [LakeImportAttribute.EVENTS_COMPLETED]: statistics.EventsCompleted ?? 0,
    [LakeImportAttribute.FAILED_ENTRIES]: statistics.FailedEntries ?? 0,
  };
}
