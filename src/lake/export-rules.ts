import type { LakeExportToCloudWatchProps } from './lake-export-props';
import { MAX_ACTIVE_LOG_IMPORTS } from '../core/limits';
import { exportTimeRangeProblems } from '../core/operation-rules';
import { Problem } from '../core/problems';

/** The problems of an export's time window (CreateImportTask importFilter). */
export function lakeExportProblems(props: LakeExportToCloudWatchProps): Problem[] {
  return exportTimeRangeProblems('startEventTime', props.startEventTime, 'endEventTime', props.endEventTime);
}

/**
 * The problem of an export that follows, in its stack's chain, one that does not wait: CloudWatch Logs runs at most
 * MAX_ACTIVE_LOG_IMPORTS imports per account, so each export waits for the one that many places before it.
 */
export function exportChainProblems(beforePath: string, beforeWaits: boolean): Problem[] {
  if (beforeWaits) {
    return [];
  }
  return [{
    id: 'ExportsAtATime',
    property: `waitForCompletion of ${beforePath}`,
    value: false,
    rule: `lets that export run on after its deployment step, so this export, which follows it, could be the ${MAX_ACTIVE_LOG_IMPORTS + 1}th active `
      + `import and fail; CloudWatch Logs runs at most ${MAX_ACTIVE_LOG_IMPORTS} active imports per account (CreateImportTask)`,
    fix: `let ${beforePath} wait for completion, or deploy this export in a later deployment`,
  }];
}
