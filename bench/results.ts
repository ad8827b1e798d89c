import { cpus, totalmem } from 'os';
import { HandlerMeasurement } from './handlers';
import { fixed, growthExponent } from './stats';
import { SynthComparison } from './synth';
import { ValidationTiming } from './validation';

/** The numbers the bench promises (issue 6). */
export const GOALS = {
  /** Library ÷ baseline, whole-process wall time and peak memory, at every size. */
  maxSynthRatio: 1.10,
  /** One selector with CloudTrail's maximum of 500 values. */
  maxMsFor500Values: 5,
  /**
   * Growth exponent between sizes: 1 is linear, 2 quadratic. The margin absorbs timer noise and the memory
   * hierarchy: from 500 to 5000 values the working set leaves the CPU caches and a value costs about twice as
   * much (exponent 1.3), while at 80000 it costs 2.4 times as much as at 500, where a quadratic check costs 160.
   */
  maxGrowthExponent: 1.5,
};

export interface BenchResults {
  readonly date: Date;
  readonly cdkVersion: string;
  readonly synth: SynthComparison[];
  readonly byValues: ValidationTiming[];
  readonly bySelectors: ValidationTiming[];
  readonly handlers: HandlerMeasurement[];
}

/** Each goal, with whether it was met: what the bench's exit code and the ✓/✗ marks in the tables say. */
export function goalChecks(results: BenchResults): { goal: string; met: boolean }[] {
  const checks = results.synth.flatMap(s => [
    { goal: `synthesis time ratio at ${s.stacks} stack(s) ≤ ${GOALS.maxSynthRatio}`, met: s.timeRatio <= GOALS.maxSynthRatio },
    { goal: `peak memory ratio at ${s.stacks} stack(s) ≤ ${GOALS.maxSynthRatio}`, met: s.memoryRatio <= GOALS.maxSynthRatio },
  ]);
  for (const target of ['trail', 'eventDataStore']) {
    const timings = results.byValues.filter(t => t.target === target);
    const at500 = timings.find(t => t.values === 500);
    if (at500) {
      checks.push({ goal: `${target}: 500 values validated in < ${GOALS.maxMsFor500Values} ms`, met: at500.ms < GOALS.maxMsFor500Values });
    }
    checks.push({ goal: `${target}: validation grows linearly with values (growth exponent ≤ ${GOALS.maxGrowthExponent})`, met: worstExponent(timings, t => t.values) <= GOALS.maxGrowthExponent });
  }
  checks.push({
    goal: `trail: validation grows linearly with selectors (growth exponent ≤ ${GOALS.maxGrowthExponent})`,
    met: worstExponent(results.bySelectors, t => t.selectors) <= GOALS.maxGrowthExponent,
  });
  return checks;
}

/** The steepest growth between consecutive sizes. */
function worstExponent(timings: ValidationTiming[], size: (t: ValidationTiming) => number): number {
  let worst = 0;
  for (let i = 1; i < timings.length; i++) {
    worst = Math.max(worst, growthExponent(size(timings[i - 1]), timings[i - 1].ms, size(timings[i]), timings[i].ms));
  }
  return worst;
}

function mark(met: boolean): string {
  return met ? '✓' : '✗';
}

function synthTable(synth: SynthComparison[]): string[] {
  return [
    '| stacks | resources | runs | library (s) | baseline (s) | time ratio | library peak (MiB) | baseline peak (MiB) | memory ratio |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...synth.map(s => `| ${s.stacks} | ${s.library.resources} | ${s.runs} | ${fixed(s.library.wallMs / 1000, 2)} | `
      + `${fixed(s.baseline.wallMs / 1000, 2)} | ${fixed(s.timeRatio, 3)} ${mark(s.timeRatio <= GOALS.maxSynthRatio)} | `
      + `${fixed(s.library.peakRssMiB, 0)} | ${fixed(s.baseline.peakRssMiB, 0)} | `
      + `${fixed(s.memoryRatio, 3)} ${mark(s.memoryRatio <= GOALS.maxSynthRatio)} |`),
  ];
}

function validationTable(timings: ValidationTiming[], size: (t: ValidationTiming) => number, sizeLabel: string): string[] {
  return [
    `| target | ${sizeLabel} | values | median (ms) | µs per value | growth exponent | problems found |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...timings.map((t, i) => {
      const previous = timings[i - 1];
      const exponent = previous && previous.target === t.target
        ? fixed(growthExponent(size(previous), previous.ms, size(t), t.ms), 2) : '';
      return `| ${t.target} | ${size(t)} | ${t.values} | ${fixed(t.ms, 3)} | ${fixed(t.ms * 1000 / t.values, 2)} | ${exponent} | ${t.problems} |`;
    }),
  ];
}

function handlerTable(handlers: HandlerMeasurement[]): string[] {
  return [
    '| entry point | bundle (bytes) | cold require (ms) |',
    '|---|---:|---:|',
    ...handlers.map(h => `| ${h.entry} | ${h.bytes.toLocaleString('en-US')} | ${fixed(h.coldRequireMs, 1)} |`),
  ];
}

/** bench/RESULTS.md: the machine, then one table per measurement, then the goals. */
export function renderResults(results: BenchResults): string {
  const cpu = cpus();
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${results.date.toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, `
      + `${fixed(totalmem() / 2 ** 30, 0)} GiB, Node.js ${process.version}, aws-cdk-lib ${results.cdkVersion}.`,
    '',
    '## Synthesis: the example audit stack against the same resources by hand',
    '',
    'Each run is a whole Node.js process (start, loading aws-cdk-lib and the library as npm installs it, construction, '
      + '`app.synth()` to a fresh directory); library and baseline (`bench/baseline.ts`) run alternately after a warm-up; '
      + 'medians of wall time and peak resident memory.',
    '',
    ...synthTable(results.synth),
    '',
    '## Validation scaling',
    '',
    'Median time of the complete selector check of a trail or event data store (management selector plus data '
      + 'selectors naming S3 objects by full ARN). Sets beyond CloudTrail\'s quotas (more than 250 data resources; '
      + 'more than 500 values with the selectors\' other conditions) get those problems, after every value is checked: '
      + '5000 values is ten times the quota.',
    '',
    ...validationTable(results.byValues, t => t.values, 'values in one selector'),
    '',
    ...validationTable(results.bySelectors, t => t.selectors, 'selectors (100 values each)'),
    '',
    '## Handlers',
    '',
    'Size of each bundled entry point, and the median time of its first `require` in a fresh Node.js process '
      + '(the AWS SDK clients it loads included).',
    '',
    ...handlerTable(results.handlers),
    '',
    '## Goals',
    '',
    ...goalChecks(results).map(c => `- ${mark(c.met)} ${c.goal}`),
    '',
  ].join('\n');
}
