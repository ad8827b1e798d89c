import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, IPolicyValidationPlugin, IPolicyValidationPluginBeta1, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import * as nagV2 from 'cdk-nag-v2';
import { controlTowerGate, GATES } from './policy-gates';
import { AcceptedFindingsPlugin } from '../../src';
import { CONSTRUCT_FIXTURES, ConstructFixture, FIXTURE_ENV } from '../fixtures/constructs';

// Gate neutrality: adding any construct of the library, default or fully featured, never changes what a user's own
// policy gates report or decide for the user's resources, however the gates are registered.

jest.setTimeout(120_000);

/** The user's own resources are the ones whose id starts with `User`; everything else in these apps is the library's. */
const USER_PATH = /^[^/]+\/User/;

/** How an app registers its gates: the two plugin registrations aws-cdk-lib offers. */
type Registration = 'Validations.addPlugins' | 'App policyValidationBeta1';

interface UserResources {
  /** A default `s3.Bucket`: Control Tower and every cdk-nag pack fail it. */
  readonly failing: boolean;
}

interface Outcome {
  /** Whether synthesis failed on the gates' findings. */
  readonly failed: boolean;
  /** Per gate: did it conclude success, and its findings on the user's resources (`rule path severity`). */
  readonly gates: Record<string, { readonly success: boolean; readonly userFindings: string[]; readonly otherFindings: string[] }>;
}

function gates(acceptLibraryFindings: boolean): IPolicyValidationPlugin[] {
  const controlTower = controlTowerGate();
  return [
    acceptLibraryFindings ? new AcceptedFindingsPlugin(controlTower) : controlTower,
    new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks(),
  ];
}

function addUserResources(stack: Stack, user: UserResources): void {
  if (user.failing) {
    new s3.Bucket(stack, 'UserBucket');
  }
  // Only warnings in AwsSolutions (no point-in-time recovery): a pack whose report holds nothing but warnings still fails
  new dynamodb.CfnTable(stack, 'UserTable', {
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
    billingMode: 'PAY_PER_REQUEST',
    sseSpecification: { sseEnabled: true },
  });
}

/** One stack of a test app: the user's resources, and what the library builds beside them (nothing in a baseline). */
interface StackLayout {
  readonly stack: string;
  readonly build?: (scope: Stack) => void;
}

/** A construct's default and full forms, each in a stack of its own; without a fixture, the same stacks hold the user's only. */
function layoutOf(fixture: ConstructFixture | undefined, prefix = ''): StackLayout[] {
  return [{ stack: `${prefix}Default`, build: fixture?.default }, { stack: `${prefix}Full`, build: fixture?.full }];
}

/** Every construct's forms in one app, each in a stack of its own (no quota is exceeded in the one account and Region). */
function everyConstruct(withLibrary: boolean): StackLayout[] {
  return CONSTRUCT_FIXTURES.flatMap(f => layoutOf(withLibrary ? f : undefined, f.construct));
}

/**
 * Synthesizes an app whose stacks each hold the user's resources and what the layout builds beside them, under the
 * gates, and reads back what each gate concluded.
 */
