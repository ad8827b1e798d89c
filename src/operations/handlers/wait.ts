import { ResourceProperties, WaitFields } from './request-types';
import { DEFAULT_OPERATION_WAIT_MINUTES, OPERATION_WAIT_MINUTES } from '../../core/limits';

/**
 * The custom fields onEvent returns for an operation it started: a deadline for isComplete, or none
 * when the deployment does not wait for the operation.
 */
export function waitFields(properties: ResourceProperties, now: number = Date.now()): WaitFields {
  return properties.WaitForCompletion === 'false' ? {} : { Deadline: now + timeoutSeconds(properties) * 1000 };
}

/** Whether isComplete should give up on the operation. */
export function isPastDeadline(fields: WaitFields, now: number = Date.now()): boolean {
  return fields.Deadline !== undefined && now > fields.Deadline;
}

/** Says that the operation outlived its timeout, what happened to it, and what to do. */
export function timedOutText(what: string, properties: ResourceProperties, outcome: string): string {
  return `${what} did not finish within ${duration(timeoutSeconds(properties))}; ${outcome}. Raise timeout (at most `
    + `${OPERATION_WAIT_MINUTES.max} minutes) or set waitForCompletion: false.`;
}

function timeoutSeconds(properties: ResourceProperties): number {
  const seconds = Number(properties.TimeoutSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_OPERATION_WAIT_MINUTES * 60;
}

function duration(seconds: number): string {
  if (seconds % 60 !== 0) {
    return `${seconds} seconds`;
  }
  return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
}
