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
  if (typeof orgId !== 'string') {
    return [{ property, value: orgId, rule: 'must be a string (Organizations OrganizationId)', fix: "pass the organization ID, e.g. 'o-a1b2c3d4e5'" }];
  }
  if (ORGANIZATION_ID.test(orgId)) {
    return [];
  }
  const { min, max } = ORGANIZATION_ID_SUFFIX_LENGTH;
  return [{
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
  return [{ property, value: accountId, rule: 'must be an AWS account ID of 12 digits', fix }];
}