function synthesize(layout: StackLayout[], user: UserResources, registration: Registration, acceptLibraryFindings = false): Outcome {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-neutrality-'));
  try {
    const plugins = gates(acceptLibraryFindings);
    // The deprecated registration types its plugins as IPolicyValidationPluginBeta1, whose reports must name a logical ID
    // for each resource; cdk-nag's reports name construct paths instead, and aws-cdk-lib takes either at run time.
    const beta1 = registration === 'App policyValidationBeta1' ? { policyValidationBeta1: plugins as IPolicyValidationPluginBeta1[] } : {};
    const app = new App({ outdir, ...beta1 });
    if (registration === 'Validations.addPlugins') {
      Validations.of(app).addPlugins(...plugins);
    }
    for (const { stack: id, build } of layout) {
      const stack = new Stack(app, id, { env: FIXTURE_ENV });
      addUserResources(stack, user);
      build?.(stack);
    }
    let failed = false;
    try {
      app.synth();
    } catch (e) {
      if (!/Validation ?failed/i.test(String(e))) {
        throw e;
      }
      failed = true;
    }
    return { failed, gates: readReport(outdir) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

interface Report {
  readonly pluginReports: Array<{
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: Array<{
      readonly ruleName: string;
      readonly severity: string;
      readonly violatingConstructs: Array<{ readonly constructPath: string }>;
    }>;
  }>;
}

function readReport(outdir: string): Outcome['gates'] {
  const file = path.join(outdir, 'validation-report.json');
  const report: Report = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf-8')) : { pluginReports: [] };
  const result: Record<string, { success: boolean; userFindings: string[]; otherFindings: string[] }> = {};
  for (const name of [GATES.controlTower, GATES.awsSolutions, GATES.nist80053r5, GATES.hipaaSecurity, GATES.pciDss321]) {
    const plugin = report.pluginReports.find(p => p.pluginName === name);
    const findings = (plugin?.violations ?? []).flatMap(v => v.violatingConstructs.map(c => ({ text: `${v.ruleName} ${c.constructPath} ${v.severity}`, path: c.constructPath })));
    result[name] = {
      success: !plugin || plugin.conclusion === 'success',
      userFindings: findings.filter(f => USER_PATH.test(f.path)).map(f => f.text).sort(),
      otherFindings: findings.filter(f => !USER_PATH.test(f.path) && !f.text.endsWith(' info')).map(f => f.text).sort(),
    };
  }
  return result;
}

function userView(outcome: Outcome): Record<string, string[]> {
  return Object.fromEntries(Object.entries(outcome.gates).map(([gate, g]) => [gate, g.userFindings]));
}

describe('gates registered with Validations.addPlugins', () => {
  let baseline: Outcome;
  beforeAll(() => {
    baseline = synthesize(layoutOf(undefined), { failing: true }, 'Validations.addPlugins');
  });

  test('the user\'s resources alone fail synthesis in every gate', () => {
    expect(baseline.failed).toBe(true);
    expect(Object.entries(baseline.gates).filter(([, g]) => g.success || g.userFindings.length === 0).map(([gate]) => gate)).toEqual([]);
  });

  test.each(CONSTRUCT_FIXTURES.map(f => [f.construct, f] as const))('%s changes nothing the gates report or decide for the user', (_, fixture) => {
    const withLibrary = synthesize(layoutOf(fixture), { failing: true }, 'Validations.addPlugins');
    expect(withLibrary.failed).toBe(true);
    expect(userView(withLibrary)).toEqual(userView(baseline));
    for (const gate of Object.values(withLibrary.gates)) {
      expect(gate.success).toBe(false);
    }
  });
});

describe('gates registered with App policyValidationBeta1, every construct in one app', () => {
  test('change nothing the gates report or decide for the user', () => {
    const baseline = synthesize(everyConstruct(false), { failing: true }, 'App policyValidationBeta1');
    const withLibrary = synthesize(everyConstruct(true), { failing: true }, 'App policyValidationBeta1');
    expect(baseline.failed).toBe(true);
    expect(withLibrary.failed).toBe(true);
    expect(userView(withLibrary)).toEqual(userView(baseline));
    expect(Object.values(baseline.gates).every(g => !g.success && g.userFindings.length > 0)).toBe(true);
    expect(Object.values(withLibrary.gates).every(g => !g.success)).toBe(true);
  });
});

describe('the opt-in AcceptedFindingsPlugin around Control Tower, beside a user table AwsSolutions only warns about', () => {
  let baseline: Outcome;
  beforeAll(() => {
    baseline = synthesize(layoutOf(undefined), { failing: false }, 'Validations.addPlugins', true);
  });

  test('the table alone fails Control Tower, and AwsSolutions on warnings only', () => {
    expect(baseline.failed).toBe(true);
    expect(baseline.gates[GATES.controlTower].success).toBe(false);
    const awsSolutions = baseline.gates[GATES.awsSolutions];
    expect(awsSolutions.success).toBe(false);
    expect(awsSolutions.userFindings.length).toBeGreaterThan(0);
    expect(awsSolutions.userFindings.every(f => f.endsWith(' warning'))).toBe(true);
  });

  test.each(CONSTRUCT_FIXTURES.map(f => [f.construct, f] as const))('%s leaves nothing of its own to fail a gate, and the user\'s findings failing', (_, fixture) => {
    const optedIn = synthesize(layoutOf(fixture), { failing: false }, 'Validations.addPlugins', true);
    expect(optedIn.failed).toBe(true);
    expect(userView(optedIn)).toEqual(userView(baseline));
    // a pack whose report holds only the user's warnings still fails, and so does Control Tower on the user's table
    expect(optedIn.gates[GATES.awsSolutions].success).toBe(false);
    expect(optedIn.gates[GATES.controlTower].success).toBe(false);
    for (const gate of Object.values(optedIn.gates)) {
      expect(gate.otherFindings).toEqual([]);
    }
  });
});

describe('cdk-nag 2 packs registered as Aspects', () => {
  function annotations(fixture: ConstructFixture | undefined): { errors: string[]; userMessages: string[] } {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'gate-neutrality-')) });
    try {
      const packs = [new nagV2.AwsSolutionsChecks(), new nagV2.NIST80053R5Checks(), new nagV2.HIPAASecurityChecks(), new nagV2.PCIDSS321Checks()];
      for (const pack of packs) {
        Aspects.of(app).add(pack);
      }
      const stack = new Stack(app, 'Default', { env: FIXTURE_ENV });
      addUserResources(stack, { failing: true });
      fixture?.default(stack);
      const messages = app.synth().stacks.flatMap(s => s.messages)
        .filter(m => m.level === 'error' || m.level === 'warning')
        .map(m => ({ path: m.id.slice(1), text: `${m.level} ${String(m.entry.data).split(':')[0]}` }));
      return {
        errors: messages.filter(m => m.text.startsWith('error')).map(m => m.path),
        userMessages: messages.filter(m => USER_PATH.test(m.path)).map(m => `${m.path} ${m.text}`).sort(),
      };
    } finally {
      fs.rmSync(app.outdir, { recursive: true, force: true });
    }
  }

  let alone: { errors: string[]; userMessages: string[] };
  beforeAll(() => {
    alone = annotations(undefined);
  });

  test.each(CONSTRUCT_FIXTURES.map(f => [f.construct, f] as const))('report the same on the user\'s resources beside %s', (_, fixture) => {
    expect(alone.errors.length).toBeGreaterThan(0);
    expect(annotations(fixture).userMessages).toEqual(alone.userMessages);
  });
});

describe('the reproduction: an app with Control Tower and one plain bucket', () => {
  test('fails synthesis with and without a default OrganizationTrail', () => {
    const plain = synthesize(layoutOf(undefined), { failing: true }, 'Validations.addPlugins');
    const withTrail = synthesize(layoutOf(CONSTRUCT_FIXTURES.find(f => f.construct === 'OrganizationTrail')), { failing: true }, 'Validations.addPlugins');
    expect(plain.failed).toBe(true);
    expect(withTrail.failed).toBe(true);
    expect(withTrail.gates[GATES.controlTower].success).toBe(false);
    expect(withTrail.gates[GATES.controlTower].userFindings).toEqual(plain.gates[GATES.controlTower].userFindings);
    expect(plain.gates[GATES.controlTower].userFindings.filter(f => f.includes('/UserBucket/')).length).toBeGreaterThanOrEqual(9);
  });
});
