import { DeregisterOrganizationDelegatedAdminCommand, RegisterOrganizationDelegatedAdminCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeOrganizationCommand, EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { cloudTrail } from './clients';
import { errorName, isNamed, OperationFailure } from './errors';
import { Logger } from './log';
import { organizations } from './organizations-client';
import { OnEventRequest, OnEventResponse, OperationHandler, required } from './request';
import { OperationKind } from '../operation-properties';

const CLOUDTRAIL_PRINCIPAL = 'cloudtrail.amazonaws.com';
const ACCOUNT_ID = /^\d{12}$/;
// DeregisterOrganizationDelegatedAdmin fails with these when the account is no longer an administrator
const NOTHING_TO_DEREGISTER = ['AccountNotRegisteredException', 'AccountNotFoundException'];

/**
 * OrganizationDelegatedAdmin: trusted access and RegisterOrganizationDelegatedAdmin on create, deregistered on delete. Both calls take
 * effect at once, so the function answers CloudFormation from onEvent, without a waiter.
 */
export const delegatedAdmin: OperationHandler = {
  scope: (properties) => ({ operation: OperationKind.ORGANIZATION_DELEGATED_ADMIN, resource: `account ${properties.MemberAccountId ?? '(none)'}` }),
  async onEvent(event, log) {
    switch (event.RequestType) {
      case 'Create':
        return register(event, required(event.ResourceProperties, 'MemberAccountId'), log);
      case 'Update':
        return update(event, log);
      case 'Delete':
        return deregister(event, log);
    }
  },
};

async function register(event: OnEventRequest, memberAccountId: string, log: Logger): Promise<OnEventResponse> {
  try {
    // enabling trusted access again is a no-op, so a repeated event does no harm
    await organizations().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL_PRINCIPAL }));
    log.info('Trusted access for CloudTrail is enabled in the organization');
    await cloudTrail().send(new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: memberAccountId }));
    log.info('Registered the delegated administrator', { memberAccountId });
  } catch (error) {
    if (isNamed(error, ['AccountRegisteredException'])) {
      log.info('The account already is the delegated administrator', { memberAccountId });
    } else if (isNamed(error, MANAGEMENT_ONLY_ERRORS)) {
      throw await notManagementAccount(event, log) ?? error;
    } else {
      throw error;
    }
  }
  return { PhysicalResourceId: memberAccountId };
}

// What Organizations and CloudTrail answer a member account that calls what only the management account may
const MANAGEMENT_ONLY_ERRORS = ['AccessDeniedException', 'NotOrganizationManagementAccountException'];

/**
 * When the stack runs in a member account: a failure that says to deploy from the management account. Undefined
 * when it does, or when the organization cannot be described (the original error is then reported).
 */
async function notManagementAccount(event: OnEventRequest, log: Logger): Promise<OperationFailure | undefined> {
  const account = /^arn:[^:]+:cloudformation:[^:]*:(\d{12}):/.exec(event.StackId ?? '')?.[1];
  try {
    const { Organization } = await organizations().send(new DescribeOrganizationCommand({}));
    const management = Organization?.MasterAccountId;
    if (!account || !management || management === account) {
      return undefined;
    }
    return new OperationFailure(`this stack runs in account ${account}, a member of organization ${Organization?.Id ?? ''}; only its management `
      + `account (${management}) may enable trusted access and register CloudTrail's delegated administrators.`,
    `Deploy this stack from the management account (${management}).`);
  } catch (error) {
    log.warn('Could not describe the organization', { reason: errorName(error) });
    return undefined;
  }
}

async function update(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const memberAccountId = required(event.ResourceProperties, 'MemberAccountId');
  if (memberAccountId !== event.OldResourceProperties?.MemberAccountId) {
    // a new physical id: CloudFormation then deletes the old resource, which deregisters the old account
    return register(event, memberAccountId, log);
  }
  return { PhysicalResourceId: event.PhysicalResourceId ?? memberAccountId };
}

async function deregister(event: OnEventRequest, log: Logger): Promise<OnEventResponse> {
  const accountId = event.PhysicalResourceId ?? '';
  if (!ACCOUNT_ID.test(accountId)) {
    log.info('No account was registered (the create failed); nothing to deregister');
    return { PhysicalResourceId: accountId };
  }
  try {
    await cloudTrail().send(new DeregisterOrganizationDelegatedAdminCommand({ DelegatedAdminAccountId: accountId }));
    log.info('Deregistered the delegated administrator', { accountId });
  } catch (error) {
    if (!isNamed(error, NOTHING_TO_DEREGISTER)) {
      throw error;
    }
    log.info('The account is no longer the delegated administrator; nothing to deregister', { accountId, reason: errorName(error) });
  }
  log.info('Trusted access between CloudTrail and AWS Organizations stays enabled: organization trails and event data stores need it');
  return { PhysicalResourceId: accountId };
}
