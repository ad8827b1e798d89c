import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildControlTowerApp } from '../control-tower';
import { buildLogArchiveApp } from '../log-archive';

// The Log Archive and Control Tower example apps in TypeScript, each synthesized into a folder of the one given, as the
// Python and Java examples synthesize theirs (test-languages.sh compares them), with the main example app's settings.
//
//   ts-node examples/languages/synth-other-examples.ts <folder>

const APPS: Array<[string, (app: App) => unknown]> = [['log-archive', buildLogArchiveApp], ['control-tower', buildControlTowerApp]];

const [folder] = process.argv.slice(2);
if (!folder) {
  console.error('usage: synth-other-examples.ts <folder>');
  process.exit(2);
}
for (const [name, build] of APPS) {
  const app = new App({ outdir: path.join(folder, name), context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
  build(app);
  const assembly = app.synth();
  console.log(`Synthesized ${assembly.stacks.length} stack(s) into ${assembly.directory}`);
}
