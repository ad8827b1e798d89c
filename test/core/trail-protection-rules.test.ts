import { Aws, Lazy, Token } from 'aws-cdk-lib';
import { Problem } from '../../src/core/problems';
import {
  exemptPrincipalProblems,
  exemptsEveryPrincipal,
  organizationsPolicyNameProblems,
  protectionListProblems,
  ProtectionLists,
  servicePolicySizeProblems,
} from '../../src/core/trail-protection-rules';

const TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-audit';
const STORE = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6';
const ROLE = 'arn:aws:iam::*:role/AWSControlTowerExecution';
const KEY = 'arn:aws:kms:us-east-1:444444444444:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ALIAS = 'arn:aws:kms:us-east-1:444444444444:alias/organization-trail';

/** Lists that break no rule, for tests that change one. */
const VALID: ProtectionLists = { trailArns: [TRAIL], eventDataStoreArns: [STORE], exemptPrincipalArns: [ROLE], targetIds: ['r-a1b2'], logArchiveKeyArns: [KEY] };
const lists = (change: Partial<ProtectionLists>) => protectionListProblems({ ...VALID, ...change });
/** A string only CloudFormation knows. */
const token = () => Lazy.string({ produce: () => 'resolved' });
/** A list only CloudFormation knows: its one item is no string token. */
const listToken = () => Token.asList(Lazy.any({ produce: () => ['resolved'] }));
const where = (problems: Problem[]) => problems.map(p => `${p.id} ${p.property}`);

const TARGET_RULE = "is no root ID ('r-' and 4 to 32 lowercase letters or digits), OU ID ('ou-', the root's 4 to 32, '-' and 8 to 32 more) "
  + 'or 12-digit account ID (Organizations API model PolicyTargetId: RootId, OrganizationalUnitId or AccountId)';
const RESOURCE_SOURCE = '(Service Authorization Reference, "Resource types defined by AWS CloudTrail"); a Deny on any other resource denies nothing';

