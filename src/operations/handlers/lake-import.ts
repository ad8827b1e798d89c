import { ImportStatus, StartImportCommand, StopImportCommand } from '@aws-sdk/client-cloudtrail';
import { importAttributes, ImportDescription } from './attributes';
import { cloudTrail } from './clients';
import { errorName, isNamed, OperationFailure } from './errors';
import { ongoingImportText } from './explanations';
import { findStartedImport, ImportRequest, ongoingImportId } from './import-adoption';
import { FoundImport, getImport, importFailedText, importProgressText, RUNNING_IMPORT_STATUSES } from './import-status';
import { Logger } from './log';
import { WaitingOperationHandler } from './operation-handler';
import { changed, isUuid, optionalTime, required, storeName } from './properties';
import { IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse, ResourceProperties } from './request-types';
import { isPastDeadline, timedOutText, waitFields } from './wait';
import { LAKE_IMPORT_REPLACING_PROPERTIES, OperationKind } from '../operation-properties';

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
