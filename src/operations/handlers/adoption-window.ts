/** How far back an operation started by an earlier attempt of the same request is looked for. */
export const ADOPTION_WINDOW_MINUTES = 15;
/** How many of the newest candidates are described, at most, to find it. */
export const MAX_ADOPTION_CANDIDATES = 10;
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

/** The newest candidates created within the window, newest first. */
export function newestCandidates<T>(items: readonly T[], createdAt: (item: T) => Date | undefined, window: AdoptionWindow): T[] {
  const time = (item: T) => createdAt(item)?.getTime() ?? 0;
  return items
    .filter((item) => time(item) >= window.start.getTime() && time(item) <= window.end.getTime())
    .sort((a, b) => time(b) - time(a))
    .slice(0, MAX_ADOPTION_CANDIDATES);
}