describe('protectionListProblems', () => {
  test('lists that name valid trails, stores, principals, targets and keys have no problem', () => {
    expect(lists({})).toEqual([]);
    expect(protectionListProblems({ trailArns: [TRAIL], eventDataStoreArns: [], exemptPrincipalArns: [], targetIds: ['111111111111'] })).toEqual([]);
  });

  test('no trail: the policy would protect nothing', () => {
    expect(lists({ trailArns: [] })).toEqual([{
      id: 'TrailProtectionListNotEmpty',
      property: 'trailArns',
      value: [],
      rule: 'names no trail, so the policy would protect nothing (this library: a protection policy protects at least one trail)',
      fix: 'pass the ARN of the organization trail, e.g. trail.trailArn',
    }]);
  });

  test('no target: the policy would apply nowhere', () => {
    expect(lists({ targetIds: [] })).toEqual([{
      id: 'TrailProtectionListNotEmpty',
      property: 'targetIds',
      value: [],
      rule: 'names no target, so the policy would apply nowhere (this library: an unattached policy protects nothing)',
      fix: "pass the organization's root ID ('r-…'), OU IDs or account IDs",
    }]);
  });

  test('no trail and no target: both, trails first; the stores and exemptions may be empty', () => {
    expect(where(lists({ trailArns: [], targetIds: [], eventDataStoreArns: [], exemptPrincipalArns: [] })))
      .toEqual(['TrailProtectionListNotEmpty trailArns', 'TrailProtectionListNotEmpty targetIds']);
  });

  test('list tokens are neither empty nor checked item by item', () => {
    const all = listToken();
    expect(lists({ trailArns: all, eventDataStoreArns: all, exemptPrincipalArns: all, targetIds: all, logArchiveKeyArns: all })).toEqual([]);
  });

  test.each([
    ['a root ID', 'r-a1b2'],
    ['a root ID of 32', `r-${'a1'.repeat(16)}`],
    ['an OU ID', 'ou-a1b2-a1b2c3d4'],
    ['an OU ID of the longest parts', `ou-${'0z'.repeat(16)}-${'9a'.repeat(16)}`],
    ['an account ID', '111111111111'],
  ])('%s is a target', (_, target) => {
    expect(lists({ targetIds: [target] })).toEqual([]);
  });

  test.each([
    ['a root ID of 3', 'r-a1b'],
    ['a root ID in capitals', 'R-A1B2'],
    ['an OU ID of 7', 'ou-a1b2-a1b2c3d'],
    ['an OU ID without its root', 'ou-a1b2c3d4'],
    ['an account ID of 11 digits', '11111111111'],
    ['an account ID of 13 digits', '1111111111111'],
    ['an organization ID', 'o-a1b2c3d4e5'],
    ['an empty string', ''],
  ])('%s is no target', (_, target) => {
    expect(lists({ targetIds: [target] })).toEqual([{
      id: 'TrailProtectionTargetId',
      property: 'targetIds[0]',
      value: target,
      rule: TARGET_RULE,
      fix: 'copy the ID from `aws organizations list-roots`, `list-organizational-units-for-parent` or `list-accounts`',
    }]);
  });

  test('each target is checked at its index; a token target is not', () => {
    expect(where(lists({ targetIds: ['r-a1b2', token(), 'ou-a1b2', '111111111111', 'r-'] })))
      .toEqual(['TrailProtectionTargetId targetIds[2]', 'TrailProtectionTargetId targetIds[4]']);
  });

  test('a target named twice is one problem; the same token twice is not compared', () => {
    const target = token();
    expect(lists({ targetIds: ['r-a1b2', target, '111111111111', target, 'r-a1b2'] })).toEqual([{
      id: 'TrailProtectionTargetUnique',
      property: 'targetIds',
      value: ['r-a1b2', '111111111111', 'r-a1b2'],
      rule: 'lists "r-a1b2" more than once (AttachPolicy DuplicatePolicyAttachmentException)',
      fix: 'name each target once',
    }]);
    expect(lists({ targetIds: [target, target] })).toEqual([]);
  });

  test.each([
    TRAIL,
    'arn:aws-cn:cloudtrail:cn-north-1:111111111111:trail/audit',
    'arn:aws-us-gov:cloudtrail:us-gov-west-1:111111111111:trail/audit',
    'arn:*:cloudtrail:*:*:trail/*',
    'arn:aws:cloudtrail:us-?ast-1:11111111111?:trail/organization-*',
  ])('%s is a trail ARN', arn => {
    expect(lists({ trailArns: [arn] })).toEqual([]);
  });

  test.each([
    STORE,
    'organization-audit',
    'arn:aws:cloudtrail:us-east-1:111111111111:trail/',
    'arn:aws:cloudtrail:us-east-1:111111111111:trail/organization audit',
    'arn:AWS:cloudtrail:us-east-1:111111111111:trail/audit',
    'arn:aws:cloudtrail:US-EAST-1:111111111111:trail/audit',
    'arn:aws:cloudtrail:us-east-1:11111111111a:trail/audit',
    'arn:aws:cloudtrail::111111111111:trail/audit',
    'arn:aws:s3:us-east-1:111111111111:trail/audit',
    `x${TRAIL}`,
  ])('%s is no trail ARN', arn => {
    expect(lists({ trailArns: [arn] })).toEqual([{
      id: 'TrailProtectionResourceArnFormat',
      property: 'trailArns[0]',
      value: arn,
      rule: `is no trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name> ${RESOURCE_SOURCE}`,
      fix: 'pass the ARN, e.g. trail.trailArn; wildcards (* and ?) are allowed',
    }]);
  });

  test('an event data store ARN is checked as one', () => {
    expect(lists({ eventDataStoreArns: [STORE, 'arn:*:cloudtrail:*:*:eventdatastore/*'] })).toEqual([]);
    expect(lists({ eventDataStoreArns: [STORE, TRAIL] })).toEqual([{
      id: 'TrailProtectionResourceArnFormat',
      property: 'eventDataStoreArns[1]',
      value: TRAIL,
      rule: `is no event data store ARN, arn:<partition>:cloudtrail:<region>:<account>:eventdatastore/<id> ${RESOURCE_SOURCE}`,
      fix: 'pass the ARN, e.g. store.eventDataStoreArn; wildcards (* and ?) are allowed',
    }]);
  });

  test('token ARNs are not checked; the others at their index', () => {
    expect(where(lists({ trailArns: [token(), 'audit'], eventDataStoreArns: [token(), 'store'] })))
      .toEqual(['TrailProtectionResourceArnFormat trailArns[1]', 'TrailProtectionResourceArnFormat eventDataStoreArns[1]']);
  });

  test('each exempt principal is checked at its index', () => {
    expect(where(lists({ exemptPrincipalArns: [ROLE, 'AWSControlTowerExecution', token(), 'arn:aws:iam::111111111111:group/Admins'] })))
      .toEqual(['TrailProtectionExemptPrincipalFormat exemptPrincipalArns[1]', 'TrailProtectionExemptPrincipalFormat exemptPrincipalArns[3]']);
  });

  test('a log archive key named by its alias ARN: the Deny would deny nothing', () => {
    expect(lists({ logArchiveKeyArns: [KEY, ALIAS] })).toEqual([{
      id: 'TrailProtectionKeyArn',
      property: 'logArchiveKeys[1]',
      value: ALIAS,
      rule: 'is an alias ARN: AWS KMS authorizes PutKeyPolicy, ScheduleKeyDeletion and DisableKey on the key ARN, so a Deny on the alias '
        + 'denies nothing (Service Authorization Reference, "Resource types defined by AWS Key Management Service")',
      fix: 'pass the key by its key ARN, e.g. kms.Key.fromKeyArn(this, \'Key\', \'arn:aws:kms:<region>:<account>:key/<key id>\')',
    }]);
  });

  test.each([
    ['a key ARN', KEY],
    ['an alias ARN of another service', 'arn:aws:sns:us-east-1:444444444444:alias/organization-trail'],
    ['a text that only contains an alias ARN', `key ${ALIAS}`],
    ['a key whose ID holds alias/', 'arn:aws:kms:us-east-1:444444444444:key/alias/organization-trail'],
    ['a key only CloudFormation knows', Lazy.string({ produce: () => ALIAS })],
  ])('%s is no alias ARN', (_, arn) => {
    expect(lists({ logArchiveKeyArns: [arn] })).toEqual([]);
  });

  test.each([
    ['of another partition', 'arn:aws-cn:kms:cn-north-1:444444444444:alias/organization-trail'],
    ['without Region and account', 'arn:aws:kms:::alias/organization-trail'],
  ])('an alias ARN %s is one', (_, arn) => {
    expect(where(lists({ logArchiveKeyArns: [arn] }))).toEqual(['TrailProtectionKeyArn logArchiveKeys[0]']);
  });

  test('an alias ARN whose partition, Region or account only CloudFormation knows is one: kms.Alias.fromAliasName gives such a key', () => {
    // An IAlias is an IKey; its keyArn is the alias ARN, Stack.formatArn's `arn:${Partition}:kms:${Region}:${Account}:alias/<name>`
    const arn = `arn:${Aws.PARTITION}:kms:${Aws.REGION}:${Aws.ACCOUNT_ID}:alias/organization-trail`;
    expect(where(lists({ logArchiveKeyArns: [KEY, arn] }))).toEqual(['TrailProtectionKeyArn logArchiveKeys[1]']);
  });

  test('no log archive key is no problem', () => {
    expect(lists({ logArchiveKeyArns: undefined })).toEqual([]);
  });
});

