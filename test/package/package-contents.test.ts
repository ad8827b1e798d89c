import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildProblems, handlerBundles, handlerEntryPoints, libraryFiles, REPO_ROOT } from './package-contents';

const fixtures: string[] = [];
afterAll(() => fixtures.forEach(root => fs.rmSync(root, { recursive: true, force: true })));

/** A throwaway project tree with the given files. */
function fixture(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'package-contents-'));
  fixtures.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

const COMPLETE = {
  '.jsii': '{}',
  'src/ops/run.lambda.ts': 'export async function handler() {}',
  'src/index.ts': "export * from './ops/runner';",
  'assets/ops/run.lambda/index.js': 'exports.handler = async () => {};',
  'lib/index.js': 'Object.defineProperty(exports, "__esModule", { value: true });\n__exportStar(require("./ops/runner"), exports);',
  'lib/index.d.ts': "export * from './ops/runner';",
  'lib/ops/runner.js': 'const path = require("path");\nconst code = path.join(__dirname, \'../../assets/ops/run.lambda\');',
  'lib/ops/runner.d.ts': "import { Shared } from './shared';\nexport declare class Runner { shared: Shared }",
  'lib/ops/shared.d.ts': 'export interface Shared {}',
  'lib/ops/run.lambda.js': 'exports.handler = async () => {};',
  'lib/ops/run.lambda.d.ts': 'export declare function handler(): Promise<void>;',
};

describe('package contents', () => {
  test('each handler entry point has the bundle the projen bundle task writes', () => {
    const tasks = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.projen', 'tasks.json'), 'utf8')).tasks as Record<string, { steps?: Array<{ execArgs?: string[] }> }>;
    const outfiles = Object.entries(tasks)
      .filter(([name]) => /^bundle:.*\.lambda$/.test(name))
      .flatMap(([, task]) => task.steps ?? [])
      .flatMap(step => step.execArgs ?? [])
      .filter(arg => arg.startsWith('--outfile='))
      .map(arg => arg.slice('--outfile='.length));
    expect(handlerEntryPoints().length).toBeGreaterThan(0);
    expect(handlerBundles()).toEqual(outfiles.sort());
  });

  test('each handler bundle is used by a construct in src/, and each asset a construct uses is bundled', () => {
    const sources = fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter(file => file.endsWith('.ts'))
      .map(file => path.join(REPO_ROOT, 'src', file));
    const used = new Set<string>();
    for (const file of sources) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/'((?:\.\.\/)+assets\/[^']+)'/g)) {
        used.add(path.relative(REPO_ROOT, path.resolve(path.dirname(file), match[1])).split(path.sep).join('/'));
      }
    }
    expect([...used].sort()).toEqual(handlerBundles().map(bundle => path.posix.dirname(bundle)));
  });

  test('a complete build has no problem, and the library is what lib/index.js and lib/index.d.ts reach', () => {
    const root = fixture(COMPLETE);
    expect(buildProblems(root)).toEqual([]);
    expect(libraryFiles(root)).toEqual({
      lib: ['lib/index.d.ts', 'lib/index.js', 'lib/ops/runner.d.ts', 'lib/ops/runner.js', 'lib/ops/shared.d.ts'],
      referencedAssets: ['assets/ops/run.lambda'],
      problems: [],
    });
  });

  test('a missing bundle, .jsii or compiled library is a problem', () => {
    const { ['assets/ops/run.lambda/index.js']: _bundle, ['.jsii']: _jsii, ...rest } = COMPLETE;
    expect(buildProblems(fixture(rest)).map(p => p.file)).toEqual(['.jsii', 'assets/ops/run.lambda/index.js']);

    const noLib = Object.fromEntries(Object.entries(COMPLETE).filter(([file]) => !file.startsWith('lib/')));
    expect(buildProblems(fixture(noLib))).toEqual([
      { file: 'lib/index.js', problem: 'is missing (run `npx projen compile`)' },
      { file: 'lib/index.d.ts', problem: 'is missing (run `npx projen compile`)' },
    ]);
  });

  test('a bundle nothing uses, an asset nothing builds and a broken import are problems', () => {
    const root = fixture({
      ...COMPLETE,
      'lib/ops/runner.js': 'const code = path.join(__dirname, \'../../assets/ops/other.lambda\');\nrequire("./gone");',
    });
    expect(buildProblems(root)).toEqual([
      { file: 'lib/ops/runner.js', problem: 'imports ./gone, which does not exist' },
      { file: 'assets/ops/other.lambda', problem: 'is used by the library but no src/**/*.lambda.ts builds it' },
      { file: 'assets/ops/run.lambda', problem: 'is built from a handler entry point but nothing in lib/ uses it' },
    ]);
  });
});
