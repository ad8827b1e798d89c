import { ImportStatus, ListImportsCommand, paginateListImports } from '@aws-sdk/client-cloudtrail';
import { adoptionWindow, newestCandidates } from './adoption-window';
import { cloudTrail } from './clients';
import { FoundImport, getImport, RUNNING_IMPORT_STATUSES } from './import-status';

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