describe('exemptPrincipalProblems', () => {
  test.each([
    'arn:aws:iam::111111111111:role/Admin',
    ROLE,
    'arn:aws:iam::111111111111:role/service-role/Admin',
    'arn:aws:iam::111111111111:user/alice',
    'arn:aws:iam::111111111111:root',
    'arn:aws:sts::111111111111:federated-user/bob',
    'arn:aws-cn:iam::11111111111?:role/*',
  ])('%s is a principal ARN', arn => {
    expect(exemptPrincipalProblems('exemptPrincipalArns[0]', arn)).toEqual([]);
  });

  test('a role session ARN never matches aws:PrincipalArn', () => {
    const session = 'arn:aws:sts::111111111111:assumed-role/Admin/alice';
    expect(exemptPrincipalProblems('exemptPrincipalArns[2]', session)).toEqual([{
      id: 'TrailProtectionExemptPrincipalFormat',
      property: 'exemptPrincipalArns[2]',
      value: session,
      rule: 'is a role session ARN; aws:PrincipalArn holds the ARN of the role itself, so this pattern never matches (IAM User Guide, aws:PrincipalArn)',
      fix: 'use the role ARN, e.g. arn:aws:iam::*:role/AWSControlTowerExecution',
    }]);
  });

  test.each([
    'AWSControlTowerExecution',
    'arn:aws:iam::111111111111:group/Admins',
    'arn:aws:iam::111111111111:role/',
    'arn:aws:iam::111111111111:root/alice',
    'arn:aws:sts::111111111111:role/Admin',
  ])('%s is no principal ARN', arn => {
    expect(exemptPrincipalProblems('exemptPrincipalArns[0]', arn)).toEqual([{
      id: 'TrailProtectionExemptPrincipalFormat',
      property: 'exemptPrincipalArns[0]',
      value: arn,
      rule: 'is no ARN that aws:PrincipalArn holds: arn:<partition>:iam::<account>:role/<name>, :user/<name> or :root, '
        + 'or arn:<partition>:sts::<account>:federated-user/<name> (IAM User Guide, aws:PrincipalArn)',
      fix: "pass a role ARN pattern, e.g. 'arn:aws:iam::*:role/AWSControlTowerExecution' (wildcards * and ? are allowed)",
    }]);
  });

  test('a token is not checked', () => {
    expect(exemptPrincipalProblems('exemptPrincipalArns[0]', token())).toEqual([]);
  });
});

