/**
 * The handlers' clock, pauses and time budget. Tests replace `timing.sleep` (and Date.now) to run the fault
 * scenarios without waiting; the bundles use setTimeout, so they load no module for it.
 */
export const timing = {
  now: (): number => Date.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The longest one AWS call may take (the clients' request timeout); no call starts unless it can end within the budget. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** What a function keeps of its run to answer after its last AWS call. */
export const ANSWER_MARGIN_MS = 5_000;
/** The run a handler assumes when it is not told its Lambda context (tests, and the shortest handler function). */
export const DEFAULT_RUN_MS = 60_000;

let budgetEnd: number | undefined;

/** Starts the invocation's budget: the AWS calls and waits of the handler end `runMs - ANSWER_MARGIN_MS` from now. */
export function startBudget(runMs: number = DEFAULT_RUN_MS): void {
  budgetEnd = timing.now() + runMs - ANSWER_MARGIN_MS;
}

/** Whether an AWS call (after `delayMs` of waiting) can still end within the invocation's budget. */
export function callFits(delayMs: number = 0): boolean {
  return budgetEnd === undefined || timing.now() + delayMs + REQUEST_TIMEOUT_MS <= budgetEnd;
}

/** How long an AWS call may still wait before it starts, within the budget; Infinity without one. */
export function timeToLastCall(): number {
  return budgetEnd === undefined ? Infinity : budgetEnd - REQUEST_TIMEOUT_MS - timing.now();
}

/**
 * The promise's value; or, when the budget runs out first, the error `outOfTime` makes. It uses the SDK's setTimeout,
 * not `timing.sleep`, to wait alongside the SDK's own waits.
 */
export async function withinBudget<T>(promise: Promise<T>, outOfTime: () => Error): Promise<T> {
  const left = timeToLastCall();
  if (left === Infinity) {
    return promise;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(outOfTime()), Math.max(0, left));
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * "Not found" right after an operation started (or a moment before it is deleted) may be CloudTrail's eventual
 * consistency: look again after these pauses (30 seconds in all) before it counts as final.
 */
export const NOT_FOUND_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000];
/** How long isComplete takes "not found" for a delay of CloudTrail's, after the operation started. */
export const NOT_FOUND_GRACE_MS = 2 * 60_000;

/**
 * Runs `call`; when it fails with one of the not-found errors, runs it again after each pause that fits the
 * budget, then lets the last failure through.
 */
export async function retryingNotFound<T>(call: () => Promise<T>, isNotFound: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = NOT_FOUND_RETRY_DELAYS_MS[attempt];
      if (!isNotFound(error) || delay === undefined || !callFits(delay)) {
        throw error;
      }
      await timing.sleep(delay);
    }
  }
}
