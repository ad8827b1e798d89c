const MAX_DISTANCE = 3;

/**
 * The candidate closest to a misspelled value (case-insensitive, edit distance at most 3), to offer
 * as "did you mean". Undefined when nothing is close, and for inputs over 200 characters (longer than any
 * name it is used on).
 */
export function closestMatch(value: string, candidates: string[]): string | undefined {
  if (value.length > 200) {
    return undefined;
  }
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
