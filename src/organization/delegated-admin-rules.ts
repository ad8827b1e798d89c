import { Token } from 'aws-cdk-lib';
import type { OrganizationDelegatedAdminProps } from './delegated-admin-props';
import { MAX_CLOUDTRAIL_DELEGATED_ADMINS } from '../core/limits';
import { accountIdProblems } from '../core/organization';
import { Problem } from '../core/problems';

const SOURCE = 'RegisterOrganizationDelegatedAdmin';

/** The rules of one delegated administrator: a 12-digit member account that is not the management account. */
export function delegatedAdminProblems(props: OrganizationDelegatedAdminProps, managementAccount: string): Problem[] {
  const memberAccountId = props.memberAccountId;
  const problems = accountIdProblems('memberAccountId', memberAccountId, "pass the ID of the member account to delegate to, e.g. '222222222222'");
  const bothKnown = !Token.isUnresolved(memberAccountId) && !Token.isUnresolved(managementAccount);
  if (problems.length === 0 && bothKnown && memberAccountId === managementAccount) {
    problems.push({
      id: 'DelegatedAdminNotManagementAccount',
      property: 'memberAccountId',
      value: memberAccountId,
      rule: 'is the account this stack deploys to, which must be the organization\'s management account; the management account cannot be its own '
        + `delegated administrator (${SOURCE} CannotDelegateManagementAccountException)`,
      fix: 'pass a member account, such as your security tooling account',
    });
  }
  return problems;
}

/** The rules of the delegated administrators of one stack: no account twice, and at most three in all. */
export function delegatedAdminsProblems(memberAccountId: string, all: string[]): Problem[] {
  const problems: Problem[] = [];
  const known = all.filter(id => !Token.isUnresolved(id));
  if (!Token.isUnresolved(memberAccountId) && known.filter(id => id === memberAccountId).length > 1) {
    problems.push({
      id: 'DelegatedAdminUnique',
      property: 'memberAccountId',
      value: memberAccountId,
      rule: 'is registered by another OrganizationDelegatedAdmin of this stack too (AccountRegisteredException)',
      fix: 'keep one OrganizationDelegatedAdmin per account',
    });
  }
  if (all.length > MAX_CLOUDTRAIL_DELEGATED_ADMINS) {
    problems.push({
      id: 'DelegatedAdminsQuota',
      property: 'memberAccountId',
      value: memberAccountId,
      rule: `is one of ${all.length} CloudTrail delegated administrators in this stack; an organization has at most ${MAX_CLOUDTRAIL_DELEGATED_ADMINS} `
        + `(${SOURCE} DelegatedAdminAccountLimitExceededException)`,
      fix: `keep at most ${MAX_CLOUDTRAIL_DELEGATED_ADMINS} OrganizationDelegatedAdmin resources`,
    });
  }
  return problems;
}
