import { CloudTrailClient, DeregisterOrganizationDelegatedAdminCommand, RegisterOrganizationDelegatedAdminCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeOrganizationCommand, EnableAWSServiceAccessCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { awsError, captureLogs, cloudFormationEndpoint, lambdaContext, MAX_RESPONSE_BYTES, requestId, RESPONSE_URL } from './helpers';
import { ResourceProperties } from '../../src/operations/handlers/request';
import { handler } from '../../src/operations/synchronous-operation.lambda';

// OrganizationDelegatedAdmin's custom resource is served by one function that answers CloudFormation itself (a PUT
// to the request's presigned ResponseURL): these tests run that function and read what CloudFormation receives.

const cloudTrail = mockClient(CloudTrailClient);
const organizations = mockClient(OrganizationsClient);
const logs = captureLogs();
const cloudFormation = cloudFormationEndpoint();

const MEMBER = '222222222222';
const STACK_ID = 'arn:aws:cloudformation:us-east-1:111111111111:stack/Stack/11111111-2222-4333-8444-555555555555';
const PROPERTIES = { ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:sync', Operation: 'OrganizationDelegatedAdmin', MemberAccountId: MEMBER };

beforeEach(() => {
  cloudTrail.reset();
  organizations.reset();
  cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).resolves({});
  cloudTrail.on(DeregisterOrganizationDelegatedAdminCommand).resolves({});
  organizations.on(EnableAWSServiceAccessCommand).resolves({});
});

type RequestType = 'Create' | 'Update' | 'Delete';

type Extra = { PhysicalResourceId?: string; OldResourceProperties?: ResourceProperties };

/** A request as CloudFormation sends it to the function. */
function request(type: RequestType, properties: ResourceProperties, extra: Extra = {}) {
  return {
    RequestType: type,
    ServiceToken: PROPERTIES.ServiceToken,
    ResponseURL: RESPONSE_URL,
    StackId: STACK_ID,
    RequestId: requestId(),
    LogicalResourceId: 'AdminC75D2A91',
    ResourceType: 'Custom::CloudTrailDelegatedAdmin',
    ResourceProperties: properties,
    ...extra,
  };
}

/** Runs the function on the request; what CloudFormation received. */
async function answer(event: ReturnType<typeof request>, context = lambdaContext()): Promise<Record<string, any>> {
  await handler(event, context);
  const responses = cloudFormation.responses();
  expect(responses).toHaveLength(1);
  return responses[0].body;
}

/** The calls to both services, in order. */
function calls(): unknown[] {
  return [...organizations.calls(), ...cloudTrail.calls()]
    .sort((a, b) => (a.calledBefore(b) ? -1 : 1))
    .map((call) => ({ [call.args[0].constructor.name]: call.args[0].input }));
}

describe('answering CloudFormation', () => {
  test('PUTs the response to the presigned URL, with an empty content type, and echoes the request\'s ids', async () => {
    const event = request('Create', PROPERTIES);
    await handler(event, lambdaContext());

    const [response] = cloudFormation.responses();
    expect(response.path).toBe('PUT /arn%3Aaws%3Acloudformation/response?X-Amz-Signature=secret');
    // the URL is presigned for an empty content type
    expect(response.headers['content-type']).toBe('');
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.raw)));
    expect(response.body).toEqual({
      Status: 'SUCCESS', PhysicalResourceId: MEMBER, StackId: STACK_ID, RequestId: event.RequestId, LogicalResourceId: 'AdminC75D2A91',
    });
  });

  test('tries the PUT again when the response bucket fails', async () => {
    cloudFormation.reject(2);

    expect((await answer(request('Create', PROPERTIES))).Status).toBe('SUCCESS');
  });

  test('never logs the presigned URL', async () => {
    await answer(request('Create', PROPERTIES));
    organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AccessDeniedException'));
    cloudFormation.clear();
    await handler(request('Create', PROPERTIES), lambdaContext());

    expect(logs.raw().length).toBeGreaterThan(2);
    expect(logs.raw().some((line) => line.includes('X-Amz-Signature') || line.includes('response-useast1'))).toBe(false);
  });

  test('logs one JSON line per step with the operation and request type, and the answer', async () => {
    await answer(request('Create', PROPERTIES));

    const lines = logs.lines();
    expect(lines.every((line) => line.operation === 'OrganizationDelegatedAdmin' && line.requestType === 'Create')).toBe(true);
    expect(lines.at(-1)).toEqual(expect.objectContaining({ level: 'INFO', message: 'Answered CloudFormation', status: 'SUCCESS', physicalResourceId: MEMBER }));
  });

  test('refuses a response URL that is not HTTPS, without calling AWS', async () => {
    await expect(handler({ ...request('Create', PROPERTIES), ResponseURL: 'http://example.com/x' }, lambdaContext()))
      .rejects.toThrow('The request\'s ResponseURL is not an HTTPS URL; only CloudFormation invokes this function.');
    expect(calls()).toEqual([]);
  });

  test('an unknown operation fails the resource, naming the known ones', async () => {
    const response = await answer(request('Create', { ...PROPERTIES, Operation: 'LakeQuery' }));

    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^Unknown operation "LakeQuery": expected one of OrganizationDelegatedAdmin, CloudTrailTrustedAccess\. Declare the resource with its construct\./);
    expect(calls()).toEqual([]);
  });

  test('a failure holds its message and the log stream, and the whole response stays under 4 KB', async () => {
    cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).rejects(awsError('ValidationException', 'x'.repeat(10_000)));

    const response = await answer(request('Create', PROPERTIES));

    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^OrganizationDelegatedAdmin on account 222222222222: ValidationException: x+…\(cut\) \(log stream /);
    expect(response.Reason).toContain('2026/06/01/[$LATEST]0123456789abcdef');
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(MAX_RESPONSE_BYTES);
  });

  test('answers FAILED before Lambda stops the function when AWS does not answer in time', async () => {
    organizations.on(EnableAWSServiceAccessCommand).callsFake(() => new Promise(() => undefined));

    const response = await answer(request('Create', PROPERTIES), lambdaContext(10_050));

    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^OrganizationDelegatedAdmin on account 222222222222: the AWS calls did not finish before the function's timeout/);
    expect(response.PhysicalResourceId).not.toBe(MEMBER);
  });
});

