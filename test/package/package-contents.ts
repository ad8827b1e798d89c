import * as fs from 'fs';
import * as path from 'path';

/**
 * What the npm package must hold, worked out from the sources and the build rather than listed by hand:
 * the handler bundles from the handler entry points (src/**\/*.lambda.ts, which projen bundles with esbuild
 * into assets/), and the compiled library from what lib/index.js loads.
 */

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Files every tarball holds besides lib/ and assets/ (npm adds package.json, README.md and LICENSE itself). */
export const PACKAGE_METADATA_FILES = ['package.json', 'README.md', 'RULES.md', 'GATES.md', 'LICENSE', 'API.md', '.jsii'];

/** Paths relative to `root`, with forward slashes, sorted. */
function relativeSorted(root: string, files: Iterable<string>): string[] {
  return [...files].map(file => path.relative(root, file).split(path.sep).join('/')).sort();
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** The Lambda handler entry points projen bundles: src/**\/*.lambda.ts. */
export function handlerEntryPoints(root = REPO_ROOT): string[] {
  return relativeSorted(root, walk(path.join(root, 'src')).filter(file => file.endsWith('.lambda.ts')));
}

/**
 * The bundle projen's esbuild task writes for each entry point:
 * src/operations/x.lambda.ts becomes assets/operations/x.lambda/index.js.
 */
export function handlerBundles(root = REPO_ROOT): string[] {
  return handlerEntryPoints(root)
    .map(entry => `assets/${entry.replace(/^src\//, '').replace(/\.ts$/, '')}/index.js`)
    .sort();
}

/** What a problem with the build outputs looks like. */
export interface PackageProblem {
  readonly file: string;
  readonly problem: string;
}

// require("./x") in the compiled JavaScript; import/export ... from './x' and import('./x') in declarations
const JS_IMPORT = /\brequire\(\s*["']([^"']+)["']\s*\)/g;
const DTS_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\(\s*)["']([^"']+)["']|<reference\s+path=["']([^"']+)["']/g;

/** The files a module reaches through relative imports, itself included; unresolved imports become problems. */
function traceImports(root: string, entry: string, pattern: RegExp, extension: string, problems: PackageProblem[]): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) {
      continue;
    }
    seen.add(file);
    if (!fs.existsSync(file)) {
      problems.push({ file: path.relative(root, file), problem: 'is missing (run `npx projen compile`)' });
      continue;
    }
    for (const match of fs.readFileSync(file, 'utf8').matchAll(pattern)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith('.')) {
        continue;
      }
      const base = path.resolve(path.dirname(file), specifier);
      const candidates = [base, `${base}${extension}`, path.join(base, `index${extension}`)];
      const target = candidates.find(candidate => candidate.endsWith(extension) && fs.existsSync(candidate) && fs.statSync(candidate).isFile());
      if (target) {
        queue.push(target);
      } else {
        problems.push({ file: path.relative(root, file), problem: `imports ${specifier}, which does not exist` });
      }
    }
  }
  return seen;
}

/** The compiled library a user loads, with the asset folders it points at. */
export interface LibraryFiles {
  /** lib/**\/*.js that lib/index.js loads, each with its .d.ts, and the .d.ts lib/index.d.ts refers to. */
  readonly lib: string[];
  /** The asset folders the loaded JavaScript reads (path.join(__dirname, '../../assets/...')). */
  readonly referencedAssets: string[];
  readonly problems: PackageProblem[];
}

// path.join(__dirname, '../../assets/operations/x.lambda') in the compiled constructs
const ASSET_REFERENCE = /["']((?:\.\.\/)+assets\/[^"']+)["']/g;

/** Follows lib/index.js and lib/index.d.ts through their relative imports. */
export function libraryFiles(root = REPO_ROOT): LibraryFiles {
  const problems: PackageProblem[] = [];
  const js = traceImports(root, 'lib/index.js', JS_IMPORT, '.js', problems);
  const declarations = traceImports(root, 'lib/index.d.ts', DTS_IMPORT, '.d.ts', problems);
  const lib = new Set<string>([...js, ...declarations]);
  for (const file of js) {
    const declaration = file.replace(/\.js$/, '.d.ts');
    if (!fs.existsSync(file)) {
      continue;
    } else if (fs.existsSync(declaration)) {
      lib.add(declaration);
    } else {
      problems.push({ file: path.relative(root, file), problem: 'has no .d.ts next to it (run `npx projen compile`)' });
    }
  }
  const assets = new Set<string>();
  for (const file of js) {
    if (!fs.existsSync(file)) {
      continue;
    }
    for (const match of fs.readFileSync(file, 'utf8').matchAll(ASSET_REFERENCE)) {
      assets.add(path.resolve(path.dirname(file), match[1]));
    }
  }
  return { lib: relativeSorted(root, lib), referencedAssets: relativeSorted(root, assets), problems };
}

/**
 * The build outputs `npm pack` needs, checked before packing: the jsii assembly, the compiled library
 * (everything lib/index.js loads) and a non-empty bundle for every handler entry point, each used by the
 * library and each folder the library uses bundled.
 */
export function buildProblems(root = REPO_ROOT): PackageProblem[] {
  const problems: PackageProblem[] = [];
  if (!fs.existsSync(path.join(root, '.jsii'))) {
    problems.push({ file: '.jsii', problem: 'is missing (run `npx projen compile`)' });
  }
  const bundles = handlerBundles(root);
  if (bundles.length === 0) {
    problems.push({ file: 'src/**/*.lambda.ts', problem: 'no handler entry point found' });
  }
  for (const bundle of bundles) {
    const full = path.join(root, bundle);
    if (!fs.existsSync(full) || fs.statSync(full).size === 0) {
      problems.push({ file: bundle, problem: 'handler bundle is missing or empty (run `npx projen bundle`, which `npx projen compile` runs first)' });
    }
  }
  const library = libraryFiles(root);
  problems.push(...library.problems);
  if (fs.existsSync(path.join(root, 'lib', 'index.js'))) {
    const bundleDirs = bundles.map(bundle => path.posix.dirname(bundle));
    for (const asset of library.referencedAssets) {
      if (!bundleDirs.includes(asset)) {
        problems.push({ file: asset, problem: 'is used by the library but no src/**/*.lambda.ts builds it' });
      }
    }
    for (const dir of bundleDirs) {
      if (!library.referencedAssets.includes(dir)) {
        problems.push({ file: dir, problem: 'is built from a handler entry point but nothing in lib/ uses it' });
      }
    }
  }
  return problems;
}

/** Prints problems to stderr, one a line. */
export function reportProblems(title: string, problems: PackageProblem[]): void {
  console.error(title);
  for (const { file, problem } of problems) {
    console.error(`  ${file}: ${problem}`);
  }
}
