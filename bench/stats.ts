/** The middle value of the samples (the mean of the two middle ones for an even count). */
export function median(samples: number[]): number {
  if (samples.length === 0) {
    throw new Error('median of no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function millisecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * The exponent k in time ≈ c·nᵏ between two sizes: 1 for linear growth, 2 for quadratic.
 */
export function growthExponent(smallSize: number, smallTime: number, largeSize: number, largeTime: number): number {
  return Math.log(largeTime / smallTime) / Math.log(largeSize / smallSize);
}

/** A number with a fixed count of decimals, for tables. */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}
