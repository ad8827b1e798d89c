import { CloudTrailClient, DeregisterOrganizationDelegatedAdminCommand, RegisterOrganizationDelegatedAdminCommand } from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { awsError, captureLogs, completeEvent, createEvent, deleteEvent, rejection, updateEvent } from './helpers';
import { handler as isComplete } from '../../src/operations/operation-complete.lambda';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

const cloudTrail = mockClient(CloudTrailClient);
const organizations = mockClient(OrganizationsClient);
const logs = captureLogs();

const MEMBER = '222222222222';
const PROPERTIES = { ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:provider', Operation: 'OrganizationDelegatedAdmin', MemberAccountId: MEMBER };

beforeEach(() => {
  cloudTrail.reset();
  organizations.reset();
  cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).resolves({});
  cloudTrail.on(DeregisterOrganizationDelegatedAdminCommand).resolves({});
  organizations.on(EnableAWSServiceAccessCommand).resolves({});
});

/** The calls to both services, in order. */
function calls(): unknown[] {
  return [...organizations.calls(), ...cloudTrail.calls()]
    .sort((a, b) => (a.calledBefore(b) ? -1 : 1))
    .map((call) => ({ [call.args[0].constructor.name]: call.args[0].input }));
}

describe('create', () => {
  test('enables trusted access, then registers the account, whose id is the physical id', async () => {
    expect(await onEvent(createEvent(PROPERTIES))).toEqual({ PhysicalResourceId: MEMBER });
    expect(calls()).toEqual([
      { EnableAWSServiceAccessCommand: { ServicePrincipal: 'cloudtrail.amazonaws.com' } },
      { RegisterOrganizationDelegatedAdminCommand: { MemberAccountId: MEMBER } },
    ]);
  });

  test('the same event twice registers once: the second finds the account registered', async () => {
    cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).resolvesOnce({}).rejects(awsError('AccountRegisteredException'));
    const event = createEvent(PROPERTIES);

    expect(await onEvent(event)).toEqual({ PhysicalResourceId: MEMBER });
    expect(await onEvent(event)).toEqual({ PhysicalResourceId: MEMBER });
    expect(logs.lines().map((line) => line.message)).toContain('The account already is the delegated administrator');
  });

  test('isComplete answers at once', async () => {
    const event = createEvent(PROPERTIES);

    expect(await isComplete(completeEvent(event, { PhysicalResourceId: MEMBER }))).toEqual({ IsComplete: true });
    expect(calls()).toEqual([]);
  });

  test.each([
    ['CannotDelegateManagementAccountException', 'the management account cannot be CloudTrail\'s delegated administrator. Choose a member account '
      + 'of the organization.'],
    ['NotOrganizationManagementAccountException', 'this account is not the organization\'s management account. Deploy this stack to the '
      + 'management account.'],
    ['DelegatedAdminAccountLimitExceededException', 'the organization already has 3 CloudTrail delegated administrators, the most it may have. '
      + 'Deregister one, then deploy again.'],
    ['CloudTrailAccessNotEnabledException', 'trusted access between CloudTrail and AWS Organizations is not enabled. Enable it from the management '
      + 'account (aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com), then deploy again.'],
    ['AccountNotFoundException', 'the account is not a member of this organization. Invite it to the organization (or correct the account ID), '
      + 'then deploy again.'],
  ])('%s fails with what to do', async (name, text) => {
    cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).rejects(awsError(name));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toBe(`OrganizationDelegatedAdmin on account ${MEMBER}: ${text}`);
  });

  test('a denied EnableAWSServiceAccess names the action and registers nothing', async () => {
    organizations.on(EnableAWSServiceAccessCommand).rejects(awsError('AccessDeniedException', 'User: arn:aws:sts::111111111111:assumed-role/h/x '
      + 'is not authorized to perform: organizations:EnableAWSServiceAccess with an explicit deny in a service control policy'));

    expect(await rejection(onEvent(createEvent(PROPERTIES)))).toBe(`OrganizationDelegatedAdmin on account ${MEMBER}: access denied: the handler's `
      + 'role may not call organizations:EnableAWSServiceAccess. The construct grants the role what it needs, so look for a service control policy, '
      + 'a permissions boundary or a bucket or key policy that denies it, then deploy again. AWS said: User: '
      + 'arn:aws:sts::111111111111:assumed-role/h/x is not authorized to perform: organizations:EnableAWSServiceAccess with an explicit deny in a '
      + 'service control policy');
    expect(cloudTrail.commandCalls(RegisterOrganizationDelegatedAdminCommand)).toHaveLength(0);
  });
});

describe('update', () => {
  test('a new account registers it, with a new physical id (CloudFormation then deletes the old one)', async () => {
    const response = await onEvent(updateEvent({ ...PROPERTIES, MemberAccountId: '333333333333' }, PROPERTIES, MEMBER));

    expect(response).toEqual({ PhysicalResourceId: '333333333333' });
    expect(cloudTrail.commandCalls(RegisterOrganizationDelegatedAdminCommand)[0].args[0].input).toEqual({ MemberAccountId: '333333333333' });
    expect(cloudTrail.commandCalls(DeregisterOrganizationDelegatedAdminCommand)).toHaveLength(0);
  });

  test('the same account does nothing', async () => {
    expect(await onEvent(updateEvent(PROPERTIES, { ...PROPERTIES, ServiceToken: 'other' }, MEMBER))).toEqual({ PhysicalResourceId: MEMBER });
    expect(calls()).toEqual([]);
  });
});

describe('delete', () => {
  test('deregisters the account and leaves trusted access on', async () => {
    expect(await onEvent(deleteEvent(PROPERTIES, MEMBER))).toEqual({ PhysicalResourceId: MEMBER });
    expect(calls()).toEqual([{ DeregisterOrganizationDelegatedAdminCommand: { DelegatedAdminAccountId: MEMBER } }]);
    expect(logs.lines().map((line) => line.message)).toContain(
      'Trusted access between CloudTrail and AWS Organizations stays enabled: organization trails and event data stores need it');
  });

  test.each(['AccountNotRegisteredException', 'AccountNotFoundException'])('%s means there is nothing to deregister', async (name) => {
    cloudTrail.on(DeregisterOrganizationDelegatedAdminCommand).rejects(awsError(name));

    expect(await onEvent(deleteEvent(PROPERTIES, MEMBER))).toEqual({ PhysicalResourceId: MEMBER });
  });

  test('a physical id that is no account id (a failed create) needs no call', async () => {
    const physicalResourceId = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';

    expect(await onEvent(deleteEvent(PROPERTIES, physicalResourceId))).toEqual({ PhysicalResourceId: physicalResourceId });
    expect(calls()).toEqual([]);
  });

  test('other errors fail the delete', async () => {
    cloudTrail.on(DeregisterOrganizationDelegatedAdminCommand).rejects(awsError('NotOrganizationManagementAccountException'));

    expect(await rejection(onEvent(deleteEvent(PROPERTIES, MEMBER)))).toMatch(/^OrganizationDelegatedAdmin on account 222222222222: this account is not/);
  });
});