describe('exemptsEveryPrincipal', () => {
  test.each([
    ['arn:aws:iam::*:role/*', true],
    ['arn:aws:iam::111111111111:user/*', true],
    ['arn:aws:iam::111111111111:role/*/*', true],
    ['arn:aws:sts::*:federated-user/?*', true],
    [ROLE, false],
    ['arn:aws:iam::*:role/Admin*', false],
    ['arn:aws:iam::*:root', false],
    [`arn:aws:iam::${Aws.ACCOUNT_ID}:role/*`, false],
  ])('%s: %s', (arn, every) => {
    expect(exemptsEveryPrincipal(arn)).toBe(every);
  });
});

describe('organizationsPolicyNameProblems', () => {
  test('an ASCII name of 1 to 128 and a description of at most 512 are valid', () => {
    expect(organizationsPolicyNameProblems('x', undefined)).toEqual([]);
    expect(organizationsPolicyNameProblems(`\u0000${'x'.repeat(126)}\u007f`, 'x'.repeat(512))).toEqual([]);
    expect(organizationsPolicyNameProblems('guardrail', '')).toEqual([]);
  });

  test('a name of 129 characters is too long', () => {
    const name = 'x'.repeat(129);
    expect(organizationsPolicyNameProblems(name, undefined)).toEqual([{
      id: 'TrailProtectionPolicyNameLength',
      property: 'policyName',
      value: name,
      rule: 'must be 1 to 128 characters long, got 129 (Organizations CreatePolicy Name)',
      fix: 'shorten it to at most 128 characters',
    }]);
  });

  test('characters beyond ASCII are each named once', () => {
    expect(organizationsPolicyNameProblems('garde-fou-é-ü-é\u0080', undefined)).toEqual([{
      id: 'TrailProtectionPolicyNameCharacters',
      property: 'policyName',
      value: 'garde-fou-é-ü-é\u0080',
      rule: "contains 'é', 'ü' and '\\u0080'; a policy name has characters of the ASCII range only (Organizations CreatePolicy Name)",
      fix: 'remove or replace those characters',
    }]);
  });

  test('a description of 513 characters is too long', () => {
    const description = 'x'.repeat(513);
    expect(organizationsPolicyNameProblems('guardrail', description)).toEqual([{
      id: 'TrailProtectionDescriptionLength',
      property: 'description',
      value: description,
      rule: 'must be 0 to 512 characters long, got 513 (Organizations CreatePolicy Description)',
      fix: 'shorten it to at most 512 characters',
    }]);
  });

  test('both are checked, the name first', () => {
    expect(where(organizationsPolicyNameProblems('', 'x'.repeat(513))))
      .toEqual(['TrailProtectionPolicyNameLength policyName', 'TrailProtectionDescriptionLength description']);
  });

  test('a name or description with a token is left to CloudFormation', () => {
    expect(organizationsPolicyNameProblems(`garde-fou-é-${token()}`, `${token()}${'x'.repeat(600)}`)).toEqual([]);
  });
});

describe('servicePolicySizeProblems', () => {
  /** A document of `size` bytes when minified: {"x":"…"} is 8 bytes around the text. */
  const document = (text: string) => ({ x: text });

  test('a document of 5120 bytes fits; 5121 bytes do not', () => {
    expect(servicePolicySizeProblems('trailArns', document('x'.repeat(5112)))).toEqual([]);
    expect(servicePolicySizeProblems('trailArns', document('x'.repeat(5113)))).toEqual([{
      id: 'TrailProtectionPolicySize',
      property: 'trailArns',
      rule: 'make a policy document of 5121 bytes; a service control policy has at most 5120 characters '
        + '(Organizations User Guide, "Quotas", maximum size of a policy document)',
      fix: 'protect fewer resources per policy (split them over two policies), or use wildcards in the ARNs and exempt principal patterns',
    }]);
  });

  test('the size counts UTF-8 bytes, not characters', () => {
    expect(servicePolicySizeProblems('trailArns', document('é'.repeat(2556)))).toEqual([]);
    expect(servicePolicySizeProblems('trailArns', document('é'.repeat(2557)))[0].rule).toMatch(/^make a policy document of 5122 bytes; /);
  });

  test('an intrinsic counts as an empty string, and the size is then a lower bound', () => {
    const join = { 'Fn::Join': ['', ['x'.repeat(100)]] };
    // {"x":"…","y":""} is 15 bytes around the text
    expect(servicePolicySizeProblems('trailArns', { x: 'x'.repeat(5105), y: join })).toEqual([]);
    expect(servicePolicySizeProblems('trailArns', { x: 'x'.repeat(5106), y: { Ref: 'AWS::AccountId' } })[0].rule)
      .toMatch(/^make a policy document of 5121 bytes at least; a service control policy has at most 5120 characters /);
  });
});
