import { DeregisterOrganizationDelegatedAdminCommand, RegisterOrganizationDelegatedAdminCommand } from '@aws-sdk/client-cloudtrail';
import { cloudTrail } from './clients';
import { errorName, isNamed } from './errors';
import { Logger } from './log';
import { OnEventRequest, OnEventResponse, OperationHandler, required } from './request';
import { enableCloudTrailTrustedAccess, managementOnlyFailure } from './trusted-access';
import { OperationKind } from '../operation-properties';

const ACCOUNT_ID = /^\d{12}$/;
// DeregisterOrganizationDelegatedAdmin fails with these when the account is no longer an administrator
const NOTHING_TO_DEREGISTER = ['AccountNotRegisteredException', 'AccountNotFoundException'];

/**
 * OrganizationDelegatedAdmin: trusted access (as CloudTrailTrustedAccess enables it) and RegisterOrganizationDelegatedAdmin on create, deregistered on delete. Both calls take
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
  await enableCloudTrailTrustedAccess(event, log);
  try {
    await cloudTrail().send(new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: memberAccountId }));
    log.info('Registered the delegated administrator', { memberAccountId });
  } catch (error) {
    if (!isNamed(error, ['AccountRegisteredException'])) {
      throw await managementOnlyFailure(error, event, log) ?? error;
    }
    log.info('The account already is the delegated administrator', { memberAccountId });
  }
  return { PhysicalResourceId: memberAccountId };
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
