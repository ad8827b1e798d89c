import { spawnSync } from 'child_process';
import { SynthReport } from './apps/synth-stacks';
import { APPS } from './build';
import { median, millisecondsSince } from './stats';

type Side = keyof typeof APPS;

/** Medians of the measured runs of one program at one size. */
export interface SideResult {
  readonly wallMs: number;
  readonly peakRssMiB: number;
  readonly resources: number;
}

/** The library against the baseline at one stack count. */
export interface SynthComparison {
  readonly stacks: number;
  readonly runs: number;
  readonly library: SideResult;
  readonly baseline: SideResult;
  readonly timeRatio: number;
  readonly memoryRatio: number;
}

/** One whole process: Node start, loading aws-cdk-lib (and the library), construction, synthesis. */
function runOnce(side: Side, stacks: number): { wallMs: number; report: SynthReport } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [APPS[side], String(stacks)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = millisecondsSince(start);
  if (child.status !== 0) {
    throw new Error(`${side} synthesis of ${stacks} stack(s) failed (exit ${child.status}):\n${child.stderr}`);
  }
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  return { wallMs, report: JSON.parse(lastLine) as SynthReport };
}

function summarize(samples: ReturnType<typeof runOnce>[]): SideResult {
  return {
    wallMs: median(samples.map(s => s.wallMs)),
    peakRssMiB: median(samples.map(s => s.report.peakRssMiB)),
    resources: samples[0].report.resources,
  };
}

/**
 * Runs both programs `runs` times each, alternately (library, baseline, library, …) so that drift in the
 * machine's state affects both alike, after one unmeasured warm-up run of each for the file cache.
 */
export function compareSynthesis(stacks: number, runs: number): SynthComparison {
  runOnce('library', stacks);
  runOnce('baseline', stacks);
  const library: ReturnType<typeof runOnce>[] = [];
  const baseline: ReturnType<typeof runOnce>[] = [];
  for (let i = 0; i < runs; i++) {
    library.push(runOnce('library', stacks));
    baseline.push(runOnce('baseline', stacks));
  }
  const result = { library: summarize(library), baseline: summarize(baseline) };
  if (result.library.resources !== result.baseline.resources) {
    throw new Error(`The baseline synthesizes ${result.baseline.resources} resources and the library ${result.library.resources}: `
      + 'they no longer describe the same stack (see test/bench/baseline.test.ts)');
  }
  return {
    stacks,
    runs,
    ...result,
    timeRatio: result.library.wallMs / result.baseline.wallMs,
    memoryRatio: result.library.peakRssMiB / result.baseline.peakRssMiB,
  };
}
