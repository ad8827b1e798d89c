import { DescribeOrganizationCommand, EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { errorName, isNamed, OperationFailure } from './errors';
import { Logger } from './log';
import { organizations } from './organizations-client';
import { OnEventRequest, OperationHandler } from './request';
import { OperationKind } from '../operation-properties';

/** The service whose trusted access the operations enable. */
export const CLOUDTRAIL_PRINCIPAL = 'cloudtrail.amazonaws.com';

// What Organizations and CloudTrail answer a member account that calls what only the management account may
const MANAGEMENT_ONLY_ERRORS = ['AccessDeniedException', 'NotOrganizationManagementAccountException'];

/**
 * CloudTrailTrustedAccess: EnableAWSServiceAccess for CloudTrail on create (and on update, which changes nothing);
 * nothing on delete. Disabling trusted access makes every organization trail of the organization, Control Tower's
 * included and whoever created it, stop logging the member accounts "because CloudTrail can't access the organization"
 * (AWS Organizations User Guide, "AWS CloudTrail and AWS Organizations"), so it stays on.
 */
export const trustedAccess: OperationHandler = {
  scope: () => ({ operation: OperationKind.CLOUDTRAIL_TRUSTED_ACCESS, resource: 'the organization' }),
  async onEvent(event, log) {
    if (event.RequestType === 'Delete') {
      log.info('Trusted access between CloudTrail and AWS Organizations stays enabled: organization trails and event data stores need it');
      return { PhysicalResourceId: event.PhysicalResourceId ?? CLOUDTRAIL_PRINCIPAL };
    }
    await enableCloudTrailTrustedAccess(event, log);
    return { PhysicalResourceId: CLOUDTRAIL_PRINCIPAL };
  },
};

/**
 * Enables trusted access for CloudTrail in the organization; enabling it again is a no-op, so a repeated event does no
 * harm. From a member account, fails with a message that says to deploy from the management account.
 */
export async function enableCloudTrailTrustedAccess(event: OnEventRequest, log: Logger): Promise<void> {
  try {
    await organizations().send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL_PRINCIPAL }));
  } catch (error) {
    throw await managementOnlyFailure(error, event, log) ?? error;
  }
  log.info('Trusted access for CloudTrail is enabled in the organization');
}

/**
 * For an error that only a member account gets, when the stack runs in a member account: a failure that says to deploy
 * from the management account. Undefined otherwise, or when the organization cannot be described (the original error
 * is then reported).
 */
export async function managementOnlyFailure(error: unknown, event: OnEventRequest, log: Logger): Promise<OperationFailure | undefined> {
  if (!isNamed(error, MANAGEMENT_ONLY_ERRORS)) {
    return undefined;
  }
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
  } catch (describeError) {
    log.warn('Could not describe the organization', { reason: errorName(describeError) });
    return undefined;
  }
}
