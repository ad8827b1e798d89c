import { Annotations as ConstructAnnotations, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DataEventSelectors, OrganizationTrail, OrganizationTrailProps, SecurityAlarmCheck } from '../../src';
import { WARNING_ID_PREFIX } from '../../src/core/problems';
import type { RuleId } from '../../src/core/rule-registry';
import { errorOf, testApp, testStack } from '../util';

const ORG_ID = 'o-a1b2c3d4e5';
const PARTITION = { Ref: 'AWS::Partition' };

function trailArn(name: string, account = '111111111111') {
  return { 'Fn::Join': ['', ['arn:', PARTITION, `:cloudtrail:us-east-1:${account}:trail/${name}`]] };
}

function synthTrail(props: Partial<OrganizationTrailProps> = {}, stack: Stack = testStack()) {
  const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'org-trail', ...props });
  return { stack, trail, template: Template.fromStack(stack) };
}

function resourceOfType(template: Template, type: string): { id: string; properties: any } {
  const found = template.findResources(type);
  const ids = Object.keys(found);
  expect(ids).toHaveLength(1);
  return { id: ids[0], properties: found[ids[0]].Properties };
}

function statementsOf(template: Template, type: string, documentProperty: string): any[] {
  return resourceOfType(template, type).properties[documentProperty].Statement;
}

function warningsOf(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => String(w.entry.data));
}

describe('OrganizationTrail defaults', () => {
  const { stack, trail, template } = synthTrail({ trailName: undefined });

  test('creates the trail, a key, the log and access-log buckets, a log group and a role', () => {
    expect(Object.entries(template.toJSON().Resources).map(([, r]: [string, any]) => r.Type).sort()).toEqual([
      'AWS::CloudTrail::Trail',
      'AWS::IAM::ManagedPolicy',
      'AWS::IAM::Role',
      'AWS::KMS::Key',
      'AWS::Logs::LogGroup',
      'AWS::S3::Bucket',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::S3::BucketPolicy',
    ]);
  });

  test('an organization trail, multi-Region, with global events, file validation, logging, KMS and CloudWatch Logs', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      IsLogging: true,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailKey'), 'Arn'] },
      S3BucketName: { Ref: Match.stringLikeRegexp('^TrailLogsBucket') },
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailCloudWatchLogsLogGroup'), 'Arn'] },
      CloudWatchLogsRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailCloudWatchLogsRole'), 'Arn'] },
      AdvancedEventSelectors: [{ Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      S3KeyPrefix: Match.absent(),
      SnsTopicName: Match.absent(),
      InsightSelectors: Match.absent(),
    });
  });

  test('generates a stable, valid trail name from the construct path', () => {
    expect(trail.trailName).toBe('StackTrailFE9DBB82');
    expect(resourceOfType(template, 'AWS::CloudTrail::Trail').properties.TrailName).toBe('StackTrailFE9DBB82');
    const again = synthTrail({ trailName: undefined }).trail;
    expect(again.trailName).toBe(trail.trailName);
  });

  test('the trail waits for the bucket policy and the delivery role policy, which CloudTrail checks on creation', () => {
    const { id } = resourceOfType(template, 'AWS::CloudTrail::Trail');
    const dependsOn: string[] = template.toJSON().Resources[id].DependsOn;
    expect(dependsOn).toEqual(expect.arrayContaining([
      expect.stringMatching(/^TrailLogsBucketPolicy/),
      expect.stringMatching(/^TrailCloudWatchLogsPolicy/),
    ]));
  });

  test('emits no warning', () => {
    expect(warningsOf(stack)).toEqual([]);
  });

  test('trailArn is the trail attribute', () => {
    expect(stack.resolve(trail.trailArn)).toEqual({ 'Fn::GetAtt': [resourceOfType(template, 'AWS::CloudTrail::Trail').id, 'Arn'] });
  });

  test('from another environment, trailArn is built from the generated name', () => {
    const app = testApp();
    const audit = new Stack(app, 'Audit', { env: { account: '111111111111', region: 'us-east-1' } });
    const consumer = new Stack(app, 'Consumer', { env: { account: '333333333333', region: 'eu-west-1' } });
    const crossEnvTrail = new OrganizationTrail(audit, 'Trail', { orgId: ORG_ID });
    expect(consumer.resolve(crossEnvTrail.trailArn)).toEqual({
      'Fn::Join': ['', ['arn:', PARTITION, `:cloudtrail:us-east-1:111111111111:trail/${crossEnvTrail.trailName}`]],
    });
  });
});

