import {
  GetImportCommand, GetImportCommandOutput, ImportStatistics, ImportStatus, ListImportFailuresCommand, ListImportsCommand, paginateListImports,
  StartImportCommand, StopImportCommand,
} from '@aws-sdk/client-cloudtrail';
import { cloudTrail } from './clients';
import { errorName, isNamed, ongoingImportText, OperationFailure } from './errors';
import { Logger } from './log';
import {
  changed, IsCompleteRequest, IsCompleteResponse, isUuid, OnEventRequest, OnEventResponse, optionalTime, required, ResourceProperties, storeName,
  WaitingOperationHandler,
} from './request';
import { adoptionWindow, isPastDeadline, newestCandidates, timedOutText, waitFields } from './wait';
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

async function runImport(properties: ResourceProperties, log: Logger): Promise<OnEventResponse> {
  const request = importRequest(properties);
  const adopted = await findStartedImport(request);
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
      throw new OperationFailure('StartImport returned no import ID. Deploy again.');
    }
    log.info('Started the import', { importId: started.ImportId, importStatus: started.ImportStatus });
    return { ...started, ImportId: started.ImportId };
  } catch (error) {
    if (isNamed(error, ['AccountHasOngoingImportException'])) {
      throw new OperationFailure(ongoingImportText(await ongoingImportId()));
    }
    throw error;
  }
}

async function updateImport(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const properties = event.ResourceProperties;
  if (changed(LAKE_IMPORT_REPLACING_PROPERTIES, properties, event.OldResourceProperties)) {
    log.info('The store, source or time range changed; starting a new import');
    return runImport(properties, log);
  }
  const existing = await existingImport(event.PhysicalResourceId);
  if (!existing) {
    log.warn('CloudTrail no longer knows the import; starting it again');
    return runImport(properties, log);
  }
  return { PhysicalResourceId: existing.ImportId, Data: importAttributes(existing) };
}

async function existingImport(importId: string | undefined): Promise<FoundImport | undefined> {
  if (!isUuid(importId)) {
    return undefined;
  }
  try {
    return await getImport(importId);
  } catch (error) {
    if (isNamed(error, ['ImportNotFoundException'])) {
      return undefined;
    }
    throw error;
  }
}

async function stopImport(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const importId = event.PhysicalResourceId ?? '';
  const found = await existingImport(importId);
  if (!found) {
    log.info('No import to stop (the create failed, or CloudTrail no longer knows it)');
  } else if (RUNNING_IMPORT_STATUSES.includes(found.ImportStatus ?? '')) {
    try {
      await cloudTrail().send(new StopImportCommand({ ImportId: importId }));
    } catch (error) {
      if (!isNamed(error, ['ImportNotFoundException'])) {
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
  const found = await getImport(event.PhysicalResourceId);
  switch (found.ImportStatus) {
    case ImportStatus.COMPLETED:
      log.info('The import completed', { importId: found.ImportId, statistics: found.ImportStatistics });
      return { IsComplete: true, Data: importAttributes(found) };
    case ImportStatus.FAILED:
      throw new OperationFailure(await importFailedText(found));
    case ImportStatus.STOPPED:
      throw new OperationFailure(`import ${found.ImportId} was stopped by someone else before it finished; ${importProgressText(found.ImportStatistics)}. `
        + 'Deploy again to start a new import.');
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
  throw new OperationFailure(timedOutText(`import ${found.ImportId}`, event.ResourceProperties, `it was stopped, and ${EVENTS_STAY}`));
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

/** Says why a FAILED import failed: its progress and a sample of its failures (location, error type, message). */
export async function importFailedText(found: FoundImport): Promise<string> {
  return `import ${found.ImportId} failed; ${importProgressText(found.ImportStatistics)}. ${await failureSample(found.ImportId)} `
    + 'Correct the source or the role it is read with, then deploy again.';
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
 * An import into the store that an earlier attempt of the same request started: StartImport takes no
 * client token, so a repeated event would otherwise import twice. It is one of the newest imports of the
 * last minutes that has not failed, from the same location and for the same time range.
 */
export async function findStartedImport(request: ImportRequest): Promise<FoundImport | undefined> {
  const window = adoptionWindow();
  const imports: { importId: string; createdAt?: Date }[] = [];
  for await (const page of paginateListImports({ client: cloudTrail() }, { Destination: request.eventDataStoreArn })) {
    for (const { ImportId, ImportStatus: status, CreatedTimestamp } of page.Imports ?? []) {
      if (ImportId && ADOPTABLE_STATUSES.includes(status ?? '')) {
        imports.push({ importId: ImportId, createdAt: CreatedTimestamp });
      }
    }
  }
  for (const candidate of newestCandidates(imports, (item) => item.createdAt, window)) {
    const found = await getImport(candidate.importId);
    if (found.ImportSource?.S3?.S3LocationUri === request.s3LocationUri
      && sameTime(found.StartEventTime, request.startEventTime) && sameTime(found.EndEventTime, request.endEventTime)) {
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
