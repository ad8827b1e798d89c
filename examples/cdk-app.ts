import { App } from 'aws-cdk-lib';
import { buildOrganizationAuditApp } from './organization-audit';

// The app `npx cdk synth` runs (cdk.json): the example without the summary, for the CDK CLI.
const app = new App();
buildOrganizationAuditApp(app);
app.synth();