describe('create', () => {
  test('enables trusted access, then registers the account, whose id is the physical id', async () => {
    expect(await answer(request('Create', PROPERTIES))).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: MEMBER }));
    expect(calls()).toEqual([
      { EnableAWSServiceAccessCommand: { ServicePrincipal: 'cloudtrail.amazonaws.com' } },
      { RegisterOrganizationDelegatedAdminCommand: { MemberAccountId: MEMBER } },
    ]);
  });

  test('the same request twice (Lambda retries it) registers once: the second finds the account registered', async () => {
    cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).resolvesOnce({}).rejects(awsError('AccountRegisteredException'));
    const event = request('Create', PROPERTIES);

    await handler(event, lambdaContext());
    await handler(event, lambdaContext());
    expect(cloudFormation.responses().map((r) => [r.body.Status, r.body.PhysicalResourceId])).toEqual([['SUCCESS', MEMBER], ['SUCCESS', MEMBER]]);
    expect(logs.lines().map((line) => line.message)).toContain('The account already is the delegated administrator');
  });

  test.each([
    ['CannotDelegateManagementAccountException', 'the management account cannot be CloudTrail\'s delegated administrator. Choose a member account '
      + 'of the organization.'],
    ['NotOrganizationManagementAccountException', 'this account is not the organization\'s management account. Deploy this stack from the '
      + 'management account.'],
    ['DelegatedAdminAccountLimitExceededException', 'the organization already has 3 CloudTrail delegated administrators, the most it may have. '
      + 'Deregister one, then deploy again.'],
    ['CloudTrailAccessNotEnabledException', 'trusted access between CloudTrail and AWS Organizations is not enabled. Enable it from the management '
      + 'account (aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com), then deploy again.'],
    ['AccountNotFoundException', 'the account is not a member of this organization. Invite it to the organization (or correct the account ID), '
      + 'then deploy again.'],
  ])('%s fails with what to do, and a physical id that names no account', async (name, text) => {
    cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).rejects(awsError(name));

    const response = await answer(request('Create', PROPERTIES));
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toBe(`OrganizationDelegatedAdmin on account ${MEMBER}: ${text} (log stream 2026/06/01/[$LATEST]0123456789abcdef)`);
    // CloudFormation deletes a resource whose create failed: that delete must not deregister an account someone else registered
    expect(response.PhysicalResourceId).not.toMatch(/\d{12}/);
  });

  test.each([
    ['Organizations denies EnableAWSServiceAccess', () => organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AccessDeniedException',
      'You don\'t have permissions to access this resource.'))],
    ['CloudTrail refuses the registration', () => cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).rejects(
      awsError('NotOrganizationManagementAccountException'))],
  ])('deployed from a member account (%s), says to deploy from the management account', async (_case, refuse) => {
    refuse();
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abcdefghij', MasterAccountId: '999999999999' } });

    const response = await answer(request('Create', PROPERTIES));

    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toBe(`OrganizationDelegatedAdmin on account ${MEMBER}: this stack runs in account 111111111111, a member of `
      + 'organization o-abcdefghij; only its management account (999999999999) may enable trusted access and register CloudTrail\'s delegated '
      + 'administrators. Deploy this stack from the management account (999999999999). (log stream 2026/06/01/[$LATEST]0123456789abcdef)');
    expect(response.PhysicalResourceId).not.toMatch(/\d{12}/);
  });

  test('a denial in the management account itself is not blamed on the account', async () => {
    organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AccessDeniedException', 'explicit deny in a service control policy'));
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abcdefghij', MasterAccountId: '111111111111' } });

    expect((await answer(request('Create', PROPERTIES))).Reason).toMatch(/access denied: the handler's role was denied a call\. AWS said: explicit deny/);
  });

  test('a denied EnableAWSServiceAccess names the action and registers nothing', async () => {
    organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AccessDeniedException', 'User: arn:aws:sts::111111111111:assumed-role/h/x '
      + 'is not authorized to perform: organizations:EnableAWSServiceAccess with an explicit deny in a service control policy'));

    expect((await answer(request('Create', PROPERTIES))).Reason).toMatch(new RegExp(`^OrganizationDelegatedAdmin on account ${MEMBER}: access denied: `
      + 'the handler\'s role may not call organizations:EnableAWSServiceAccess\\. AWS said: .* The construct grants the role what it needs'));
    expect(cloudTrail.commandCalls(RegisterOrganizationDelegatedAdminCommand)).toHaveLength(0);
  });
});

