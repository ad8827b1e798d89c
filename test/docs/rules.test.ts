import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { renderRulesMarkdown, RULES_MD } from './rules-md';
import { RULES } from '../../src/core/rule-registry';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(dir: string, skip: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap(name => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      return name === '__snapshots__' || name.endsWith('.snapshot') || name === 'consumer-app' ? [] : sourceFiles(file, skip);
    }
    return file.endsWith('.ts') && !skip(file) ? [file] : [];
  });
}

const quoted = (id: string) => new RegExp(`['\`\\[]${id}['\`\\]]`);

test('RULES.md is generated from the rule registry (npx projen docgen)', () => {
  expect(readFileSync(RULES_MD, 'utf8')).toBe(renderRulesMarkdown());
});

test('every rule in the registry is checked somewhere in src', () => {
  const registry = path.join(ROOT, 'src', 'core', 'rule-registry.ts');
  const src = sourceFiles(path.join(ROOT, 'src'), file => file === registry).map(file => readFileSync(file, 'utf8')).join('\n');
  expect(Object.keys(RULES).filter(id => !quoted(id).test(src))).toEqual([]);
});

test('every rule in the registry is asserted by its id in a test', () => {
  const tests = sourceFiles(path.join(ROOT, 'test'), file => file.startsWith(__dirname)).map(file => readFileSync(file, 'utf8')).join('\n');
  expect(Object.keys(RULES).filter(id => !new RegExp(`\\b${id}\\b`).test(tests))).toEqual([]);
});

test('ids are PascalCase and every entry names its source and fix', () => {
  for (const [id, entry] of Object.entries(RULES)) {
    expect(id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(entry.owners.length).toBeGreaterThan(0);
    expect(entry.source.length).toBeGreaterThan(0);
    expect(entry.fix).toMatch(/\.$/);
    expect(entry.rule).toMatch(/\.$/);
  }
});
