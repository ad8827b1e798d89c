import { Errors, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IOrganizationTrail, OrganizationTrail, SecurityAlarmCheck } from '../../src';
import { errorOf, testStack } from '../util';

// Control Tower's organization trail, deployed by the landing zone in the management account
const CONTROL_TOWER_TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/aws-controltower-BaselineCloudTrail';
const KEY_ARN = 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function controlTowerTrail(stack: Stack): IOrganizationTrail {
  return OrganizationTrail.fromTrailAttributes(stack, 'ControlTower', {
    trailArn: CONTROL_TOWER_TRAIL,
    bucket: s3.Bucket.fromBucketName(stack, 'LogArchive', 'aws-controltower-logs-222222222222-us-east-1'),
    encryptionKey: kms.Key.fromKeyArn(stack, 'LogKey', KEY_ARN),
    logGroup: logs.LogGroup.fromLogGroupName(stack, 'TrailLogs', 'aws-controltower/CloudTrailLogs'),
  });
}

function auditor(stack: Stack): iam.Role {
  return new iam.Role(stack, 'Auditor', { assumedBy: new iam.AccountRootPrincipal() });
}

describe('OrganizationTrail.fromTrailArn', () => {
  test('takes the name, account and Region from the ARN', () => {
    const stack = testStack();
    const trail = OrganizationTrail.fromTrailArn(stack, 'Imported', 'arn:aws-us-gov:cloudtrail:us-gov-west-1:222222222222:trail/org-audit');
    expect(trail.trailArn).toBe('arn:aws-us-gov:cloudtrail:us-gov-west-1:222222222222:trail/org-audit');
    expect(trail.trailName).toBe('org-audit');
    expect(trail.env).toEqual({ account: '222222222222', region: 'us-gov-west-1' });
    expect(trail.logGroup).toBeUndefined();
  });

  test('takes a token ARN, whose name CloudFormation takes from the ARN', () => {
    const stack = testStack();
    const trail = OrganizationTrail.fromTrailArn(stack, 'Imported', Lazy.string({ produce: () => CONTROL_TOWER_TRAIL }));
    expect(stack.resolve(trail.trailName)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', CONTROL_TOWER_TRAIL] }] }] }] });
    expect(trail.env.account).toBe('111111111111');
  });

  test('rejects a malformed ARN with the rule, the value and the fix', () => {
    const arn = 'arn:aws:cloudtrail:us-east-1:111111111111:audit';
    const error = errorOf(() => OrganizationTrail.fromTrailArn(testStack(), 'Imported', arn));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe(`[Stack/Imported] [TrailArnFormat] trailArn ${JSON.stringify(arn)}: must be a trail ARN, `
      + 'arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (CreateTrail TrailARN). '
      + 'Fix: copy the ARN from `aws cloudtrail describe-trails` (TrailARN)');
  });

  test.each([
    ['a trail name instead of an ARN', 'aws-controltower-BaselineCloudTrail', 'TrailArnFormat'],
    ['another service', 'arn:aws:s3:us-east-1:111111111111:trail/audit', 'TrailArnFormat'],
    ['a short account', 'arn:aws:cloudtrail:us-east-1:1111:trail/audit', 'TrailArnFormat'],
    ['no Region', 'arn:aws:cloudtrail::111111111111:trail/audit', 'TrailArnFormat'],
    ['a Region of another partition', 'arn:aws:cloudtrail:cn-north-1:111111111111:trail/audit', 'TrailArnFormat'],
    ['an unknown partition', 'arn:aws-mars:cloudtrail:us-east-1:111111111111:trail/audit', 'TrailArnFormat'],
    ['no name', 'arn:aws:cloudtrail:us-east-1:111111111111:trail/', 'TrailNameLength'],
    ['a name with a space', 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org audit', 'TrailNameCharacters'],
    ['adjacent separators in the name', 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org--audit', 'TrailNameSeparators'],
  ])('rejects %s', (_, arn, id) => {
    expect(errorOf(() => OrganizationTrail.fromTrailArn(testStack(), 'Imported', arn)).message)
      .toMatch(new RegExp(`^\\[Stack/Imported\\] \\[${id}\\] trailArn `));
  });

  test.each([
    ['aws-cn', 'arn:aws-cn:cloudtrail:cn-north-1:111111111111:trail/audit'],
    ['aws-eusc', 'arn:aws-eusc:cloudtrail:eusc-de-east-1:111111111111:trail/audit'],
  ])('accepts an ARN of the %s partition', (_, arn) => {
    expect(OrganizationTrail.fromTrailArn(testStack(), 'Imported', arn).trailName).toBe('audit');
  });

  test('grantRead without a bucket throws ImportedTrailNeedsBucket', () => {
    const stack = testStack();
    const trail = OrganizationTrail.fromTrailArn(stack, 'Imported', CONTROL_TOWER_TRAIL);
    const error = errorOf(() => trail.grantRead(auditor(stack)));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe('[Stack/Imported] [ImportedTrailNeedsBucket] bucket: grantRead grants reading the trail\'s log bucket, '
      + 'and the imported trail names none. Fix: import the trail with OrganizationTrail.fromTrailAttributes and pass its bucket (and encryptionKey)');
  });

  test('addSecurityAlarms without a log group throws SecurityAlarmsNeedLogGroup', () => {
    const stack = testStack();
    const trail = OrganizationTrail.fromTrailArn(stack, 'Imported', CONTROL_TOWER_TRAIL);
    const topic = new sns.Topic(stack, 'Topic');
    expect(() => trail.addSecurityAlarms('Alarms', { topic })).toThrow(/^\[Stack\/Imported\] \[SecurityAlarmsNeedLogGroup\] logGroup: /);
  });
});

describe('OrganizationTrail.fromTrailAttributes', () => {
  test('grantRead grants the bucket\'s objects and decryption with the given key', () => {
    const stack = testStack();
    const trail = controlTowerTrail(stack);
    const role = auditor(stack);
    const grant = trail.grantRead(role);
    expect(grant.success).toBe(true);
    const statements = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    const document = Object.values(statements)[0].Properties.PolicyDocument;
    expect(document.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'], Effect: 'Allow' }),
      expect.objectContaining({ Action: 'kms:Decrypt', Effect: 'Allow', Resource: KEY_ARN }),
    ]));
    expect(document.Statement).toHaveLength(2);
  });

  test('grantRead with a bucket and no key grants the bucket only', () => {
    const stack = testStack();
    const trail = OrganizationTrail.fromTrailAttributes(stack, 'Imported', {
      trailArn: CONTROL_TOWER_TRAIL,
      bucket: s3.Bucket.fromBucketName(stack, 'Logs', 'audit-logs'),
    });
    trail.grantRead(auditor(stack));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'] })] },
    });
  });

  test('addSecurityAlarms filters Control Tower\'s log group', () => {
    const stack = testStack();
    const alarms = controlTowerTrail(stack).addSecurityAlarms('Alarms', {
      topic: new sns.Topic(stack, 'Topic'),
      checks: [SecurityAlarmCheck.ROOT_ACCOUNT_USAGE],
    });
    expect(alarms.node.path).toBe('Stack/ControlTower/Alarms');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Logs::MetricFilter', 1);
    template.hasResourceProperties('AWS::Logs::MetricFilter', { LogGroupName: 'aws-controltower/CloudTrailLogs', MetricTransformations: [Match.objectLike({ MetricName: 'RootAccountUsage' })] });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 1);
  });

  test('a created trail is an IOrganizationTrail with its log group', () => {
    const stack = testStack();
    const created = new OrganizationTrail(stack, 'Trail', { orgId: 'o-a1b2c3d4e5' });
    const trail: IOrganizationTrail = created;
    expect(trail.logGroup).toBe(created.logGroup);
    expect(trail.logGroup).toBeDefined();
  });
});