describe('log bucket', () => {
  const { template } = synthTrail();
  const buckets = template.findResources('AWS::S3::Bucket');
  const [logBucketId] = Object.keys(buckets).filter(id => id.startsWith('TrailLogsBucket'));
  const [accessLogBucketId] = Object.keys(buckets).filter(id => id.startsWith('TrailLogsAccessLogs'));

  test('blocks public access, disables ACLs, versions, encrypts with the trail key and logs access', () => {
    expect(buckets[logBucketId].Properties).toEqual(expect.objectContaining({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^TrailKey/), 'Arn'] } },
        }],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: accessLogBucketId }, LogFilePrefix: 'bucket-access-logs/' },
      LifecycleConfiguration: {
        Rules: [{
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          NoncurrentVersionExpiration: { NoncurrentDays: 365 },
          Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
          Status: 'Enabled',
        }],
      },
    }));
    expect(buckets[logBucketId].DeletionPolicy).toBe('Retain');
  });

  test('no custom resource or function is needed for EventBridge notifications', () => {
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('Custom::S3BucketNotifications', 0);
  });

  test('the access-log bucket uses SSE-S3 (the only encryption S3 server access logging supports) and no ACLs', () => {
    expect(buckets[accessLogBucketId].Properties).toEqual(expect.objectContaining({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
    }));
    expect(buckets[accessLogBucketId].Properties.AccessControl).toBeUndefined();
  });

  test('the access-log bucket policy lets S3 logging write for the log bucket only', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: accessLogBucketId } } });
    const statements = Object.values(policies)[0].Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual({
      Sid: 'S3ServerAccessLogsDelivery',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [accessLogBucketId, 'Arn'] }, '/bucket-access-logs/*']] },
      Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [logBucketId, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': '111111111111' } },
    });
  });

  test('the bucket policy lets this trail, and only this trail, check the ACL and write account and organization logs', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: logBucketId } } });
    const statements = Object.values(policies)[0].Properties.PolicyDocument.Statement;
    const principal = { Service: 'cloudtrail.amazonaws.com' };
    const writeCondition = { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn('org-trail') } };
    expect(statements.filter((s: any) => s.Principal?.Service === 'cloudtrail.amazonaws.com')).toEqual([
      {
        Sid: 'CloudTrailAclCheck',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:GetBucketAcl',
        Resource: { 'Fn::GetAtt': [logBucketId, 'Arn'] },
        Condition: { StringEquals: { 'aws:SourceArn': trailArn('org-trail') } },
      },
      {
        Sid: 'CloudTrailWriteAccountLogs',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logBucketId, 'Arn'] }, '/AWSLogs/111111111111/*']] },
        Condition: writeCondition,
      },
      {
        Sid: 'CloudTrailWriteOrganizationLogs',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logBucketId, 'Arn'] }, `/AWSLogs/${ORG_ID}/*`]] },
        Condition: writeCondition,
      },
    ]);
  });

  test('the bucket policy denies requests without TLS 1.2', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: logBucketId } } });
    const statements = Object.values(policies)[0].Properties.PolicyDocument.Statement;
    expect(statements).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    ]));
  });

  test('s3KeyPrefix is set on the trail and in both write paths', () => {
    const prefixed = synthTrail({ s3KeyPrefix: 'audit/org' }).template;
    prefixed.hasResourceProperties('AWS::CloudTrail::Trail', { S3KeyPrefix: 'audit/org' });
    const resources = prefixed.toJSON().Resources;
    const policy: any = Object.values(resources).find((r: any) => r.Type === 'AWS::S3::BucketPolicy'
      && JSON.stringify(r).includes('CloudTrailWriteAccountLogs'));
    const writes = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Action === 's3:PutObject' && s.Principal?.Service);
    expect(writes.map((s: any) => s.Resource['Fn::Join'][1][1])).toEqual(['/audit/org/AWSLogs/111111111111/*', `/audit/org/AWSLogs/${ORG_ID}/*`]);
  });

  test('logFileExpiration expires log files', () => {
    synthTrail({ logFileExpiration: Duration.days(2555) }).template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 2555, Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }] })] },
      LoggingConfiguration: Match.anyValue(),
    });
  });

  test.each([1, 30, 90])('log files that expire after %i days stay in their storage class, as S3 takes an expiration only after a transition', days => {
    const rules = synthTrail({ logFileExpiration: Duration.days(days) }).template.findResources('AWS::S3::Bucket');
    for (const bucket of Object.values(rules)) {
      expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: days })]);
      expect(bucket.Properties.LifecycleConfiguration.Rules[0].Transitions).toBeUndefined();
    }
  });
});

