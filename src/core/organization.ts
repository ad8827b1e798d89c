import { IConstruct } from 'constructs';
import { ORGANIZATION_ID_SUFFIX_LENGTH } from './limits';
import { isUnresolved, Problem } from './problems';

const ORGANIZATION_ID = new RegExp(`^o-[a-z0-9]{${ORGANIZATION_ID_SUFFIX_LENGTH.min},${ORGANIZATION_ID_SUFFIX_LENGTH.max}}$`);

/**
 * The rules of an AWS Organizations organization ID (Organizations API model OrganizationId).
 * Tokens are not checked.
 */
export function organizationIdProblems(property: string, orgId: string): Problem[] {
  if (isUnresolved(orgId)) {
    return [];
  }
  if (ORGANIZATION_ID.test(orgId)) {
    return [];
  }
  const { min, max } = ORGANIZATION_ID_SUFFIX_LENGTH;
  return [{
    id: 'OrganizationIdFormat',
    property,
    value: orgId,
    rule: `must be 'o-' followed by ${min} to ${max} lowercase letters or digits (Organizations OrganizationId pattern ^o-[a-z0-9]{${min},${max}}$)`,
    fix: "copy the ID from `aws organizations describe-organization` (Organization.Id), e.g. 'o-a1b2c3d4e5'",
  }];
}

const ACCOUNT_ID = /^\d{12}$/;

/** The rule of an AWS account ID: 12 digits. Tokens are not checked. */
export function accountIdProblems(property: string, accountId: string | undefined,
  fix = "pass the management account's ID, e.g. '111111111111'"): Problem[] {
  if (accountId === undefined || isUnresolved(accountId) || ACCOUNT_ID.test(String(accountId))) {
    return [];
  }
  return [{ id: 'AccountIdFormat', property, value: accountId, rule: 'must be an AWS account ID of 12 digits', fix }];
}

/** A delegated administrator an app registers, as `OrganizationDelegatedAdmin` records it on the app's root. */
export interface RegisteredDelegatedAdmin {
  /** The construct path of the registration. */
  readonly path: string;
  readonly memberAccountId: string;
  /** The account that registers it, the organization's management account: its stack's account, when known. */
  readonly managementAccountId?: string;
}

// A global symbol, so that registrations made by another copy of the library in the same app are seen too
const DELEGATED_ADMINS = Symbol.for('cdk-cloudtrail-org.delegatedAdmins');

/** Records a delegated administrator on the app's root, where every construct of the app can find it without a walk. */
export function recordDelegatedAdmin(scope: IConstruct, admin: RegisteredDelegatedAdmin): void {
  const root = scope.node.root as IConstruct & { [DELEGATED_ADMINS]?: RegisteredDelegatedAdmin[] };
  root[DELEGATED_ADMINS] = [...root[DELEGATED_ADMINS] ?? [], admin];
}

/** The delegated administrators recorded in the app of a construct. */
export function delegatedAdminsOfApp(scope: IConstruct): RegisteredDelegatedAdmin[] {
  return (scope.node.root as { [DELEGATED_ADMINS]?: RegisteredDelegatedAdmin[] })[DELEGATED_ADMINS] ?? [];
}

/**
 * An organization trail created from a delegated administrator account is owned by the management account, whose ID
 * is in the trail's ARN (CloudTrail User Guide, "Organization delegated administrator"): the policies the trail's
 * ARN goes into need `managementAccountId`. Unknown (token) accounts are not checked.
 */
export function delegatedAdminTrailProblems(trailAccount: string, managementAccountId: string | undefined,
  admins: RegisteredDelegatedAdmin[]): Problem[] {
  if (managementAccountId !== undefined || isUnresolved(trailAccount)) {
    return [];
  }
  const admin = admins.find(a => a.memberAccountId === trailAccount);
  return admin ? [{
    id: 'DelegatedAdminTrailManagementAccount',
    property: 'managementAccountId',
    rule: `the stack deploys to ${trailAccount}, which ${admin.path} registers as the organization's CloudTrail delegated administrator; `
      + 'an organization trail it creates is owned by the management account, whose ID is in the trail\'s ARN '
      + '(CloudTrail User Guide, "Organization delegated administrator")',
    fix: 'pass managementAccountId: the ID of the organization\'s management account',
  }] : [];
}
