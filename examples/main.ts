import { App } from 'aws-cdk-lib';
import { buildOrganizationAuditApp } from './organization-audit';
import { summarize } from './summary';

// The README's main job: synthesize the example app into cdk.out/ and print what it made.
const app = new App({
  outdir: 'cdk.out',
  context: { '@aws-cdk/core:validateAgainstDefaultRules': true },
});
buildOrganizationAuditApp(app);
console.log(summarize(app.synth()));
