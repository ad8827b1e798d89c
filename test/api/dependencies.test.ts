import * as fs from 'fs';
import * as path from 'path';

// The layout of DESIGN.md: feature folders depend on the shared folders, never on each other, and no module of the
// library imports itself back, type-only imports included.

const SRC = path.join(__dirname, '..', '..', 'src');
const FEATURES = ['trail', 'lake', 'organization', 'cloudwatch'];
/** Shared folders: the rules, the selectors, policies and keys, and the custom-resource runtime the operations run on. */
const SHARED = ['core', 'selectors', 'policy', 'kms', 'operations'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The library modules a file imports or re-exports, as paths relative to src/ (type-only imports included). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf-8');
  const targets: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)';/gms)) {
    const base = path.resolve(path.dirname(file), match[1]);
    const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find(candidate => fs.existsSync(candidate));
    if (!resolved) {
      throw new Error(`${file}: cannot resolve ${match[1]}`);
    }
    targets.push(path.relative(SRC, resolved));
  }
  return targets;
}

const graph = new Map(sourceFiles(SRC).map(file => [path.relative(SRC, file), importsOf(file)]));
const folderOf = (module: string) => module.split(path.sep)[0];

function cycles(): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (module: string, trail: string[]) => {
    state.set(module, 'open');
    for (const target of graph.get(module) ?? []) {
      if (state.get(target) === 'open') {
        found.push([...trail.slice(trail.indexOf(target)), target].join(' -> '));
      } else if (!state.has(target)) {
        visit(target, [...trail, target]);
      }
    }
    state.set(module, 'done');
  };
  for (const module of graph.keys()) {
    if (!state.has(module)) {
      visit(module, [module]);
    }
  }
  return found;
}

test('the dependency graph is read from every module', () => {
  expect(graph.size).toBeGreaterThan(50);
  expect(graph.get(path.join('trail', 'organization-trail.ts'))).toContain(path.join('policy', 'resource-policy.ts'));
});

test('no module imports itself back, type-only imports included', () => {
  expect(cycles()).toEqual([]);
});

test('feature folders never import a sibling feature, and shared folders import no feature', () => {
  const crossings = [...graph].filter(([module]) => module !== 'index.ts').flatMap(([module, targets]) => targets
    .filter(target => FEATURES.includes(folderOf(target)) && folderOf(target) !== folderOf(module))
    .map(target => `${module} -> ${target}`));
  expect(crossings).toEqual([]);
  expect([...graph.keys()].map(folderOf).filter(folder => !['index.ts', ...FEATURES, ...SHARED].includes(folder))).toEqual([]);
});
