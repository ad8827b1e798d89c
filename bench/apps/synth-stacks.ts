import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

type AuditStackClass = new (scope: Construct, id: string, props: StackProps) => Stack;

/** What one synthesis process reports to the bench on stdout, as one JSON line. */
export interface SynthReport {
  readonly stacks: number;
  readonly resources: number;
  /** Peak resident set size of the whole process, in MiB. */
  readonly peakRssMiB: number;
}

/**
 * The body of one measured process: synthesize `argv[2]` copies of the audit stack into a fresh
 * directory, as `cdk synth` does, and report the peak memory of the process.
 */
export function synthesizeFromArgs(stackClass: AuditStackClass): void {
  const count = Number(process.argv[2]);
  const outdir = mkdtempSync(join(tmpdir(), 'cloudtrail-org-bench-'));
  try {
    const app = new App({ outdir });
    // One management account per stack, as for a team that runs the audit stack for many organizations:
    // CloudTrail's per-account quotas (5 trails, 10 event data stores) forbid 100 copies in one account.
    for (let i = 1; i <= count; i++) {
      new stackClass(app, `OrganizationAudit${i}`, { env: { account: String(100_000_000_000 + i), region: 'us-east-1' } });
    }
    const assembly = app.synth();
    const resources = assembly.stacks.reduce((sum, stack) => sum + Object.keys(stack.template.Resources ?? {}).length, 0);
    const report: SynthReport = {
      stacks: assembly.stacks.length,
      resources,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
    console.log(JSON.stringify(report));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
