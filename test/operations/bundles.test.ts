import * as fs from 'fs';
import * as path from 'path';
import { CloudTrailClient, RegisterOrganizationDelegatedAdminCommand } from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { captureLogs, cloudFormationEndpoint, lambdaContext, requestId, RESPONSE_URL } from './helpers';

// The function a stack deploys runs the esbuild bundle in assets/ (built by `npx projen bundle`, which `compile` and
// `test` run first), not the TypeScript sources the other tests import: this runs the shipped bundle itself.

const BUNDLE = path.join(__dirname, '..', '..', 'assets', 'operations', 'synchronous-operation.lambda', 'index.js');
const cloudTrail = mockClient(CloudTrailClient);
const organizations = mockClient(OrganizationsClient);
captureLogs();
const cloudFormation = cloudFormationEndpoint();

test('the synchronous-operation bundle registers a delegated administrator and answers CloudFormation', async () => {
  expect(fs.existsSync(BUNDLE)).toBe(true);
  // the runtime's AWS SDK is used, not a bundled copy
  expect(fs.readFileSync(BUNDLE, 'utf8')).toMatch(/require\("@aws-sdk\/client-cloudtrail"\)/);
  cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).resolves({});
  organizations.on(EnableAWSServiceAccessCommand).resolves({});
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(BUNDLE) as { handler: (event: object, context: object) => Promise<void> };
  const event = {
    RequestType: 'Create',
    ResponseURL: RESPONSE_URL,
    StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/Stack/1',
    RequestId: requestId(),
    LogicalResourceId: 'Admin',
    ResourceType: 'Custom::CloudTrailDelegatedAdmin',
    ResourceProperties: { ServiceToken: 'arn', Operation: 'OrganizationDelegatedAdmin', MemberAccountId: '222222222222' },
  };

  await handler(event, lambdaContext());

  expect(cloudFormation.responses().map(r => r.body)).toEqual([{
    Status: 'SUCCESS', PhysicalResourceId: '222222222222', StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: 'Admin',
  }]);
  expect(cloudTrail.commandCalls(RegisterOrganizationDelegatedAdminCommand)).toHaveLength(1);
});

test.each([
  ['operation-event', ['@aws-sdk/client-cloudtrail']],
  ['operation-complete', ['@aws-sdk/client-cloudtrail']],
  ['synchronous-operation', ['@aws-sdk/client-cloudtrail', '@aws-sdk/client-organizations', 'https', 'timers/promises']],
  ['scheduled-query', ['@aws-sdk/client-cloudtrail', '@aws-sdk/client-sns', 'timers/promises']],
])('the %s bundle loads only the modules it uses (each SDK client has a module of its own: esbuild keeps an external require)', (name, modules) => {
  const bundle = fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'operations', `${name}.lambda`, 'index.js'), 'utf8');
  expect([...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map(m => m[1]))].sort()).toEqual(modules);
});