describe('log key', () => {
  const { template } = synthTrail();
  const key = resourceOfType(template, 'AWS::KMS::Key');

  test('denies grants except those AWS services create for a resource (Control Tower CT.KMS.PR.3)', () => {
    expect(key.properties.KeyPolicy.Statement[1]).toEqual({
      Sid: 'DenyGrantsExceptForAwsResources',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    });
  });

  test('rotates yearly and is retained', () => {
    expect(key.properties.EnableKeyRotation).toBe(true);
    expect(template.toJSON().Resources[key.id].DeletionPolicy).toBe('Retain');
  });

  test('lets CloudTrail encrypt for this trail and describe the key, and CloudWatch Logs use it for the trail log group only', () => {
    const statements = key.properties.KeyPolicy.Statement;
    expect(statements.slice(2)).toEqual([
      {
        Sid: 'CloudTrailEncryptLogs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceArn': trailArn('org-trail') },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': { 'Fn::Join': ['', ['arn:', PARTITION, ':cloudtrail:*:111111111111:trail/*']] } },
        },
      },
      {
        // The log bucket uses an S3 Bucket Key made with this key: CloudTrail then also decrypts ("Configure AWS KMS key
        // policies for CloudTrail"); the encryption context is the bucket's, so only the trail's SourceArn limits it
        Sid: 'CloudTrailDecryptWithBucketKey',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceArn': trailArn('org-trail') } },
      },
      {
        Sid: 'CloudTrailDescribeKey',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:DescribeKey',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceArn': trailArn('org-trail') } },
      },
      {
        Sid: 'CloudWatchLogsEncryptTrailLogGroup',
        Effect: 'Allow',
        Principal: { Service: 'logs.us-east-1.amazonaws.com' },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: {
          ArnEquals: {
            'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', PARTITION, ':logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-org-trail']] },
          },
        },
      },
      {
        // DescribeKey carries no encryption context: a condition on it could never match
        Sid: 'CloudWatchLogsDescribeKey',
        Effect: 'Allow',
        Principal: { Service: 'logs.us-east-1.amazonaws.com' },
        Action: 'kms:DescribeKey',
        Resource: '*',
      },
    ]);
  });

  test('an imported key is used as is, with a warning that lists the statements its policy needs', () => {
    const stack = testStack();
    const encryptionKey = kms.Key.fromKeyArn(stack, 'Imported', 'arn:aws:kms:us-east-1:111111111111:key/12345678-1234-1234-1234-123456789012');
    const { template: imported } = synthTrail({ encryptionKey }, stack);
    imported.resourceCountIs('AWS::KMS::Key', 0);
    imported.hasResourceProperties('AWS::CloudTrail::Trail', { KMSKeyId: 'arn:aws:kms:us-east-1:111111111111:key/12345678-1234-1234-1234-123456789012' });
    const [warning] = warningsOf(stack);
    expect(warning).toContain('KMS key arn:aws:kms:us-east-1:111111111111:key/12345678-1234-1234-1234-123456789012 is not managed by this stack, '
      + 'so its key policy was not changed. CloudTrail cannot encrypt log files (CreateTrail fails with InsufficientEncryptionPolicyException) '
      + 'unless its owner adds these statements:\n[\n  {\n    "Action": "kms:GenerateDataKey*",');
    expect(warning).toContain('"aws:SourceArn": "arn:${AWS::Partition}:cloudtrail:us-east-1:111111111111:trail/org-trail"');
    expect(warning).toContain('"kms:EncryptionContext:aws:logs:arn": "arn:${AWS::Partition}:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-org-trail"');
  });
});

describe('CloudWatch Logs delivery', () => {
  test('a log group named after the trail, kept one year, encrypted with the trail key', () => {
    const { template } = synthTrail();
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: 'aws-cloudtrail-logs-org-trail',
      RetentionInDays: 365,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailKey'), 'Arn'] },
    });
  });

  test('cloudWatchLogsRetention sets the retention', () => {
    synthTrail({ cloudWatchLogsRetention: logs.RetentionDays.TEN_YEARS }).template
      .hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 3653 });
  });

  test('the role trusts CloudTrail and may write the management account and organization streams of the log group only', () => {
    const { template } = synthTrail();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' } }] },
    });
    const streams = (suffix: string) => ({
      'Fn::Join': ['', ['arn:', PARTITION, `:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-org-trail:log-stream:${suffix}`]],
    });
    const policy = resourceOfType(template, 'AWS::IAM::ManagedPolicy').properties;
    expect(policy.Roles).toEqual([{ Ref: resourceOfType(template, 'AWS::IAM::Role').id }]);
    expect(policy.PolicyDocument.Statement).toEqual([{
      Sid: 'CloudTrailCreateAndWriteLogStreams',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [streams('111111111111_CloudTrail_us-east-1*'), streams(`${ORG_ID}_*`)],
    }]);
  });

  test('cloudWatchLogGroup is used instead of a new group, and the key policy leaves CloudWatch Logs out', () => {
    const stack = testStack();
    const group = new logs.LogGroup(stack, 'Existing', { logGroupName: 'existing-group' });
    const { template, trail } = synthTrail({ cloudWatchLogGroup: group }, stack);
    expect(trail.logGroup).toBe(group);
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResourceProperties('AWS::CloudTrail::Trail', { CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Existing'), 'Arn'] } });
    const keyStatements = statementsOf(template, 'AWS::KMS::Key', 'KeyPolicy');
    expect(keyStatements.map((s: any) => s.Sid)).toEqual([
      undefined, 'DenyGrantsExceptForAwsResources', 'CloudTrailEncryptLogs', 'CloudTrailDecryptWithBucketKey', 'CloudTrailDescribeKey',
    ]);
  });

  test('sendToCloudWatchLogs: false leaves out the group, the role and both trail properties, without a warning', () => {
    const { template, trail, stack } = synthTrail({ sendToCloudWatchLogs: false });
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    template.resourceCountIs('AWS::IAM::Role', 0);
    template.hasResourceProperties('AWS::CloudTrail::Trail', { CloudWatchLogsLogGroupArn: Match.absent(), CloudWatchLogsRoleArn: Match.absent() });
    expect(trail.logGroup).toBeUndefined();
    // The bucket keeps every event: turning CloudWatch Logs delivery off puts no data at risk, so it is no warning.
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe('notifications', () => {
  test('a topic of this stack gets a policy that lets this trail publish, and the trail waits for it', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
    const { template } = synthTrail({ snsTopic: topic }, stack);
    template.hasResourceProperties('AWS::CloudTrail::Trail', { SnsTopicName: { Ref: Match.stringLikeRegexp('^Topic') } });
    const topicId = resourceOfType(template, 'AWS::SNS::Topic').id;
    expect(statementsOf(template, 'AWS::SNS::TopicPolicy', 'PolicyDocument')).toContainEqual({
      Sid: 'CloudTrailPublishLogFileDeliveries',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: topicId },
      Condition: { StringEquals: { 'aws:SourceArn': trailArn('org-trail') } },
    });
    const trailResource = Object.values(template.findResources('AWS::CloudTrail::Trail'))[0];
    expect(trailResource.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^TopicPolicy/)]));
    // the trail names the topic (Ref), which orders the two already
    expect(trailResource.DependsOn).not.toContain(topicId);
  });

  test('an imported topic gets a warning with the statement', () => {
    const stack = testStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:us-east-1:222222222222:trail-deliveries');
    synthTrail({ snsTopic: topic }, stack);
    const [warning] = warningsOf(stack);
    expect(warning).toContain('topic arn:aws:sns:us-east-1:222222222222:trail-deliveries is not managed by this stack, so its topic policy was not changed. '
      + 'CloudTrail cannot notify it (CreateTrail fails with InsufficientSnsTopicPolicyException) unless its owner adds these statements:');
    expect(warning).toContain('"Resource": "arn:aws:sns:us-east-1:222222222222:trail-deliveries"');
  });
});

describe('an existing bucket', () => {
  test('of this stack gets the organization trail statements', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'Existing', { enforceSSL: true });
    const { template, trail } = synthTrail({ bucket }, stack);
    expect(trail.bucket).toBe(bucket);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    const sids = statementsOf(template, 'AWS::S3::BucketPolicy', 'PolicyDocument').map((s: any) => s.Sid);
    expect(sids).toEqual([undefined, 'CloudTrailAclCheck', 'CloudTrailWriteAccountLogs', 'CloudTrailWriteOrganizationLogs']);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('imported by name gets a warning with the exact statements to add', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Archive', 'org-log-archive');
    const { template } = synthTrail({ bucket, s3KeyPrefix: 'trails' }, stack);
    template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    const [warning] = warningsOf(stack);
    expect(warning).toBe('[BucketPolicyNotManaged] bucket org-log-archive is not managed by this stack, so its bucket policy was not changed. CloudTrail cannot deliver log files '
      + '(CreateTrail fails with InsufficientS3BucketPolicyException) unless its owner adds these statements:\n' + JSON.stringify([
      {
        Action: 's3:GetBucketAcl',
        Condition: { StringEquals: { 'aws:SourceArn': 'arn:${AWS::Partition}:cloudtrail:us-east-1:111111111111:trail/org-trail' } },
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Resource: 'arn:${AWS::Partition}:s3:::org-log-archive',
        Sid: 'CloudTrailAclCheck',
      },
      ...[['CloudTrailWriteAccountLogs', '111111111111'], ['CloudTrailWriteOrganizationLogs', ORG_ID]].map(([sid, owner]) => ({
        Action: 's3:PutObject',
        Condition: {
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            'aws:SourceArn': 'arn:${AWS::Partition}:cloudtrail:us-east-1:111111111111:trail/org-trail',
          },
        },
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Resource: `arn:\${AWS::Partition}:s3:::org-log-archive/trails/AWSLogs/${owner}/*`,
        Sid: sid,
      })),
    ], undefined, 2) + ' [ack: cdk-cloudtrail-org:BucketPolicyNotManaged]');
  });

  test('of another stack is not changed (no cross-stack dependency), with a warning', () => {
    const app = testApp();
    const env = { account: '111111111111', region: 'us-east-1' };
    const archive = new Stack(app, 'Archive', { env });
    const bucket = new s3.Bucket(archive, 'Bucket');
    const stack = new Stack(app, 'Audit', { env });
    synthTrail({ bucket }, stack);
    Template.fromStack(archive).resourceCountIs('AWS::S3::BucketPolicy', 0);
    expect(warningsOf(stack).filter(w => w.includes('cdk-cloudtrail-org:'))).toEqual([
      expect.stringMatching(/^\[BucketPolicyNotManaged\] bucket \$\{Token\[TOKEN\.\d+\]\} is not managed by this stack, so its bucket policy was not changed/),
    ]);
  });
});

describe('managementAccountId (deployed from a delegated administrator)', () => {
  const stack = new Stack(testApp(), 'Delegated', { env: { account: '222222222222', region: 'us-east-1' } });
  const { template } = synthTrail({ managementAccountId: '111111111111' }, stack);

  test('scopes every policy to the trail ARN of the management account, which owns organization trails', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).toContain(':cloudtrail:us-east-1:111111111111:trail/org-trail');
    expect(json).not.toContain(':cloudtrail:us-east-1:222222222222:trail/org-trail');
  });

  test('writes the management account logs path and log streams of the management account', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).toContain('/AWSLogs/111111111111/*');
    expect(json).toContain(':logs:us-east-1:222222222222:log-group:aws-cloudtrail-logs-org-trail:log-stream:111111111111_CloudTrail_us-east-1*');
  });
});

describe('event selectors', () => {
  test('management events follow managementEvents and excludeManagementEventSources', () => {
    synthTrail({
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS, cloudtrail.ManagementEventSources.RDS_DATA_API],
    }).template.hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [{
        Name: 'Management events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          { Field: 'readOnly', Equals: ['false'] },
          { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
        ],
      }],
    });
  });

  test('S3 data events leave out the trail\'s own bucket', () => {
    const { template } = synthTrail({ dataEvents: new DataEventSelectors().addS3Objects({ name: 'All objects' }) });
    const logBucket = Object.keys(template.findResources('AWS::S3::Bucket')).find(id => id.startsWith('TrailLogsBucket'));
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [Match.anyValue(), {
        Name: 'All objects',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', NotStartsWith: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logBucket, 'Arn'] }, '/']] }] },
        ],
      }],
    });
  });

  test('the exclusion joins an existing resources.ARN condition, and other types are left alone', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Logs', 'org-logs');
    synthTrail({
      bucket,
      dataEvents: new DataEventSelectors()
        .addS3Objects({ resourceArns: { notStartsWith: ['arn:aws:s3:::scratch/'] } })
        .addLambdaFunctions(),
    }, stack).template.hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [Match.anyValue(), {
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::scratch/', { 'Fn::Join': ['', ['arn:', PARTITION, ':s3:::org-logs/']] }] },
        ],
      }, {
        FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }],
      }],
    });
  });

  test('a selector that names other buckets is left alone', () => {
    const stack = testStack();
    const payments = new s3.Bucket(stack, 'Payments');
    const { template } = synthTrail({ dataEvents: new DataEventSelectors().addS3Objects({ buckets: [payments] }) }, stack);
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [Match.anyValue(), {
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', StartsWith: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Payments'), 'Arn'] }, '/']] }] },
        ],
      }],
    });
  });

  test('a selector that names the trail bucket itself still gets the exclusion', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'Logs');
    const { template } = synthTrail({ bucket, dataEvents: new DataEventSelectors().addS3Objects({ buckets: [bucket] }) }, stack);
    const logsArn = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Logs'), 'Arn'] }, '/']] };
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [Match.anyValue(), {
        FieldSelectors: Match.arrayWith([{ Field: 'resources.ARN', StartsWith: [logsArn], NotStartsWith: [logsArn] }]),
      }],
    });
  });

  test('excludeOwnBucketFromDataEvents: false logs the bucket too, with a warning', () => {
    const { template, stack } = synthTrail({ excludeOwnBucketFromDataEvents: false, dataEvents: new DataEventSelectors().addS3Objects() });
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [Match.anyValue(), { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }],
    });
    expect(warningsOf(stack)).toEqual(['[OwnBucketLogged] excludeOwnBucketFromDataEvents is false and the trail logs S3 data events: if they cover its own bucket, '
      + 'every log delivery is logged again, without end, and billed. [ack: cdk-cloudtrail-org:OwnBucketLogged]']);
  });

  test('excludeOwnBucketFromDataEvents: false without S3 data events is no warning', () => {
    const { stack } = synthTrail({ excludeOwnBucketFromDataEvents: false, dataEvents: new DataEventSelectors().addLambdaFunctions() });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('selectors added after construction are rendered and checked at synth', () => {
    const added = new DataEventSelectors();
    const stack = testStack();
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'org-trail', dataEvents: added });
    added.addLambdaFunctions();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [Match.anyValue(), { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }] }],
    });

    const invalid = new DataEventSelectors();
    const other = testStack();
    new OrganizationTrail(other, 'Trail', { orgId: ORG_ID, trailName: 'org-trail', dataEvents: invalid });
    invalid.addLambdaFunctions({ readWriteType: cloudtrail.ReadWriteType.NONE });
    // A rule of src/selectors, whose id is given there.
    expect(() => Template.fromStack(other)).toThrow(
      /\[Stack\/Trail\] (\[\w+\] )?dataEvents\.addLambdaFunctions\(#1\)\.readWriteType "None": ReadWriteType\.NONE selects no event/);
  });

  test('managementEvents NONE needs data events', () => {
    // A rule of src/selectors, whose id is given there.
    expect(errorOf(() => synthTrail({ managementEvents: cloudtrail.ReadWriteType.NONE })).message).toMatch(new RegExp(
      '^\\[Stack/Trail\\] (\\[\\w+\\] )?managementEvents "None": ReadWriteType\\.NONE leaves no selector, and without selectors CloudTrail logs all '
      + 'management events \\(PutEventSelectors\\)\\. Fix: add data events, or log management events$'));
  });
});

describe('Insights', () => {
  test('insightTypes become insight selectors', () => {
    synthTrail({ insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE] }).template
      .hasResourceProperties('AWS::CloudTrail::Trail', { InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }] });
  });

  test('API error rate Insights work with read-only management events', () => {
    synthTrail({ insightTypes: [cloudtrail.InsightType.API_ERROR_RATE], managementEvents: cloudtrail.ReadWriteType.READ_ONLY }).template
      .hasResourceProperties('AWS::CloudTrail::Trail', { InsightSelectors: [{ InsightType: 'ApiErrorRateInsight' }] });
  });
});

describe('grants and events', () => {
  test('grantRead lets a principal read the bucket and decrypt with the key', () => {
    const stack = testStack();
    const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'org-trail' });
    const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    trail.grantRead(reader);
    const policy = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Reader') }] } }))[0];
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      expect.objectContaining({ Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'] }),
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: { 'Fn::GetAtt': [expect.stringMatching(/^TrailKey/), 'Arn'] } },
    ]);
  });

  test('grantRead on an existing bucket also grants decryption with the trail key', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'Existing', { enforceSSL: true });
    const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'org-trail', bucket });
    const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    trail.grantRead(reader);
    const policy = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Reader') }] } }))[0];
    expect(policy.Properties.PolicyDocument.Statement.map((s: any) => s.Action)).toEqual([['s3:GetObject*', 's3:GetBucket*', 's3:List*'], 'kms:Decrypt']);
  });

  test('onEvent makes a rule for API calls recorded by CloudTrail', () => {
    const stack = testStack();
    OrganizationTrail.onEvent(stack, 'ConsoleLogins', { eventPattern: { source: ['aws.signin'] } });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.signin'], 'detail-type': ['AWS API Call via CloudTrail'] },
    });
  });

  test('onEvent passes the target', () => {
    const stack = testStack();
    const target: events.IRuleTarget = { bind: () => ({ arn: 'arn:aws:sns:us-east-1:111111111111:t', id: 'T' }) };
    OrganizationTrail.onEvent(stack, 'Any', { target });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', { Targets: [{ Arn: 'arn:aws:sns:us-east-1:111111111111:t', Id: 'T' }] });
  });
});

describe('security alarms', () => {
  test('addSecurityAlarms puts every CIS metric filter on the trail log group', () => {
    const stack = testStack();
    const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'org-trail' });
    const topic = new sns.Topic(stack, 'Alarms', { enforceSSL: true });
    trail.addSecurityAlarms('SecurityAlarms', { topic });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Logs::MetricFilter', SecurityAlarmCheck.all().length);
    template.resourceCountIs('AWS::CloudWatch::Alarm', SecurityAlarmCheck.all().length);
    template.allResourcesProperties('AWS::Logs::MetricFilter', { LogGroupName: { Ref: Match.stringLikeRegexp('^TrailCloudWatchLogsLogGroup') } });
  });

  test('addSecurityAlarms needs CloudWatch Logs delivery', () => {
    const stack = testStack();
    const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'org-trail', sendToCloudWatchLogs: false });
    expect(errorOf(() => trail.addSecurityAlarms('SecurityAlarms', { topic: new sns.Topic(stack, 'Alarms') })).message).toBe(
      '[Stack/Trail] [SecurityAlarmsNeedLogGroup] sendToCloudWatchLogs false: security alarms filter the events in the trail\'s log group, and the trail has none. '
      + 'Fix: leave sendToCloudWatchLogs on, or pass cloudWatchLogGroup');
  });
});

describe('warnings for risky opt-outs', () => {
  test.each<[Partial<OrganizationTrailProps>, RuleId, string]>([
    [{ isMultiRegionTrail: false, includeGlobalServiceEvents: true }, 'SingleRegionTrail', 'isMultiRegionTrail is false: activity in every Region but '
      + 'us-east-1 goes unlogged, including activity of an attacker who picks an unused Region.'],
    [{ isMultiRegionTrail: false, includeGlobalServiceEvents: false }, 'NoGlobalServiceEvents', 'includeGlobalServiceEvents is false: IAM, AWS STS '
      + 'and CloudFront API calls are not logged.'],
    [{ enableFileValidation: false }, 'NoLogFileValidation', 'enableFileValidation is false: no digest files are delivered, so nobody can prove later '
      + 'that log files were not changed or deleted.'],
    [{ isLogging: false }, 'TrailNotLogging', 'isLogging is false: the trail is created but logs nothing until logging is started.'],
  ])('%j warns with %s', (props, id, message) => {
    const { stack } = synthTrail(props);
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Trail', Match.stringLikeRegexp(`^\\[${id}\\] `));
    annotations.hasWarning('/Stack/Trail', `[${id}] ${message} [ack: ${WARNING_ID_PREFIX}${id}]`);
  });

  test('a warning is acknowledged by its id', () => {
    const stack = testStack();
    const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'org-trail', enableFileValidation: false });
    ConstructAnnotations.of(trail).acknowledgeWarning('cdk-cloudtrail-org:NoLogFileValidation', 'digests are not used in this sandbox');
    expect(warningsOf(stack)).toEqual([]);
  });

  test('a single-Region trail with every other default warns only about the single Region', () => {
    expect(warningsOf(synthTrail({ isMultiRegionTrail: false }).stack)).toEqual([expect.stringMatching(/^\[SingleRegionTrail\] /)]);
  });
});

describe('snapshots', () => {
  test('default trail', () => {
    expect(synthTrail({ trailName: undefined }).template.toJSON()).toMatchSnapshot();
  });

  test('trail with an existing bucket, a topic, data events and Insights', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Archive', 'org-log-archive');
    const snsTopic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
    expect(synthTrail({
      bucket,
      snsTopic,
      s3KeyPrefix: 'trails',
      dataEvents: new DataEventSelectors().addS3Objects().addLambdaFunctions(),
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE],
    }, stack).template.toJSON()).toMatchSnapshot();
  });
});
