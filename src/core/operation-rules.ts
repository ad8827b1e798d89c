import { Duration, Token } from 'aws-cdk-lib';
import { CUSTOM_RESOURCE_TIMEOUT_MINUTES, OPERATION_WAIT_MINUTES } from './limits';
import { textProblems } from './names';
import { Problem } from './problems';

/**
 * The rule of how long an operation may wait for its outcome: whole seconds from 1 to 55 minutes,
 * because CloudFormation fails a custom resource that has not answered within one hour and the
 * provider needs the rest of that hour to report.
 */
export function operationTimeoutProblems(property: string, timeout: Duration): Problem[] {
  if (timeout.isUnresolved()) {
    return [{
      id: 'OperationTimeoutKnown',
      property,
      value: timeout.toString(),
      rule: 'must be known at synth time, because the wait is bounded below the custom-resource limit',
      fix: 'pass a literal Duration',
    }];
  }
  const seconds = timeout.toSeconds({ integral: false });
  const { min, max } = OPERATION_WAIT_MINUTES;
  if (!Number.isInteger(seconds) || seconds < min * 60 || seconds > max * 60) {
    return [{
      id: 'OperationTimeoutRange',
      property,
      value: Number.isInteger(seconds) ? timeout.toHumanString() : `${seconds} seconds`,
      rule: `must be whole seconds from ${min} to ${max} minutes, because CloudFormation fails a custom resource that has not answered `
        + `within ${CUSTOM_RESOURCE_TIMEOUT_MINUTES} minutes (AWS::CloudFormation::CustomResource ServiceTimeout)`,
      fix: seconds > max * 60
        ? `wait at most Duration.minutes(${max}), or set waitForCompletion: false and follow the operation outside the deployment`
        : `wait at least Duration.minutes(${min})`,
    }];
  }
  return [];
}

/**
 * The rule of a key prefix inside a bucket URI: it follows `s3://<bucket>/`, so a leading '/' would make
 * an empty path segment that no object key starts with.
 */
export function keyPrefixProblems(property: string, prefix: string | undefined): Problem[] {
  if (prefix === undefined || Token.isUnresolved(prefix)) {
    return [];
  }
  const problems = textProblems(property, prefix);
  if (prefix.startsWith('/')) {
    problems.push({
      id: 'KeyPrefixLeadingSlash',
      property,
      value: prefix,
      rule: "must not start with '/': the URI already separates the bucket from the prefix with one",
      fix: "remove the leading '/'",
    });
  }
  return problems;
}

const IMPORT_SOURCE = 'StartImport StartEventTime / EndEventTime';
const EXPORT_SOURCE = 'CloudWatch Logs CreateImportTask importFilter';

/**
 * The rules of an import's time range (StartImport): each bound a valid date, and the start before the
 * end, because CloudTrail imports the log files whose names carry a date between them.
 */
export function importTimeRangeProblems(startProperty: string, start: Date | undefined, endProperty: string, end: Date | undefined): Problem[] {
  const problems = eventTimeProblems(IMPORT_SOURCE, [[startProperty, start], [endProperty, end]]);
  if (problems.length === 0 && start && end && start.getTime() >= end.getTime()) {
    problems.push({
      id: 'ImportTimeRange',
      property: startProperty,
      value: start.toISOString(),
      rule: `must be before ${endProperty} ${end.toISOString()} (${IMPORT_SOURCE})`,
      fix: `swap the two dates, or move ${startProperty} earlier`,
    });
  }
  return problems;
}

/**
 * The rules of an export's time window (CreateImportTask importFilter): each bound a valid date, and the start not
 * after the end ("startEventTime must be less than or equal to endEventTime").
 */
export function exportTimeRangeProblems(startProperty: string, start: Date | undefined, endProperty: string, end: Date | undefined): Problem[] {
  const problems = eventTimeProblems(EXPORT_SOURCE, [[startProperty, start], [endProperty, end]]);
  if (problems.length === 0 && start && end && start.getTime() > end.getTime()) {
    problems.push({
      id: 'ExportTimeRange',
      property: startProperty,
      value: start.toISOString(),
      rule: `must not be after ${endProperty} ${end.toISOString()} (${EXPORT_SOURCE})`,
      fix: `swap the two dates, or move ${startProperty} earlier`,
    });
  }
  return problems;
}

/** The rule that each bound of a time range is a valid date (an invalid Date has no time to send). */
function eventTimeProblems(source: string, bounds: ReadonlyArray<readonly [string, Date | undefined]>): Problem[] {
  return bounds.filter(([, date]) => date !== undefined && !Number.isFinite(date.getTime())).map(([property, date]) => ({
    id: 'ImportEventTimeValid',
    property,
    value: date,
    rule: `must be a valid date (${source})`,
    fix: "pass a Date such as new Date('2026-01-01T00:00:00Z')",
  }));
}
