/**
 * Synthesizes the default and the fully-featured form of every public construct (test/fixtures/constructs.ts),
 * each into a stack of its own (`<Construct>Default`, `<Construct>Full`), into the directory given as the only
 * argument, for cfn-lint (test/lint/cfn-lint.sh). Needs the handler bundles (`npx projen bundle`).
 *
 *   npx ts-node --prefer-ts-exts test/lint/synth-fixtures.ts .cfn-lint/fixtures
 */
import * as fs from 'fs';
import { App, Stack } from 'aws-cdk-lib';
import { CONSTRUCT_FIXTURES, FIXTURE_ENV } from '../fixtures/constructs';

const outdir = process.argv[2];
if (!outdir || process.argv.length > 3) {
  console.error('usage: ts-node --prefer-ts-exts test/lint/synth-fixtures.ts <outdir>');
  process.exit(2);
}
// a fresh assembly: no template of a fixture that no longer exists is linted
fs.rmSync(outdir, { recursive: true, force: true });

const app = new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
for (const fixture of CONSTRUCT_FIXTURES) {
  fixture.default(new Stack(app, `${fixture.construct}Default`, { env: FIXTURE_ENV }));
  fixture.full(new Stack(app, `${fixture.construct}Full`, { env: FIXTURE_ENV }));
}
const assembly = app.synth();
for (const stack of assembly.stacks) {
  console.log(`${stack.templateFullPath}: ${Object.keys(stack.template.Resources ?? {}).length} resources`);
}
