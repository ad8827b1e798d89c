import { OperationFailure } from './errors';
import { ResourceProperties, WaitFields } from './request';
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

/** The failure of an operation that outlived its timeout: what happened to it, and what to do. */
export function timedOut(what: string, properties: ResourceProperties, outcome: string): OperationFailure {
  return new OperationFailure(`${what} did not finish within ${duration(timeoutSeconds(properties))}; ${outcome}.`,
    `Raise timeout (at most ${OPERATION_WAIT_MINUTES.max} minutes) or set waitForCompletion: false.`);
}

/** When the operation of a request that waits started: its deadline less its timeout. */
export function startedAt(fields: WaitFields & { readonly ResourceProperties: ResourceProperties }): number | undefined {
  return fields.Deadline === undefined ? undefined : fields.Deadline - timeoutSeconds(fields.ResourceProperties) * 1000;
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

/** How far back an operation started by an earlier attempt of the same request is looked for. */
export const ADOPTION_WINDOW_MINUTES = 15;
// CloudTrail's clock and the Lambda's may differ a little; an operation started a moment ago must not be missed.
const CLOCK_SKEW_MS = 60_000;

/** The creation times an operation started by an earlier attempt falls between. */
export interface AdoptionWindow {
  readonly start: Date;
  readonly end: Date;
}

/** The window ending now. */
export function adoptionWindow(now: number = Date.now()): AdoptionWindow {
  return { start: new Date(now - ADOPTION_WINDOW_MINUTES * 60_000), end: new Date(now + CLOCK_SKEW_MS) };
}

/** Every candidate created within the window (none is left out), oldest first: the first match is the one to keep. */
export function candidatesWithin<T>(items: readonly T[], createdAt: (item: T) => Date | undefined, window: AdoptionWindow): T[] {
  const time = (item: T) => createdAt(item)?.getTime() ?? 0;
  return items
    .filter((item) => time(item) >= window.start.getTime() && time(item) <= window.end.getTime())
    .sort((a, b) => time(a) - time(b));
}

/** The window of every operation up to now, for an update that looks for the resource's operation of any age. */
export function everything(now: number = Date.now()): AdoptionWindow {
  return { start: new Date(0), end: new Date(now + CLOCK_SKEW_MS) };
}