describe('update', () => {
  test('a new account registers it, with a new physical id (CloudFormation then deletes the old one)', async () => {
    const response = await answer(request('Update', { ...PROPERTIES, MemberAccountId: '333333333333' }, { PhysicalResourceId: MEMBER, OldResourceProperties: PROPERTIES }));

    expect(response).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: '333333333333' }));
    expect(cloudTrail.commandCalls(RegisterOrganizationDelegatedAdminCommand)[0].args[0].input).toEqual({ MemberAccountId: '333333333333' });
    expect(cloudTrail.commandCalls(DeregisterOrganizationDelegatedAdminCommand)).toHaveLength(0);
  });

  test('the same account does nothing', async () => {
    const response = await answer(request('Update', PROPERTIES, { PhysicalResourceId: MEMBER, OldResourceProperties: { ...PROPERTIES, ServiceToken: 'other' } }));

    expect(response).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: MEMBER }));
    expect(calls()).toEqual([]);
  });

  test('a failed update keeps the physical id, so CloudFormation does not take the resource for replaced', async () => {
    cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).rejects(awsError('AccountNotFoundException'));

    const response = await answer(request('Update', { ...PROPERTIES, MemberAccountId: '333333333333' }, { PhysicalResourceId: MEMBER, OldResourceProperties: PROPERTIES }));
    expect(response).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: MEMBER }));
  });
});

describe('delete', () => {
  test('deregisters the account and leaves trusted access on', async () => {
    expect(await answer(request('Delete', PROPERTIES, { PhysicalResourceId: MEMBER }))).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: MEMBER }));
    expect(calls()).toEqual([{ DeregisterOrganizationDelegatedAdminCommand: { DelegatedAdminAccountId: MEMBER } }]);
    expect(logs.lines().map((line) => line.message)).toContain(
      'Trusted access between CloudTrail and AWS Organizations stays enabled: organization trails and event data stores need it');
  });

  test.each(['AccountNotRegisteredException', 'AccountNotFoundException'])('%s means there is nothing to deregister', async (name) => {
    cloudTrail.on(DeregisterOrganizationDelegatedAdminCommand).rejects(awsError(name));

    expect((await answer(request('Delete', PROPERTIES, { PhysicalResourceId: MEMBER }))).Status).toBe('SUCCESS');
  });

  test('the resource of a failed create needs no call', async () => {
    cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).rejects(awsError('AccountNotFoundException'));
    const failed = await answer(request('Create', PROPERTIES));
    cloudFormation.clear();
    cloudTrail.resetHistory();
    organizations.resetHistory();

    const response = await answer(request('Delete', PROPERTIES, { PhysicalResourceId: failed.PhysicalResourceId }));
    expect(response).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: failed.PhysicalResourceId }));
    expect(calls()).toEqual([]);
  });

  test('other errors fail the delete, keeping the physical id', async () => {
    cloudTrail.on(DeregisterOrganizationDelegatedAdminCommand).rejects(awsError('NotOrganizationManagementAccountException'));

    const response = await answer(request('Delete', PROPERTIES, { PhysicalResourceId: MEMBER }));
    expect(response).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: MEMBER }));
    expect(response.Reason).toMatch(/^OrganizationDelegatedAdmin on account 222222222222: this account is not/);
  });
});
