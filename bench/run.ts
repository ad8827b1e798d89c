import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildApps } from './build';
import { measureHandlers } from './handlers';
import { BenchResults, goalChecks, renderResults } from './results';
import { compareSynthesis } from './synth';
import { timeBySelectors, timeByValues } from './validation';

/** Stack counts and runs per size; BENCH_SIZES=1,20 and BENCH_RUNS=3 make a quick run. */
const SIZES = (process.env.BENCH_SIZES ?? '1,20,100').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function installedVersion(pkg: string): string {
  const manifest = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
  return manifest.version;
}

async function main(): Promise<void> {
  await buildApps();
  const synth = SIZES.map(stacks => {
    const comparison = compareSynthesis(stacks, RUNS);
    console.log(`synthesis ×${stacks}: time ratio ${comparison.timeRatio.toFixed(3)}, memory ratio ${comparison.memoryRatio.toFixed(3)}`);
    return comparison;
  });
  const results: BenchResults = {
    date: new Date(),
    cdkVersion: installedVersion('aws-cdk-lib'),
    synth,
    byValues: [...timeByValues('trail'), ...timeByValues('eventDataStore')],
    bySelectors: timeBySelectors(),
    handlers: measureHandlers(RUNS),
  };
  const report = renderResults(results);
  writeFileSync(join(__dirname, 'RESULTS.md'), report);
  console.log(report);
  if (goalChecks(results).some(check => !check.met)) {
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
