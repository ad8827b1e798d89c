import { App, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { accountIdProblems, delegatedAdminsOfApp, delegatedAdminTrailProblems, organizationIdProblems, recordDelegatedAdmin } from '../../src/core/organization';
import { formatProblem, Problem } from '../../src/core/problems';

const FC_OPTIONS = { seed: 42, numRuns: 500 };

const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');

const PATTERN_RULE = "must be 'o-' followed by 10 to 32 lowercase letters or digits (Organizations OrganizationId pattern ^o-[a-z0-9]{10,32}$)";
const PATTERN_FIX = "copy the ID from `aws organizations describe-organization` (Organization.Id), e.g. 'o-a1b2c3d4e5'";

function patternProblem(value: string): Problem {
  return { id: 'OrganizationIdFormat', property: 'orgId', value, rule: PATTERN_RULE, fix: PATTERN_FIX };
}

/** Calls the rule with a token of any kind, which TypeScript sees as a string. */
function problemsOf(value: unknown): Problem[] {
  return organizationIdProblems('orgId', value as string);
}

describe('organizationIdProblems', () => {
  test.each([
    { why: 'the documented example', orgId: 'o-a1b2c3d4e5' },
    { why: 'the shortest suffix (10)', orgId: `o-${'a'.repeat(10)}` },
    { why: 'the longest suffix (32)', orgId: `o-${'z'.repeat(32)}` },
    { why: 'digits only', orgId: 'o-0123456789' },
    { why: 'letters only', orgId: 'o-exampleorgid' },
    { why: 'a suffix of 31', orgId: `o-${'9'.repeat(31)}` },
  ])('accepts $why ($orgId)', ({ orgId }) => {
    expect(organizationIdProblems('orgId', orgId)).toStrictEqual([]);
  });

  test.each([
    { why: 'a suffix of 9 characters (too short)', orgId: 'o-abcdefghi' },
    { why: 'a suffix of 33 characters (too long)', orgId: `o-${'a'.repeat(33)}` },
    { why: 'an uppercase suffix', orgId: 'o-ABCDEFGHIJ' },
    { why: 'one uppercase letter in the suffix', orgId: 'o-a1b2c3d4E5' },
    { why: 'an uppercase prefix', orgId: 'O-a1b2c3d4e5' },
    { why: "a missing 'o-'", orgId: 'a1b2c3d4e5' },
    { why: "a missing '-'", orgId: 'oa1b2c3d4e5' },
    { why: "'o_' instead of 'o-'", orgId: 'o_a1b2c3d4e5' },
    { why: "'o-' only", orgId: 'o-' },
    { why: 'the empty string', orgId: '' },
    { why: 'a root ID', orgId: 'r-a1b2' },
    { why: 'an organizational unit ID', orgId: 'ou-a1b2-c3d4e5f6' },
    { why: 'an account ID', orgId: '111111111111' },
    { why: 'an organization ARN', orgId: 'arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5' },
    { why: 'a dash in the suffix', orgId: 'o-a1b2c-3d4e5' },
    { why: 'a leading space', orgId: ' o-a1b2c3d4e5' },
    { why: 'a trailing space', orgId: 'o-a1b2c3d4e5 ' },
    { why: 'a space inside', orgId: 'o-a1b2c 3d4e5' },
    { why: 'a trailing newline', orgId: 'o-a1b2c3d4e5\n' },
    { why: 'a tab', orgId: 'o-a1b2c3d4e5\t' },
    { why: 'an accented letter', orgId: 'o-a1b2c3d4é5' },
    { why: 'a fullwidth letter', orgId: 'o-ａ1b2c3d4e5' },
    { why: 'an Arabic-Indic digit', orgId: 'o-a1b2c3d4e٥' },
    { why: 'an emoji', orgId: 'o-a1b2c3d4e😀' },
    { why: 'a Cyrillic о in the prefix', orgId: 'о-a1b2c3d4e5' },
  ])('rejects $why', ({ orgId }) => {
    expect(organizationIdProblems('orgId', orgId)).toStrictEqual([patternProblem(orgId)]);
  });

  test('formats the pattern problem as one line', () => {
    expect(organizationIdProblems('orgId', 'o-abcdefghi').map(formatProblem)).toEqual([
      `[OrganizationIdFormat] orgId "o-abcdefghi": ${PATTERN_RULE}. Fix: ${PATTERN_FIX}`,
    ]);
  });

  test('reports under the given property', () => {
    expect(organizationIdProblems('props.orgId', 'o-').map(p => p.property)).toEqual(['props.orgId']);
  });

  test.each([
    { kind: 'Token.asString', token: Token.asString({ Ref: 'X' }) },
    { kind: 'Lazy.string', token: Lazy.string({ produce: () => 'not-an-org-id' }) },
    { kind: 'a string embedding a token', token: `o-${Token.asString({ Ref: 'X' })}` },
    { kind: 'an IResolvable', token: Lazy.any({ produce: () => 42 }) },
  ])('skips $kind', ({ token }) => {
    expect(problemsOf(token)).toStrictEqual([]);
  });

  describe('properties', () => {
    const validSuffix = fc.string({ unit: fc.constantFrom(...LOWER_ALPHANUMERIC), minLength: 10, maxLength: 32 });

    test('accepts every o- followed by 10 to 32 of [a-z0-9]', () => {
      fc.assert(fc.property(validSuffix, suffix => {
        expect(organizationIdProblems('orgId', `o-${suffix}`)).toStrictEqual([]);
      }), FC_OPTIONS);
    });

    // Near misses (a wrong prefix, a suffix of a wrong length or with a stray character) and arbitrary strings.
    const prefix = fc.constantFrom('o-', 'O-', 'o_', 'o', '-', '', ' o-', 'r-', 'ou-', 'о-');
    const nearSuffix = fc.string({
      unit: fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...LOWER_ALPHANUMERIC) },
        { weight: 1, arbitrary: fc.constantFrom('A', 'Z', '-', '_', ' ', '\n', '\t', 'é', 'ß', '٥', 'ａ', '😀', '$', '{', '}') },
      ),
      maxLength: 40,
    });
    const candidate = fc.oneof(
      fc.tuple(prefix, nearSuffix).map(([p, s]) => p + s),
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
    );
    const invalid = candidate.filter(s => !ORGANIZATION_ID.test(s) && !Token.isUnresolved(s));

    test('rejects every string that does not match the pattern, with exactly one problem', () => {
      fc.assert(fc.property(invalid, orgId => {
        expect(organizationIdProblems('orgId', orgId)).toStrictEqual([patternProblem(orgId)]);
      }), FC_OPTIONS);
    });

    test('agrees with the pattern on near misses and valid IDs alike', () => {
      fc.assert(fc.property(fc.oneof(candidate, validSuffix.map(s => `o-${s}`)), orgId => {
        expect(organizationIdProblems('orgId', orgId).length).toBe(ORGANIZATION_ID.test(orgId) ? 0 : 1);
      }), FC_OPTIONS);
    });
  });
});

