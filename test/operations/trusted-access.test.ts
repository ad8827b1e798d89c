import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { DescribeOrganizationCommand, EnableAWSServiceAccessCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { awsError, captureLogs, cloudFormationEndpoint, lambdaContext, requestId, RESPONSE_URL } from './helpers';
import { ResourceProperties } from '../../src/operations/handlers/request';
import { handler } from '../../src/operations/synchronous-operation.lambda';

// CloudTrailTrustedAccess's custom resource is served by the function of OrganizationDelegatedAdmin, which answers
// CloudFormation itself: these tests run that function and read what CloudFormation receives.

const cloudTrail = mockClient(CloudTrailClient);
const organizations = mockClient(OrganizationsClient);
const logs = captureLogs();
const cloudFormation = cloudFormationEndpoint();

const STACK_ID = 'arn:aws:cloudformation:us-east-1:111111111111:stack/Stack/11111111-2222-4333-8444-555555555555';
const PROPERTIES = { ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:sync', Operation: 'CloudTrailTrustedAccess' };
const LOG_STREAM = '(log stream 2026/06/01/[$LATEST]0123456789abcdef)';

beforeEach(() => {
  cloudTrail.reset();
  organizations.reset();
  organizations.on(EnableAWSServiceAccessCommand).resolves({});
});

function request(type: 'Create' | 'Update' | 'Delete', extra: { PhysicalResourceId?: string; OldResourceProperties?: ResourceProperties } = {}) {
  return {
    RequestType: type,
    ServiceToken: PROPERTIES.ServiceToken,
    ResponseURL: RESPONSE_URL,
    StackId: STACK_ID,
    RequestId: requestId(),
    LogicalResourceId: 'TrustedAccess1A2B3C4D',
    ResourceType: 'Custom::CloudTrailTrustedAccess',
    ResourceProperties: PROPERTIES,
    ...extra,
  };
}

async function answer(event: ReturnType<typeof request>): Promise<Record<string, any>> {
  await handler(event, lambdaContext());
  const responses = cloudFormation.responses();
  expect(responses).toHaveLength(1);
  return responses[0].body;
}

function organizationsCalls(): unknown[] {
  return organizations.calls().map((call) => ({ [call.args[0].constructor.name]: call.args[0].input }));
}

describe('create', () => {
  test('enables trusted access for CloudTrail, and nothing else', async () => {
    const response = await answer(request('Create'));

    expect(response).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'cloudtrail.amazonaws.com' }));
    expect(organizationsCalls()).toEqual([{ EnableAWSServiceAccessCommand: { ServicePrincipal: 'cloudtrail.amazonaws.com' } }]);
    expect(cloudTrail.calls()).toHaveLength(0);
    expect(logs.lines().map((line) => line.message)).toContain('Trusted access for CloudTrail is enabled in the organization');
  });

  test('is idempotent: the same request twice (Lambda retries it) succeeds twice with the same physical id', async () => {
    const first = await answer(request('Create'));
    cloudFormation.clear();
    const second = await answer(request('Create'));

    expect([first.Status, second.Status]).toEqual(['SUCCESS', 'SUCCESS']);
    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    expect(organizations.commandCalls(EnableAWSServiceAccessCommand)).toHaveLength(2);
  });

  test('deployed from a member account, says to deploy from the management account', async () => {
    organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.'));
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abcdefghij', MasterAccountId: '999999999999' } });

    const response = await answer(request('Create'));

    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toBe('CloudTrailTrustedAccess on the organization: this stack runs in account 111111111111, a member of '
      + 'organization o-abcdefghij; only its management account (999999999999) may enable trusted access and register CloudTrail\'s delegated '
      + `administrators. Deploy this stack from the management account (999999999999). ${LOG_STREAM}`);
  });

  test('a denial in the management account names the action', async () => {
    organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AccessDeniedException', 'User: arn:aws:sts::111111111111:assumed-role/h/x '
      + 'is not authorized to perform: organizations:EnableAWSServiceAccess with an explicit deny in a service control policy'));
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abcdefghij', MasterAccountId: '111111111111' } });

    expect((await answer(request('Create'))).Reason).toMatch(new RegExp('^CloudTrailTrustedAccess on the organization: access denied: '
      + 'the handler\'s role may not call organizations:EnableAWSServiceAccess\\. AWS said: .* The construct grants the role what it needs'));
  });

  test('a failed create answers a physical id that names nothing', async () => {
    organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AWSOrganizationsNotInUseException'));

    const response = await answer(request('Create'));
    expect(response.Status).toBe('FAILED');
    expect(response.PhysicalResourceId).not.toBe('cloudtrail.amazonaws.com');
  });
});

describe('update', () => {
  test('enables trusted access again and keeps the physical id', async () => {
    const response = await answer(request('Update', { PhysicalResourceId: 'cloudtrail.amazonaws.com', OldResourceProperties: { ...PROPERTIES, ServiceToken: 'old' } }));

    expect(response).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'cloudtrail.amazonaws.com' }));
    expect(organizationsCalls()).toEqual([{ EnableAWSServiceAccessCommand: { ServicePrincipal: 'cloudtrail.amazonaws.com' } }]);
  });
});

describe('delete', () => {
  // Disabling trusted access makes every organization trail (Control Tower's too) stop logging the member accounts
  test('never disables trusted access: no call at all', async () => {
    const response = await answer(request('Delete', { PhysicalResourceId: 'cloudtrail.amazonaws.com' }));

    expect(response).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'cloudtrail.amazonaws.com' }));
    expect(organizations.calls()).toHaveLength(0);
    expect(cloudTrail.calls()).toHaveLength(0);
    expect(logs.lines().map((line) => line.message)).toContain(
      'Trusted access between CloudTrail and AWS Organizations stays enabled: organization trails and event data stores need it');
  });

  test('the resource of a failed create needs no call either', async () => {
    const response = await answer(request('Delete', { PhysicalResourceId: 'cdk-cloudtrail-org::CREATE_FAILED' }));

    expect(response).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'cdk-cloudtrail-org::CREATE_FAILED' }));
    expect(organizations.calls()).toHaveLength(0);
  });
});
