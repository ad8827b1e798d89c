import { spawnSync } from 'child_process';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { ROOT } from './build';
import { median } from './stats';

/** One bundled handler entry point. */
export interface HandlerMeasurement {
  readonly entry: string;
  readonly bytes: number;
  /** Median milliseconds of the first `require` of the bundle in a fresh Node process. */
  readonly coldRequireMs: number;
}

const ASSETS = join(ROOT, 'assets', 'operations');

/**
 * The bundle's own load, including the AWS SDK clients it imports: in Lambda these come from the
 * runtime, here from node_modules, so the time stands for an init phase with a warm disk cache.
 */
function coldRequireMs(file: string, runs: number): number {
  const probe = 'const s = process.hrtime.bigint(); require(process.argv[1]); '
    + 'console.log(Number(process.hrtime.bigint() - s) / 1e6)';
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const child = spawnSync(process.execPath, ['-e', probe, file], { encoding: 'utf8', cwd: ROOT });
    if (child.status !== 0) {
      throw new Error(`require(${file}) failed:\n${child.stderr}`);
    }
    if (i > 0) {
      samples.push(Number(child.stdout.trim()));
    }
  }
  return median(samples);
}

/** Size and load time of every handler bundle that `projen bundle` built. */
export function measureHandlers(runs: number): HandlerMeasurement[] {
  return readdirSync(ASSETS).sort().map(entry => {
    const file = join(ASSETS, entry, 'index.js');
    return { entry: entry.replace(/\.lambda$/, ''), bytes: statSync(file).size, coldRequireMs: coldRequireMs(file, runs) };
  });
}
