import { CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { WARNING_ID_PREFIX } from '../../src/core/problems';
import { RULES } from '../../src/core/rule-registry';
import { addOrRequestStatements, PolicyHolder } from '../../src/policy/resource-policy';
import { attachOrRequestPolicy } from '../../src/policy/role-policy';
import { testStack } from '../util';

const CLOUDTRAIL = new iam.ServicePrincipal('cloudtrail.amazonaws.com');

/** The warnings on a construct path, as their annotation ids and messages. */
function warningsOn(stack: Stack, path: string): Array<{ id: string; message: string }> {
  // a template with a resource, which aws-cdk-lib's template validation asks for
  new CfnWaitConditionHandle(stack, 'Placeholder');
  return Annotations.fromStack(stack).findWarning(path, Match.anyValue()).map(w => {
    const message = String(w.entry.data);
    return { id: /\[ack: ([^\]]+)\]$/.exec(message)?.[1] ?? '', message };
  });
}

describe('a resource this stack cannot change', () => {
  test.each<[string, 'BucketPolicyNotManaged' | 'KeyPolicyNotManaged' | 'TopicPolicyNotManaged', (stack: Stack) => PolicyHolder]>([
    ['an imported bucket', 'BucketPolicyNotManaged', stack => s3.Bucket.fromBucketName(stack, 'Theirs', 'their-bucket')],
    ['an imported key', 'KeyPolicyNotManaged', stack => kms.Key.fromKeyArn(stack, 'Theirs', 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab')],
    ['an imported topic', 'TopicPolicyNotManaged', stack => sns.Topic.fromTopicArn(stack, 'Theirs', 'arn:aws:sns:us-east-1:222222222222:deliveries')],
  ])('%s gets the %s warning, with its id first and as the annotation id', (_name, id, holder) => {
    const stack = testStack();
    const scope = new Construct(stack, 'User');
    addOrRequestStatements(scope, holder(stack), [new iam.PolicyStatement({ sid: 'Needed', principals: [CLOUDTRAIL], actions: ['x:Y'], resources: ['*'] })], {
      id, resource: 'the resource', policy: 'resource policy', consequence: 'CloudTrail fails',
    });
    const warnings = warningsOn(stack, '/Stack/User');
    expect(warnings.map(w => w.id)).toEqual([`${WARNING_ID_PREFIX}${id}`]);
    expect(warnings[0].message).toMatch(new RegExp(`^\\[${id}\\] the resource is not managed by this stack, so its resource policy was not changed\\. `
      + 'CloudTrail fails unless its owner adds these statements:\n'));
    expect(warnings[0].message).toContain('"Sid": "Needed"');
    expect(RULES[id].warning).toBe(true);
  });

  test('a resource of this stack gets the statements, and no warning', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'Ours');
    addOrRequestStatements(stack, bucket, [new iam.PolicyStatement({ principals: [CLOUDTRAIL], actions: ['s3:PutObject'], resources: [bucket.arnForObjects('*')] })], {
      id: 'BucketPolicyNotManaged', resource: 'the bucket', policy: 'bucket policy', consequence: 'CloudTrail fails',
    });
    expect(warningsOn(stack, '*')).toEqual([]);
  });
});

describe('a role this stack cannot change', () => {
  test('gets the RolePolicyNotManaged warning on the construct it names', () => {
    const stack = testStack();
    const scope = new Construct(stack, 'User');
    const role = iam.Role.fromRoleArn(stack, 'Theirs', 'arn:aws:iam::111111111111:role/theirs');
    const policy = attachOrRequestPolicy(scope, 'Policy', role, [new iam.PolicyStatement({ actions: ['cloudtrail:GetEventDataStoreData'], resources: ['*'] })], {
      description: 'the policy', warningId: 'RolePolicyNotManaged', roleName: 'their role', consequence: 'The service fails',
    });
    expect(policy).toBeUndefined();
    const warnings = warningsOn(stack, '/Stack/User');
    expect(warnings.map(w => w.id)).toEqual([`${WARNING_ID_PREFIX}RolePolicyNotManaged`]);
    expect(warnings[0].message).toMatch(/^\[RolePolicyNotManaged\] their role arn:aws:iam::111111111111:role\/theirs is not managed by this stack, so its policy was not changed\. /);
    expect(RULES.RolePolicyNotManaged.warning).toBe(true);
  });

  test('a role of this stack gets a managed policy, and no warning', () => {
    const stack = testStack();
    const role = new iam.Role(stack, 'Ours', { assumedBy: CLOUDTRAIL });
    const policy = attachOrRequestPolicy(stack, 'Policy', role, [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })], {
      description: 'the policy', warningId: 'RolePolicyNotManaged', roleName: 'our role', consequence: 'The service fails',
    });
    expect(policy).toBeInstanceOf(iam.ManagedPolicy);
    expect(warningsOn(stack, '*')).toEqual([]);
  });
});
