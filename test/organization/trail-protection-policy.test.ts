import { Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TrailProtectionPolicy, TrailProtectionPolicyProps } from '../../src';
import { errorOf, testStack } from '../util';

const TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-audit';
const STORE = 'arn:aws:cloudtrail:us-east-1:222222222222:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE';
const KEY = 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const EXEMPT = 'arn:aws:iam::*:role/AWSControlTowerExecution';

function policyOf(stack: Stack): Record<string, any> {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::Organizations::Policy'));
  expect(policies).toHaveLength(1);
  return policies[0].Properties;
}

function protect(props: Partial<TrailProtectionPolicyProps> = {}, stack = testStack()): Stack {
  new TrailProtectionPolicy(stack, 'Protect', { trailArns: [TRAIL], targetIds: ['r-a1b2'], ...props });
  return stack;
}

describe('TrailProtectionPolicy', () => {
  test('by default: one service control policy denying every trail change, to everyone in the targets', () => {
    const properties = policyOf(protect());
    expect(properties).toEqual({
      Name: expect.stringMatching(/^StackProtect/),
      Description: 'Denies stopping, deleting or weakening the organization trail and its log archive.',
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: ['r-a1b2'],
      Content: {
        Version: '2012-10-17',
        Statement: [{
          Sid: 'DenyTrailTampering',
          Effect: 'Deny',
          Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors',
            'cloudtrail:PutInsightSelectors', 'cloudtrail:PutEventConfiguration'],
          Resource: TRAIL,
        }],
      },
    });
  });

  test('protects event data stores, log buckets and keys, each on the actions of its resource type, with the exemption on every statement', () => {
    const stack = testStack();
    const properties = policyOf(protect({
      eventDataStoreArns: [STORE],
      logArchiveBuckets: [s3.Bucket.fromBucketName(stack, 'Archive', 'log-archive-222222222222')],
      logArchiveKeys: [kms.Key.fromKeyArn(stack, 'Key', KEY)],
      exemptPrincipalArns: [EXEMPT, 'arn:aws:iam::111111111111:role/deploy'],
      targetIds: ['ou-a1b2-c3d4e5f6', '222222222222'],
      policyName: 'protect-organization-trail',
      description: 'Log archive guardrail',
    }, stack));
    expect(properties.Name).toBe('protect-organization-trail');
    expect(properties.Description).toBe('Log archive guardrail');
    expect(properties.TargetIds).toEqual(['ou-a1b2-c3d4e5f6', '222222222222']);
    const statements = properties.Content.Statement as Array<Record<string, any>>;
    expect(statements.map(s => s.Sid)).toEqual(['DenyTrailTampering', 'DenyEventDataStoreTampering', 'DenyLogBucketTampering', 'DenyLogKeyTampering']);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Deny');
      expect(statement.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': [EXEMPT, 'arn:aws:iam::111111111111:role/deploy'] } });
    }
    expect(statements[1]).toEqual(expect.objectContaining({
      Action: ['cloudtrail:DeleteEventDataStore', 'cloudtrail:UpdateEventDataStore', 'cloudtrail:StopEventDataStoreIngestion',
        'cloudtrail:PutInsightSelectors', 'cloudtrail:PutEventConfiguration', 'cloudtrail:PutResourcePolicy', 'cloudtrail:DeleteResourcePolicy'],
      Resource: STORE,
    }));
    expect(statements[2]).toEqual(expect.objectContaining({
      Action: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutLifecycleConfiguration', 's3:PutBucketObjectLockConfiguration',
        's3:PutBucketVersioning', 's3:PutEncryptionConfiguration', 's3:PutBucketLogging', 's3:DeleteBucket'],
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::log-archive-222222222222']] },
    }));
    expect(statements[3]).toEqual(expect.objectContaining({
      Action: ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:DisableKeyRotation'],
      Resource: KEY,
    }));
  });

  test('exposes the policy\'s ID, ARN, name and document', () => {
    const stack = testStack();
    const policy = new TrailProtectionPolicy(stack, 'Protect', { trailArns: [TRAIL], targetIds: ['r-a1b2'], policyName: 'guardrail' });
    const [logicalId] = Object.keys(Template.fromStack(stack).findResources('AWS::Organizations::Policy'));
    expect(stack.resolve(policy.policyId)).toEqual({ 'Fn::GetAtt': [logicalId, 'Id'] });
    expect(stack.resolve(policy.policyArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
    expect(policy.policyName).toBe('guardrail');
    expect(stack.resolve(policy.document)).toEqual(policyOf(stack).Content);
  });

  test('a generated name fits the 128 characters of a policy name', () => {
    const stack = testStack('S'.repeat(100));
    const policy = new TrailProtectionPolicy(stack, 'P'.repeat(100), { trailArns: [TRAIL], targetIds: ['r-a1b2'] });
    expect(policy.policyName.length).toBeLessThanOrEqual(128);
    expect(policyOf(stack).Name).toBe(policy.policyName);
  });

  test('tokens are not checked: a trail ARN and targets only CloudFormation knows', () => {
    const stack = testStack();
    expect(() => protect({ trailArns: [Token.asString({ Ref: 'TrailArn' })], targetIds: Token.asList({ Ref: 'Targets' }) }, stack)).not.toThrow();
    expect(policyOf(stack).Content.Statement[0].Resource).toEqual({ Ref: 'TrailArn' });
  });

  test('a log archive key named by its alias is rejected: the Deny would deny nothing (TrailProtectionKeyArn)', () => {
    const stack = testStack();
    const alias = kms.Key.fromKeyArn(stack, 'Alias', 'arn:aws:kms:us-east-1:444444444444:alias/organization-trail');
    expect(errorOf(() => protect({ logArchiveKeys: [alias] }, stack)).message).toBe('[Stack/Protect] [TrailProtectionKeyArn] logArchiveKeys[0] '
      + '"arn:aws:kms:us-east…:444444444444:alias/organization-trail" (length 59): is an alias ARN: AWS KMS authorizes PutKeyPolicy, ScheduleKeyDeletion and '
      + 'DisableKey on the key ARN, so a Deny on the alias denies nothing (Service Authorization Reference, "Resource types defined by AWS Key '
      + 'Management Service"). Fix: pass the key by its key ARN, e.g. kms.Key.fromKeyArn(this, \'Key\', \'arn:aws:kms:<region>:<account>:key/<key id>\')');
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:444444444444:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(() => protect({ logArchiveKeys: [key] }, testStack())).not.toThrow();
  });

  describe('rules', () => {
    test.each<[string, Partial<TrailProtectionPolicyProps>, string]>([
      ['no trail', { trailArns: [] }, 'TrailProtectionListNotEmpty'],
      ['no target', { targetIds: [] }, 'TrailProtectionListNotEmpty'],
      ['a root ID too short', { targetIds: ['r-a1b'] }, 'TrailProtectionTargetId'],
      ['a root ID in upper case', { targetIds: ['r-A1B2'] }, 'TrailProtectionTargetId'],
      ['an OU ID without its second part', { targetIds: ['ou-a1b2'] }, 'TrailProtectionTargetId'],
      ['an OU ID with a short second part', { targetIds: ['ou-a1b2-c3d4e5f'] }, 'TrailProtectionTargetId'],
      ['an account ID of 11 digits', { targetIds: ['22222222222'] }, 'TrailProtectionTargetId'],
      ['an organization ID', { targetIds: ['o-a1b2c3d4e5'] }, 'TrailProtectionTargetId'],
      ['a target twice', { targetIds: ['r-a1b2', 'r-a1b2'] }, 'TrailProtectionTargetUnique'],
      ['a trail name instead of its ARN', { trailArns: ['organization-audit'] }, 'TrailProtectionResourceArnFormat'],
      ['an event data store ARN as a trail', { trailArns: [STORE] }, 'TrailProtectionResourceArnFormat'],
      ['a trail ARN as an event data store', { eventDataStoreArns: [TRAIL] }, 'TrailProtectionResourceArnFormat'],
      ['a role session ARN', { exemptPrincipalArns: ['arn:aws:sts::111111111111:assumed-role/deploy/session'] }, 'TrailProtectionExemptPrincipalFormat'],
      ['a role name', { exemptPrincipalArns: ['AWSControlTowerExecution'] }, 'TrailProtectionExemptPrincipalFormat'],
      ['a pattern matching every ARN', { exemptPrincipalArns: ['arn:aws:iam::*:*'] }, 'TrailProtectionExemptPrincipalFormat'],
      ['an empty policy name', { policyName: '' }, 'TrailProtectionPolicyNameLength'],
      ['a policy name of 129 characters', { policyName: 'p'.repeat(129) }, 'TrailProtectionPolicyNameLength'],
      ['a policy name outside ASCII', { policyName: 'schütze-den-trail' }, 'TrailProtectionPolicyNameCharacters'],
      ['a policy name with half a character', { policyName: 'trail-\ud83d' }, 'UnicodeText'],
      ['a description of 513 characters', { description: 'd'.repeat(513) }, 'TrailProtectionDescriptionLength'],
      ['a policy document over 5,120 characters', {
        trailArns: Array.from({ length: 80 }, (_, i) => `arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-audit-${i}`),
      }, 'TrailProtectionPolicySize'],
    ])('%s: %s', (_, props, id) => {
      expect(() => protect(props)).toThrow(new RegExp(`\\[${id}\\]`));
    });

    test.each<[string, Partial<TrailProtectionPolicyProps>]>([
      ['root, OU and account IDs at their bounds', { targetIds: ['r-a1b2', `r-${'a'.repeat(32)}`, 'ou-a1b2-c3d4e5f6', `ou-${'a'.repeat(32)}-${'b'.repeat(32)}`, '222222222222'] }],
      ['trail and store ARNs with wildcards', { trailArns: ['arn:aws:cloudtrail:*:*:trail/aws-controltower-*'], eventDataStoreArns: ['arn:aws:cloudtrail:*:222222222222:eventdatastore/*'] }],
      ['role, user, root and federated user patterns', {
        exemptPrincipalArns: [EXEMPT, 'arn:aws:iam::111111111111:role/path/deploy', 'arn:aws:iam::222222222222:user/break-glass',
          'arn:aws:iam::222222222222:root', 'arn:aws-us-gov:sts::222222222222:federated-user/auditor'],
      }],
      ['a policy name of 128 ASCII characters', { policyName: `~${'p'.repeat(126)} ` }],
      ['a description of 512 characters', { description: 'd'.repeat(512) }],
    ])('accepts %s', (_, props) => {
      expect(() => protect(props)).not.toThrow();
    });

    test('the message names the target, the formats and where to find the IDs', () => {
      expect(errorOf(() => protect({ targetIds: ['o-a1b2c3d4e5'] })).message).toBe('[Stack/Protect] [TrailProtectionTargetId] targetIds[0] "o-a1b2c3d4e5": '
        + "is no root ID ('r-' and 4 to 32 lowercase letters or digits), OU ID ('ou-', the root's 4 to 32, '-' and 8 to 32 more) or 12-digit account ID "
        + '(Organizations API model PolicyTargetId: RootId, OrganizationalUnitId or AccountId). '
        + 'Fix: copy the ID from `aws organizations list-roots`, `list-organizational-units-for-parent` or `list-accounts`');
    });

    test('a role session ARN is explained: aws:PrincipalArn holds the role\'s ARN', () => {
      expect(errorOf(() => protect({ exemptPrincipalArns: ['arn:aws:sts::111111111111:assumed-role/deploy/session'] })).message)
        .toMatch(/is a role session ARN; aws:PrincipalArn holds the ARN of the role itself, so this pattern never matches .* Fix: use the role ARN/);
    });

    test('every problem is reported at once', () => {
      const message = errorOf(() => protect({ trailArns: [], targetIds: ['r-1'], policyName: '' })).message;
      expect([...message.matchAll(/\[(TrailProtection\w+)\]/g)].map(m => m[1]))
        .toEqual(['TrailProtectionListNotEmpty', 'TrailProtectionTargetId', 'TrailProtectionPolicyNameLength']);
    });

    test('the size counts the minified document; a token counts as empty, and the message says the size is a lower bound', () => {
      const stack = testStack();
      const arns = Array.from({ length: 80 }, (_, i) => `arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-audit-${i}`);
      const message = errorOf(() => protect({ trailArns: [...arns, Token.asString({ Ref: 'TrailArn' })] }, stack)).message;
      expect(message).toMatch(/\[TrailProtectionPolicySize\] .*: make a policy document of \d+ bytes at least; a service control policy has at most 5120 characters/);
      const exact = errorOf(() => protect({ trailArns: arns })).message;
      const [, bytes] = /of (\d+) bytes;/.exec(exact)!;
      const document = {
        Statement: [{
          Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors',
            'cloudtrail:PutInsightSelectors', 'cloudtrail:PutEventConfiguration'],
          Effect: 'Deny',
          Resource: arns,
          Sid: 'DenyTrailTampering',
        }],
        Version: '2012-10-17',
      };
      expect(Number(bytes)).toBe(JSON.stringify(document).length);
    });

    test('a policy of exactly 5,120 bytes is accepted, one byte more is not', () => {
      // 5,120 bytes exactly: the document of 50 trail ARNs, padded in the last ARN's name
      const arns = Array.from({ length: 50 }, (_, i) => `arn:aws:cloudtrail:us-east-1:111111111111:trail/t${i}`);
      const stack = testStack();
      const base = JSON.stringify(stack.resolve(new TrailProtectionPolicy(stack, 'Probe', { trailArns: arns, targetIds: ['r-a1b2'] }).document)).length;
      const padded = [...arns.slice(0, -1), `${arns[arns.length - 1]}${'x'.repeat(5120 - base)}`];
      expect(() => protect({ trailArns: padded })).not.toThrow();
      expect(() => protect({ trailArns: [...arns.slice(0, -1), `${padded[padded.length - 1]}x`] })).toThrow(/\[TrailProtectionPolicySize\]/);
    });
  });

  describe('warnings', () => {
    test('an exemption of every role of the accounts warns, naming the pattern', () => {
      const stack = protect({ exemptPrincipalArns: [EXEMPT, 'arn:aws:iam::222222222222:role/*'] });
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('TrailProtectionBroadExemption'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].entry.data).toMatch(/^\[TrailProtectionBroadExemption\] exemptPrincipalArns arn:aws:iam::222222222222:role\/\* exempt every role or user/);
    });

    test('named roles, even with wildcards in the account or the name, do not warn', () => {
      const stack = protect({ exemptPrincipalArns: [EXEMPT, 'arn:aws:iam::222222222222:role/deploy-*'] });
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    });
  });
});
