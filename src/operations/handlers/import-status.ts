import { GetImportCommand, GetImportCommandOutput, ImportStatistics, ImportStatus, ListImportFailuresCommand } from '@aws-sdk/client-cloudtrail';
import { cloudTrail } from './clients';
import { errorName } from './errors';

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