describe('accountIdProblems', () => {
  test('accepts 12 digits, tokens and nothing', () => {
    expect(accountIdProblems('managementAccountId', '111111111111')).toEqual([]);
    expect(accountIdProblems('managementAccountId', Token.asString({ Ref: 'AWS::AccountId' }))).toEqual([]);
    expect(accountIdProblems('managementAccountId', undefined)).toEqual([]);
  });

  test.each(['1111', '1111111111111', '11111111111a', ' 111111111111', '111111111111\n', '１１１１１１１１１１１１', ''])('rejects %j', accountId => {
    expect(accountIdProblems('managementAccountId', accountId).map(formatProblem)).toEqual([
      `[AccountIdFormat] managementAccountId ${JSON.stringify(accountId)}: must be an AWS account ID of 12 digits. Fix: pass the management account's ID, `
      + "e.g. '111111111111'",
    ]);
  });

  test('says how to fix it in the words of the caller', () => {
    expect(accountIdProblems('memberAccountId', '1', 'pass a member account').map(p => [p.id, p.fix])).toEqual([['AccountIdFormat', 'pass a member account']]);
  });
});

describe('delegatedAdminTrailProblems', () => {
  const admins = [{ path: 'Management/Admin', memberAccountId: '222222222222' }];

  test('a trail in a registered delegated administrator account needs managementAccountId', () => {
    expect(delegatedAdminTrailProblems('222222222222', undefined, admins)).toEqual([{
      id: 'DelegatedAdminTrailManagementAccount',
      property: 'managementAccountId',
      rule: 'the stack deploys to 222222222222, which Management/Admin registers as the organization\'s CloudTrail delegated administrator; '
        + 'an organization trail it creates is owned by the management account, whose ID is in the trail\'s ARN '
        + '(CloudTrail User Guide, "Organization delegated administrator")',
      fix: 'pass managementAccountId: the ID of the organization\'s management account',
    }]);
  });

  test('names the first registration of the account', () => {
    const twice = [{ path: 'Other/Admin', memberAccountId: '333333333333' }, ...admins, { path: 'Later/Admin', memberAccountId: '222222222222' }];
    expect(delegatedAdminTrailProblems('222222222222', undefined, twice).map(p => p.rule))
      .toEqual([expect.stringContaining('which Management/Admin registers')]);
  });

  test('is satisfied by managementAccountId, and does not concern other or unknown accounts', () => {
    expect(delegatedAdminTrailProblems('222222222222', '111111111111', admins)).toEqual([]);
    expect(delegatedAdminTrailProblems('333333333333', undefined, admins)).toEqual([]);
    expect(delegatedAdminTrailProblems(Token.asString({ Ref: 'AWS::AccountId' }), undefined, admins)).toEqual([]);
  });
});

describe('delegated administrators recorded on the app', () => {
  test('an app without registrations has none', () => {
    const app = new App();
    expect(delegatedAdminsOfApp(new Stack(app, 'Stack'))).toEqual([]);
  });

  test('every registration is seen from any construct of the same app, in order, and from no other app', () => {
    const app = new App();
    const first = new Stack(app, 'First');
    const second = new Stack(app, 'Second');
    recordDelegatedAdmin(first, { path: 'First/Admin', memberAccountId: '111111111111' });
    recordDelegatedAdmin(new Construct(second, 'Nested'), { path: 'Second/Nested/Admin', memberAccountId: '222222222222' });

    const expected = [
      { path: 'First/Admin', memberAccountId: '111111111111' },
      { path: 'Second/Nested/Admin', memberAccountId: '222222222222' },
    ];
    expect(delegatedAdminsOfApp(second)).toEqual(expected);
    expect(delegatedAdminsOfApp(new Construct(first, 'Other'))).toEqual(expected);
    expect(delegatedAdminsOfApp(new Stack(new App(), 'Elsewhere'))).toEqual([]);
  });
});
