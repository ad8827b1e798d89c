import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import {
  buildOrganizationTrailInteg, INTEG_APP_CONTEXT, optionsFromEnvironment, SNAPSHOT_OPTIONS,
} from './integ.organization-trail';

// The snapshot of test/integ.organization-trail.ts, checked here because no @aws-cdk/integ-runner on the
// registry reads the cloud assembly schema this aws-cdk-lib writes (integ-runner 2.197.10 reads 53 at most).
const SNAPSHOT_DIR = path.join(__dirname, 'integ.organization-trail.ts.snapshot');
const UPDATE = process.env.UPDATE_INTEG_SNAPSHOTS === '1';
const UPDATE_HINT = 'The integration app test/integ.organization-trail.ts no longer synthesizes to its committed snapshot.\n'
  + 'If the change is intended, update the snapshot and commit it with the change:\n'
  + '  UPDATE_INTEG_SNAPSHOTS=1 npx jest test/integ.organization-trail.test.ts --coverage=false';
// Every assertion custom resource carries Date.now() in `salt`, so that it runs again on every deployment.
const SALT_PLACEHOLDER = 'SALT';

/** The template with what changes on every synthesis replaced by placeholders. */
function normalizeTemplate(template: any): any {
  for (const resource of Object.values<any>(template.Resources ?? {})) {
    if (typeof resource.Type === 'string' && resource.Type.startsWith('Custom::DeployAssert') && resource.Properties?.salt !== undefined) {
      resource.Properties.salt = SALT_PLACEHOLDER;
    }
  }
  return template;
}

/** The snapshot's files (the stack templates and the integ manifest) as synthesized now, by file name. */
function synthesizeSnapshot(outdir: string): { files: Map<string, unknown>; assembly: CloudAssembly } {
  const app = new App({ outdir, context: INTEG_APP_CONTEXT });
  // Fixed settings, not the environment's: the snapshot must not depend on who runs the test.
  buildOrganizationTrailInteg(app, SNAPSHOT_OPTIONS);
  const assembly = app.synth();
  const files = new Map<string, unknown>();
  for (const stack of assembly.stacks) {
    files.set(path.basename(stack.templateFile), normalizeTemplate(JSON.parse(fs.readFileSync(stack.templateFullPath, 'utf-8'))));
  }
  files.set('integ.json', JSON.parse(fs.readFileSync(path.join(assembly.directory, 'integ.json'), 'utf-8')));
  return { files, assembly };
}

function committedFileNames(): string[] {
  return fs.existsSync(SNAPSHOT_DIR) ? fs.readdirSync(SNAPSHOT_DIR).filter(name => name.endsWith('.json')).sort() : [];
}

describe('integration app snapshot (test/integ.organization-trail.ts)', () => {
  let outdir: string;
  let synthesized: Map<string, unknown>;
  let assembly: CloudAssembly;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-organization-trail-'));
    ({ files: synthesized, assembly } = synthesizeSnapshot(outdir));
    if (UPDATE) {
      fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
      for (const name of committedFileNames()) {
        if (!synthesized.has(name)) {
          fs.rmSync(path.join(SNAPSHOT_DIR, name));
        }
      }
      for (const [name, content] of synthesized) {
        fs.writeFileSync(path.join(SNAPSHOT_DIR, name), `${JSON.stringify(content, undefined, 1)}\n`);
      }
    }
  }, 120_000);

  afterAll(() => {
    if (outdir) {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('the snapshot holds the same files as the app synthesizes', () => {
    withHint(() => expect(committedFileNames()).toEqual([...synthesized.keys()].sort()));
  });

  // One test per committed file (listed when the tests are collected, before an update rewrites them).
  for (const name of committedFileNames()) {
    test(`${name} matches the synthesized app`, () => {
      const file = path.join(SNAPSHOT_DIR, name);
      if (UPDATE && !fs.existsSync(file)) {
        return; // removed by the update: the app no longer synthesizes it
      }
      const committed = JSON.parse(fs.readFileSync(file, 'utf-8'));
      withHint(() => expect(synthesized.get(name)).toEqual(committed));
    });
  }

  test('the app synthesizes without warnings or errors', () => {
    const messages = assembly.stacks.flatMap(stack => stack.messages.map(m => `${stack.id} ${m.id}: ${m.level}: ${m.entry.data}`));
    expect(messages).toEqual([]);
  });
});

describe('integration app settings', () => {
  test('fall back to the snapshot settings', () => {
    expect(optionsFromEnvironment({})).toEqual(SNAPSHOT_OPTIONS);
  });

  test('prefer the integ-runner environment to the CDK CLI environment', () => {
    expect(optionsFromEnvironment({
      CDK_INTEG_ACCOUNT: '222222222222',
      CDK_INTEG_REGION: 'eu-west-1',
      CDK_DEFAULT_ACCOUNT: '333333333333',
      CDK_DEFAULT_REGION: 'eu-central-1',
      ORG_ID: 'o-zyxwvutsrq',
    })).toEqual({ env: { account: '222222222222', region: 'eu-west-1' }, orgId: 'o-zyxwvutsrq' });
    expect(optionsFromEnvironment({ CDK_DEFAULT_ACCOUNT: '333333333333', CDK_DEFAULT_REGION: 'eu-central-1' }))
      .toEqual({ env: { account: '333333333333', region: 'eu-central-1' }, orgId: SNAPSHOT_OPTIONS.orgId });
  });
});

/** Runs an expectation, prefixing its failure with how to update the snapshot. */
function withHint(expectation: () => void): void {
  try {
    expectation();
  } catch (e) {
    if (e instanceof Error) {
      e.message = `${UPDATE_HINT}\n\n${e.message}`;
    }
    throw e;
  }
}
