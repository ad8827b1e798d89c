/**
 * Checks an integration app's committed snapshot (`test/<app>.snapshot/`) with jest, because no
 * @aws-cdk/integ-runner on the registry reads the cloud assembly schema this aws-cdk-lib writes
 * (integ-runner 2.197.10 reads 53 at most).
 *
 * `UPDATE_INTEG_SNAPSHOTS=1` rewrites the snapshot from the app instead of checking it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';

/** An integration app whose snapshot a test checks. */
export interface IntegSnapshotOptions {
  /** The app's file name in test/, such as `integ.organization-trail.ts`; its snapshot is `test/<name>.snapshot/`. */
  readonly name: string;
  /**
   * Adds the integration test to the app. Use fixed settings, not the environment's: the snapshot must not
   * depend on who runs the test.
   */
  readonly build: (app: App) => void;
  /**
   * The context the app is synthesized with, the same as when it is deployed.
   *
   * @default - none
   */
  readonly context?: Record<string, unknown>;
}

// Every assertion custom resource carries Date.now() in `salt`, so that it runs again on every deployment.
const SALT_PLACEHOLDER = 'SALT';

/** The template with what changes on every synthesis replaced by placeholders. */
export function normalizeTemplate(template: any): any {
  for (const resource of Object.values<any>(template.Resources ?? {})) {
    if (typeof resource.Type === 'string' && resource.Type.startsWith('Custom::DeployAssert') && resource.Properties?.salt !== undefined) {
      resource.Properties.salt = SALT_PLACEHOLDER;
    }
  }
  return template;
}

/**
 * Registers the tests of an integration app's snapshot: the snapshot holds the files the app synthesizes
 * (each stack's template, normalized, and the integ manifest), each committed file matches, and the app
 * synthesizes without warnings or errors.
 */
export function describeIntegSnapshot(options: IntegSnapshotOptions): void {
  const { name, build, context } = options;
  const snapshotDir = path.join(__dirname, `${name}.snapshot`);
  const update = process.env.UPDATE_INTEG_SNAPSHOTS === '1';
  const testFile = `test/${name.replace(/\.ts$/, '')}.test.ts`;
  const hint = `The integration app test/${name} no longer synthesizes to its committed snapshot.\n`
    + 'If the change is intended, update the snapshot and commit it with the change:\n'
    + `  UPDATE_INTEG_SNAPSHOTS=1 npx jest ${testFile} --coverage=false`;

  /** Runs an expectation, prefixing its failure with how to update the snapshot. */
  const withHint = (expectation: () => void): void => {
    try {
      expectation();
    } catch (e) {
      if (e instanceof Error) {
        e.message = `${hint}\n\n${e.message}`;
      }
      throw e;
    }
  };

  const committedFileNames = (): string[] =>
    fs.existsSync(snapshotDir) ? fs.readdirSync(snapshotDir).filter(file => file.endsWith('.json')).sort() : [];

  describe(`integration app snapshot (test/${name})`, () => {
    let outdir: string;
    let synthesized: Map<string, unknown>;
    let assembly: CloudAssembly;

    beforeAll(() => {
      outdir = fs.mkdtempSync(path.join(os.tmpdir(), `${name.replace(/\.ts$/, '').replace(/[^A-Za-z0-9-]/g, '-')}-`));
      ({ files: synthesized, assembly } = synthesizeSnapshot(outdir, build, context));
      if (update) {
        fs.mkdirSync(snapshotDir, { recursive: true });
        for (const file of committedFileNames()) {
          if (!synthesized.has(file)) {
            fs.rmSync(path.join(snapshotDir, file));
          }
        }
        for (const [file, content] of synthesized) {
          fs.writeFileSync(path.join(snapshotDir, file), `${JSON.stringify(content, undefined, 1)}\n`);
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
    for (const file of committedFileNames()) {
      test(`${file} matches the synthesized app`, () => {
        const filePath = path.join(snapshotDir, file);
        if (update && !fs.existsSync(filePath)) {
          return; // removed by the update: the app no longer synthesizes it
        }
        const committed = JSON.parse(fs.readFileSync(filePath, 'utf-8'));
        withHint(() => expect(synthesized.get(file)).toEqual(committed));
      });
    }

    test('the app synthesizes without warnings or errors', () => {
      const messages = assembly.stacks.flatMap(stack => stack.messages.map(m => `${stack.id} ${m.id}: ${m.level}: ${m.entry.data}`));
      expect(messages).toEqual([]);
    });
  });
}

/** The snapshot's files (the stack templates and the integ manifest) as synthesized now, by file name. */
function synthesizeSnapshot(
  outdir: string, build: (app: App) => void, context: Record<string, unknown> | undefined,
): { files: Map<string, unknown>; assembly: CloudAssembly } {
  const app = new App({ outdir, context });
  build(app);
  const assembly = app.synth();
  const files = new Map<string, unknown>();
  for (const stack of assembly.stacks) {
    files.set(path.basename(stack.templateFile), normalizeTemplate(JSON.parse(fs.readFileSync(stack.templateFullPath, 'utf-8'))));
  }
  files.set('integ.json', JSON.parse(fs.readFileSync(path.join(assembly.directory, 'integ.json'), 'utf-8')));
  return { files, assembly };
}
