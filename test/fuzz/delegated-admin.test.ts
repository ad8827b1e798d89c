import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ACCOUNT, accountId, adversarialString, just, lift, Make, make, nearValid, propsOf, tokenString, validRecord } from './arbitraries';
import { expectAccepted, expectNoProblems, propertiesOf, stackEnv, Subject, Tally, trial } from './harness';
import { OrganizationDelegatedAdmin, OrganizationDelegatedAdminProps } from '../../src';
import { accountIdProblems } from '../../src/core/organization';
import { isUnresolved, Problem } from '../../src/core/problems';
import { delegatedAdminsProblems } from '../../src/organization/delegated-admin-rules';

const memberAccount = accountId.filter(id => id !== ACCOUNT);
const adminProps = propsOf(
  validRecord({ memberAccountId: fc.oneof({ weight: 5, arbitrary: lift(memberAccount) }, { weight: 1, arbitrary: tokenString(memberAccount) }) },
    ['memberAccountId']),
  { memberAccountId: lift(fc.oneof(nearValid(memberAccount), adversarialString, fc.constant(ACCOUNT), fc.constant(` ${ACCOUNT}`))) },
  { optional: [] },
);

/**
 * The delegated administrators of one stack: mostly one to three distinct member accounts, the
 * organization's limit; otherwise up to five, each with props that may be invalid.
 */
const admins: fc.Arbitrary<Array<Make<unknown>>> = fc.oneof(
  { weight: 3, arbitrary: fc.uniqueArray(memberAccount, { minLength: 1, maxLength: 3 }).map(ids => ids.map(id => just({ memberAccountId: id }))) },
  { weight: 2, arbitrary: fc.array(adminProps, { minLength: 1, maxLength: 5 }) },
);

const SUBJECT: Subject = { path: /^Stack\/Admin\d$/, properties: ['memberAccountId'] };

function buildAdmins(stack: Stack, props: unknown[]): void {
  props.forEach((made, i) => new OrganizationDelegatedAdmin(stack, `Admin${i}`, made as OrganizationDelegatedAdminProps));
}

function templateProblems(stack: Stack, accounts: unknown[]): Problem[] {
  const problems: Problem[] = [];
  for (const account of accounts) {
    problems.push(...accountIdProblems('MemberAccountId', account as string));
    if (account === stack.account) {
      problems.push({
        id: 'DelegatedAdminNotManagementAccount', property: 'MemberAccountId', value: account, rule: 'the management account cannot be its own delegated administrator', fix: '',
      });
    }
    problems.push(...delegatedAdminsProblems(account as string, accounts.map(other => (isUnresolved(other) ? other : String(other))) as string[]));
  }
  return problems;
}

describe('OrganizationDelegatedAdmin under fuzzing', () => {
  test('rejects only with ValidationErrors in the library format; every accepted admin synthesizes and keeps every rule', () => {
    const tally = new Tally();
    fc.assert(fc.property(stackEnv, admins, (env, list) => {
      const inputs = make(`[${list.map(String).join(', ')}]`, stack => list.map(props => props(stack)));
      const outcome = tally.count(trial(env, inputs, buildAdmins, SUBJECT));
      if (outcome.accepted) {
        const accounts = propertiesOf(outcome.template, 'Custom::CloudTrailDelegatedAdmin').map(admin => admin.MemberAccountId);
        expect(accounts).toHaveLength(list.length);
        expectNoProblems('Custom::CloudTrailDelegatedAdmin', templateProblems(outcome.stack, accounts));
      }
    }), { seed: 4601, numRuns: 100 });
    expect(tally.accepted).toBeGreaterThanOrEqual(30);
    expect(tally.rejected).toBeGreaterThanOrEqual(15);
  });

  test('accepts every valid list: one to three distinct member accounts (the organization\'s limit), literal or token', () => {
    const validAdmins = fc.uniqueArray(fc.oneof({ weight: 5, arbitrary: lift(memberAccount) }, { weight: 1, arbitrary: tokenString(memberAccount) }),
      { minLength: 1, maxLength: 3, selector: String });
    fc.assert(fc.property(stackEnv, validAdmins, (env, ids) => {
      const inputs = make(`[${ids.map(String).join(', ')}]`, stack => ids.map(id => ({ memberAccountId: id(stack) })));
      const outcome = expectAccepted(trial(env, inputs, buildAdmins, SUBJECT));
      const accounts = propertiesOf(outcome.template, 'Custom::CloudTrailDelegatedAdmin').map(admin => admin.MemberAccountId);
      expect(accounts).toHaveLength(ids.length);
      expectNoProblems('Custom::CloudTrailDelegatedAdmin', templateProblems(outcome.stack, accounts));
    }), { seed: 4611, numRuns: 20 });
  });

  test('the harness sees a rejection: the management account', () => {
    const outcome = trial('known', just([{ memberAccountId: ACCOUNT }]), buildAdmins, SUBJECT);
    expect(!outcome.accepted && outcome.error.constructor.name).toBe('ValidationError');
    expect(!outcome.accepted && outcome.error.message).toBe('[Stack/Admin0] [DelegatedAdminNotManagementAccount] memberAccountId "111111111111": is the account this stack deploys to, '
      + 'which must be the organization\'s management account; the management account cannot be its own delegated administrator '
      + '(RegisterOrganizationDelegatedAdmin CannotDelegateManagementAccountException). Fix: pass a member account, such as your security tooling account');
  });

  test('the harness sees a rejection at synthesis: four delegated administrators', () => {
    const ids = ['222222222222', '333333333333', '444444444444', '555555555555'];
    const outcome = trial('known', just(ids.map(memberAccountId => ({ memberAccountId }))), buildAdmins, SUBJECT);
    expect(!outcome.accepted && outcome.error.message).toMatch(/^Validation failed with the following errors:\n {2}\[Stack\/Admin0\] \[DelegatedAdminsQuota\] memberAccountId "222222222222": is one of 4 CloudTrail delegated administrators/);
  });
});
