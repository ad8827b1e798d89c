import { App, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ILogArchive, LogArchiveAttributes, OrganizationTrail, OrganizationTrailProps, TrailLogArchive, TrailLogArchiveProps } from '../../src';
import type { RuleId } from '../../src/core/rule-registry';
import { errorOf, testApp } from '../util';

const ORG_ID = 'o-a1b2c3d4e5';
const MANAGEMENT = '111111111111';
const LOG_ARCHIVE = '444444444444';
const PARTITION = { Ref: 'AWS::Partition' };
const SOURCE = '(CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" and "Configure AWS KMS key policies for CloudTrail")';
const TRAIL_ARN = { 'Fn::Join': ['', ['arn:', PARTITION, `:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`]] };

function archiveStack(app = testApp(), region = 'us-east-1'): Stack {
  return new Stack(app, 'LogArchive', { env: { account: LOG_ARCHIVE, region } });
}

function archive(props: Partial<TrailLogArchiveProps> = {}, stack = archiveStack()): TrailLogArchive {
  return new TrailLogArchive(stack, 'Archive', { orgId: ORG_ID, managementAccountId: MANAGEMENT, trailName: 'org-trail', ...props });
}

/** The management account's stack, with a trail on the given archive. */
function trailOn(logArchive: ILogArchive, props: Partial<OrganizationTrailProps> = {}, app = logArchive.node.root as App, account = MANAGEMENT) {
  const stack = new Stack(app, 'Management', { env: { account, region: 'us-east-1' } });
  const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, logArchive, ...props });
  return { stack, trail };
}

function statements(template: Template, type: string, property: string): any[] {
  return Object.values(template.findResources(type)).flatMap((r: any) => r.Properties[property].Statement);
}

describe('TrailLogArchive', () => {
  const stack = archiveStack();
  const logArchive = archive({}, stack);
  logArchive.grantRead(iam.Role.fromRoleArn(stack, 'Reader', 'arn:aws:iam::333333333333:role/log-reader', { mutable: false }));
  const template = Template.fromStack(stack);

  test('creates the log bucket, its access-log bucket and the key with the trail\'s secure defaults', () => {
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { LogFilePrefix: 'bucket-access-logs/' },
    });
  });

  test('the bucket policy admits the organization trail of the management account, under both log prefixes', () => {
    const bucket = statements(template, 'AWS::S3::BucketPolicy', 'PolicyDocument');
    expect(bucket).toContainEqual(expect.objectContaining({
      Sid: 'CloudTrailAclCheck', Action: 's3:GetBucketAcl', Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
    }));
    const writes = bucket.filter(s => s.Sid?.startsWith('CloudTrailWrite'));
    expect(writes.map(s => JSON.stringify(s.Resource))).toEqual([
      expect.stringContaining(`/AWSLogs/${MANAGEMENT}/*`), expect.stringContaining(`/AWSLogs/${ORG_ID}/*`),
    ]);
    for (const write of writes) {
      expect(write.Condition).toEqual({ StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': TRAIL_ARN } });
    }
  });

  test('the key policy lets CloudTrail encrypt for the management account\'s trail only, and CloudWatch Logs not at all', () => {
    const key = statements(template, 'AWS::KMS::Key', 'KeyPolicy');
    expect(key).toContainEqual(expect.objectContaining({
      Sid: 'CloudTrailEncryptLogs',
      Condition: {
        StringEquals: { 'aws:SourceArn': TRAIL_ARN },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': { 'Fn::Join': ['', ['arn:', PARTITION, `:cloudtrail:*:${MANAGEMENT}:trail/*`]] } },
      },
    }));
    expect(key.map(s => s.Sid)).not.toContain('CloudWatchLogsEncryptTrailLogGroup');
  });

  test('grantRead admits a role of another account in the bucket policy and in the key policy', () => {
    const reader = { AWS: 'arn:aws:iam::333333333333:role/log-reader' };
    expect(statements(template, 'AWS::S3::BucketPolicy', 'PolicyDocument')).toContainEqual(expect.objectContaining({
      Principal: reader, Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
    }));
    expect(statements(template, 'AWS::KMS::Key', 'KeyPolicy')).toContainEqual(expect.objectContaining({ Principal: reader, Action: ['kms:Decrypt', 'kms:DescribeKey'] }));
  });

  test('the key has an alias, whose ARN other accounts name before deployment', () => {
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: Match.stringLikeRegexp('^alias/LogArchive-[0-9A-F]{8}$') });
    expect(logArchive.encryptionKey.keyArn).toMatch(new RegExp(`^arn:aws:kms:us-east-1:${LOG_ARCHIVE}:alias/LogArchive-[0-9A-F]{8}$`));
    // an environment-agnostic stack names it with references
    const agnostic = archive({}, new Stack(testApp(), 'Agnostic'));
    expect(JSON.stringify(Stack.of(agnostic).resolve(agnostic.encryptionKey.keyArn))).toMatch(/"AWS::AccountId"},":alias\/Agnostic-Archive-[0-9A-F]{8}"/);
  });

  test('a generated alias name stays within KMS\'s 256 characters, however long the construct path', () => {
    const longStack = archiveStack();
    new TrailLogArchive(longStack, 'A'.repeat(300), { orgId: ORG_ID, managementAccountId: MANAGEMENT, trailName: 'org-trail' });
    const [alias] = Object.values(Template.fromStack(longStack).findResources('AWS::KMS::Alias')) as any[];
    expect(alias.Properties.AliasName).toHaveLength(256);
    expect(alias.Properties.AliasName).toMatch(/^alias\/[A-Za-z0-9/_-]+$/);
  });

  test('a key prefix, a Region of its own, a lifecycle and Object Lock retention', () => {
    const other = archiveStack();
    archive({
      s3KeyPrefix: 'org',
      trailRegion: 'eu-west-1',
      logFileExpiration: Duration.days(3653),
      objectLockRetention: s3.ObjectLockRetention.compliance(Duration.days(3653)),
      removalPolicy: RemovalPolicy.DESTROY,
    }, other);
    const t = Template.fromStack(other);
    t.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Days: 3653, Mode: 'COMPLIANCE' } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 3653 })] },
    });
    const arn = { 'Fn::Join': ['', ['arn:', PARTITION, `:cloudtrail:eu-west-1:${MANAGEMENT}:trail/org-trail`]] };
    expect(statements(t, 'AWS::S3::BucketPolicy', 'PolicyDocument')).toContainEqual(expect.objectContaining({
      Sid: 'CloudTrailWriteOrganizationLogs',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ArchiveLogsBucket/), 'Arn'] }, `/org/AWSLogs/${ORG_ID}/*`]] },
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': arn } },
    }));
    t.allResources('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });

  test.each<[string, Partial<TrailLogArchiveProps>, RuleId, string]>([
    ['log files expiring before their retention ends',
      { logFileExpiration: Duration.days(30), objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(365)) },
      'ObjectLockRetentionOutlivesExpiration',
      '[LogArchive/Archive] [ObjectLockRetentionOutlivesExpiration] objectLockRetention "365 days": log files expire after 30 days (logFileExpiration), '
      + 'before their Object Lock retention ends; lifecycle rules cannot delete a version under retention, so they stay stored and billed '
      + '(Amazon S3 User Guide, "How S3 Object Lock works"). Fix: set logFileExpiration to at least 365 days, or shorten the retention'],
    ['a malformed organization ID', { orgId: 'o-x' }, 'OrganizationIdFormat', ''],
    ['a malformed management account', { managementAccountId: '1234' }, 'AccountIdFormat', ''],
    ['a malformed trail name', { trailName: 'my--trail' }, 'TrailNameSeparators', ''],
    ['a key prefix too long', { s3KeyPrefix: 'p'.repeat(201) }, 'S3KeyPrefixLength', ''],
    ['an expiration of part of a day', { logFileExpiration: Duration.hours(36) }, 'LogFileExpirationDays', ''],
    ['RemovalPolicy.SNAPSHOT', { removalPolicy: RemovalPolicy.SNAPSHOT }, 'RemovalPolicyNoSnapshot', ''],
  ])('rejects %s', (_, props, id, message) => {
    const error = errorOf(() => archive(props));
    expect(error.message).toMatch(new RegExp(`\\[${id}\\]`));
    if (message) {
      expect(error.message).toBe(message);
    }
  });

  test('names its trail by ARN: the policies admit that ARN, and the archive tells its name and Region', () => {
    const arnStack = archiveStack();
    const arn = `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT}:trail/org-trail`;
    const byArn = archive({ trailName: undefined, trailArn: arn }, arnStack);
    expect([byArn.trailName, byArn.trailRegion]).toEqual(['org-trail', 'eu-west-1']);
    expect(statements(Template.fromStack(arnStack), 'AWS::S3::BucketPolicy', 'PolicyDocument')).toContainEqual(expect.objectContaining({
      Sid: 'CloudTrailAclCheck', Condition: { StringEquals: { 'aws:SourceArn': arn } },
    }));
    const token = archive({ trailName: undefined, trailArn: Token.asString({ Ref: 'TrailArn' }) }, archiveStack());
    expect(Stack.of(token).resolve(token.trailName)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'TrailArn' }] }] }] }] });
  });

  test.each<[string, Partial<TrailLogArchiveProps>, RuleId, string]>([
    ['both trailName and trailArn', { trailArn: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail` }, 'LogArchiveTrailIdentity',
      '[LogArchive/Archive] [LogArchiveTrailIdentity] trailName: names the trail the policies admit, by trailName or by trailArn: both are given '
      + '(This library: TrailLogArchive). Fix: give trailName, or trailArn'],
    ['neither trailName nor trailArn', { trailName: undefined }, 'LogArchiveTrailIdentity', ''],
    ['trailRegion with trailArn', { trailName: undefined, trailArn: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`, trailRegion: 'us-east-1' },
      'LogArchiveTrailIdentity', ''],
    ['an ARN that is not a trail\'s', { trailName: undefined, trailArn: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:eventdatastore/x` }, 'LogArchiveTrailArn',
      `[LogArchive/Archive] [LogArchiveTrailArn] trailArn "arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:eventdatastore/x": must be a trail ARN, `
      + 'arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (Service Authorization Reference, AWS CloudTrail resource types). '
      + 'Fix: give the ARN of the organization trail, or its name as trailName'],
    ['a trail of another account', { trailName: undefined, trailArn: 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail' }, 'LogArchiveTrailArn', ''],
  ])('rejects %s', (_, props, id, message) => {
    const error = errorOf(() => archive(props));
    expect(error.message).toMatch(new RegExp(`\\[${id}\\]`));
    if (message) {
      expect(error.message).toBe(message);
    }
  });

  test('a retention as long as the expiration, and token durations, are accepted', () => {
    const yearLocked = s3.ObjectLockRetention.governance(Duration.days(365));
    expect(() => archive({ logFileExpiration: Duration.days(365), objectLockRetention: yearLocked })).not.toThrow();
    expect(() => archive({
      logFileExpiration: Duration.days(Token.asNumber({ Ref: 'Days' })), objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(365)),
    })).not.toThrow();
  });
});

describe('OrganizationTrail with a log archive', () => {
  test('across accounts in one app: the archive\'s bucket and key by name, no policy changed, no warning', () => {
    const logArchive = archive();
    const { stack } = trailOn(logArchive);
    const template = Template.fromStack(stack);
    const [trail] = Object.values(template.findResources('AWS::CloudTrail::Trail')) as any[];
    expect(trail.Properties.TrailName).toBe('org-trail');
    expect(trail.Properties.S3BucketName).toMatch(/^logarchive/);
    expect(trail.Properties.KMSKeyId).toMatch(new RegExp(`^arn:aws:kms:us-east-1:${LOG_ARCHIVE}:alias/`));
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    template.resourceCountIs('AWS::KMS::Alias', 0);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    // the bucket's name is generated once and used on both sides
    const archiveBucket = Object.values(Template.fromStack(Stack.of(logArchive)).findResources('AWS::S3::Bucket'))
      .map((r: any) => r.Properties.BucketName).filter(Boolean);
    expect(archiveBucket).toEqual([trail.Properties.S3BucketName]);
  });

  test('its log group is encrypted with a key of its own account, which only CloudWatch Logs may use for that group', () => {
    const { stack } = trailOn(archive());
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: 'aws-cloudtrail-logs-org-trail', KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailLogGroupKey'), 'Arn'] },
    });
    const sids = statements(template, 'AWS::KMS::Key', 'KeyPolicy').map(s => s.Sid);
    expect(sids).toContain('CloudWatchLogsEncryptTrailLogGroup');
    expect(sids).not.toContain('CloudTrailEncryptLogs');
  });

  test('another account\'s stack names the trail by the archive\'s trail name', () => {
    const logArchive = archive();
    const { trail } = trailOn(logArchive);
    const elsewhere = new Stack(logArchive.node.root as App, 'Elsewhere', { env: { account: '666666666666', region: 'us-east-1' } });
    expect(JSON.stringify(elsewhere.resolve(trail.trailArn))).toContain(`:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`);
  });

  test('grantRead writes the principal\'s side only: the bucket, and the archive\'s key matched by its alias', () => {
    const logArchive = archive();
    const { stack, trail } = trailOn(logArchive);
    trail.grantRead(new iam.Role(stack, 'Auditor', { assumedBy: new iam.AccountRootPrincipal() }));
    const [bucketName] = Object.values(Template.fromStack(Stack.of(logArchive)).findResources('AWS::S3::Bucket'))
      .map((r: any) => r.Properties.BucketName).filter(Boolean);
    expect(statements(Template.fromStack(stack), 'AWS::IAM::Policy', 'PolicyDocument')).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
        Resource: [
          { 'Fn::Join': ['', ['arn:', PARTITION, `:s3:::${bucketName}`]] },
          { 'Fn::Join': ['', ['arn:', PARTITION, `:s3:::${bucketName}/*`]] },
        ],
      }),
      expect.objectContaining({
        Action: 'kms:Decrypt',
        Resource: `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/*`,
        Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': expect.stringMatching(/^alias\/LogArchive-[0-9A-F]{8}$/) } },
      }),
    ]);
    // nothing is added to the archive's stack: both stacks synthesize
    expect(() => (logArchive.node.root as App).synth()).not.toThrow();
    expect(statements(Template.fromStack(Stack.of(logArchive)), 'AWS::S3::BucketPolicy', 'PolicyDocument').some(st => JSON.stringify(st).includes('Auditor'))).toBe(false);
  });

  test('grantRead on an archive imported by key ARN names that key', () => {
    const stack = new Stack(testApp(), 'Management', { env: { account: MANAGEMENT, region: 'us-east-1' } });
    const keyArn = `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const logArchive = TrailLogArchive.fromLogArchiveAttributes(stack, 'Archive', {
      bucketName: 'org-logs', keyArn, trailName: 'org-trail', managementAccountId: MANAGEMENT, orgId: ORG_ID,
    });
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, logArchive })
      .grantRead(new iam.Role(stack, 'Auditor', { assumedBy: new iam.AccountRootPrincipal() }));
    expect(statements(Template.fromStack(stack), 'AWS::IAM::Policy', 'PolicyDocument')).toContainEqual(expect.objectContaining({ Action: 'kms:Decrypt', Resource: keyArn }));
  });

  test('without CloudWatch Logs it creates no key at all', () => {
    const { stack } = trailOn(archive(), { sendToCloudWatchLogs: false });
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 0);
  });

  test('imported from the attributes the Log Archive account publishes (another app)', () => {
    const stack = new Stack(testApp(), 'Management', { env: { account: MANAGEMENT, region: 'us-east-1' } });
    const logArchive = TrailLogArchive.fromLogArchiveAttributes(stack, 'Archive', {
      bucketName: 'org-logs',
      keyArn: `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:alias/org-logs`,
      trailName: 'org-trail',
      managementAccountId: MANAGEMENT,
      orgId: ORG_ID,
      s3KeyPrefix: 'org',
    });
    expect(logArchive.trailRegion).toBe('us-east-1');
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, logArchive });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'org-trail', S3BucketName: 'org-logs', S3KeyPrefix: 'org', KMSKeyId: `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:alias/org-logs`,
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('from a delegated administrator account, with managementAccountId', () => {
    expect(() => trailOn(archive(), { managementAccountId: MANAGEMENT }, undefined, '555555555555')).not.toThrow();
  });

  const imported = (stack: Stack, attrs: Partial<LogArchiveAttributes> = {}) =>
    TrailLogArchive.fromLogArchiveAttributes(stack, 'Archive', {
      bucketName: 'org-logs',
      keyArn: `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:alias/org-logs`,
      trailName: 'org-trail',
      managementAccountId: MANAGEMENT,
      orgId: ORG_ID,
      ...attrs,
    });

  test.each<[string, (stack: Stack) => Partial<OrganizationTrailProps>, RuleId, string]>([
    ['another trail name', stack => ({ logArchive: imported(stack), trailName: 'other-trail' }), 'LogArchiveTrailName',
      '[Management/Trail] [LogArchiveTrailName] trailName "other-trail": the log archive\'s policies admit the trail "org-trail" only (CloudTrail User Guide, '
      + '"Amazon S3 bucket policy for CloudTrail" and "Configure AWS KMS key policies for CloudTrail"). '
      + 'Fix: leave trailName out to take the archive\'s, or give the archive this trail\'s name'],
    ['a trail of another account', stack => ({ logArchive: imported(stack, { managementAccountId: '999999999999' }) }), 'LogArchiveManagementAccount',
      '[Management/Trail] [LogArchiveManagementAccount] managementAccountId "111111111111": the log archive\'s policies admit a trail of the management '
      + 'account 999999999999 only ' + SOURCE + '. Fix: deploy the trail in that account, set managementAccountId to it from a delegated administrator '
      + 'account, or correct the archive\'s managementAccountId'],
    ['a trail of another Region', stack => ({ logArchive: imported(stack, { trailRegion: 'eu-west-1' }) }), 'LogArchiveTrailRegion',
      '[Management/Trail] [LogArchiveTrailRegion] logArchive "us-east-1": the log archive\'s policies admit a trail whose ARN is in eu-west-1, and this '
      + 'trail\'s stack is in us-east-1 ' + SOURCE + '. Fix: deploy the trail in the archive\'s trailRegion, or set the archive\'s trailRegion to the trail\'s Region'],
    ['another organization', stack => ({ logArchive: imported(stack, { orgId: 'o-zzzzzzzzzz' }) }), 'LogArchiveOrgId',
      '[Management/Trail] [LogArchiveOrgId] orgId "o-a1b2c3d4e5": the log archive\'s bucket policy admits the logs of the organization o-zzzzzzzzzz only '
      + SOURCE + '. Fix: use the same orgId on both sides'],
    ['another key prefix', stack => ({ logArchive: imported(stack, { s3KeyPrefix: 'org' }), s3KeyPrefix: 'audit' }), 'LogArchiveKeyPrefix',
      '[Management/Trail] [LogArchiveKeyPrefix] s3KeyPrefix "audit": the log archive\'s bucket policy admits log files under "org/AWSLogs/" only '
      + '(CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" and "Configure AWS KMS key policies for CloudTrail"). '
      + 'Fix: leave s3KeyPrefix out to take the archive\'s, or give the archive the same s3KeyPrefix'],
    ['a key prefix the archive does not have', stack => ({ logArchive: imported(stack), s3KeyPrefix: 'audit' }), 'LogArchiveKeyPrefix', ''],
    ['a bucket as well', stack => ({ logArchive: imported(stack), bucket: s3.Bucket.fromBucketName(stack, 'Other', 'other') }), 'LogArchiveExclusive',
      '[Management/Trail] [LogArchiveExclusive] bucket "Management/Other": the log archive Management/Archive gives the trail its bucket, whose policies '
      + 'admit it (This library: TrailLogArchive). Fix: leave bucket out, or leave logArchive out'],
    ['a key as well', stack => ({ logArchive: imported(stack), encryptionKey: kms.Key.fromKeyArn(stack, 'Other', `arn:aws:kms:us-east-1:${MANAGEMENT}:key/x`) }),
      'LogArchiveExclusive', ''],
    ['a log file expiration', stack => ({ logArchive: imported(stack), logFileExpiration: Duration.days(365) }), 'LogFileExpirationNeedsOwnBucket',
      '[Management/Trail] [LogFileExpirationNeedsOwnBucket] logFileExpiration "365 days": expires log files in the bucket the trail creates, and a log archive '
      + 'is given. Fix: set logFileExpiration on the TrailLogArchive, or leave it out'],
    ['an Object Lock retention', stack => ({ logArchive: imported(stack), objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(30)) }),
      'ObjectLockRetentionNeedsOwnBucket',
      '[Management/Trail] [ObjectLockRetentionNeedsOwnBucket] objectLockRetention "GOVERNANCE 30 days": sets the default retention of the bucket the trail '
      + 'creates, and a log archive is given (AWS::S3::Bucket ObjectLockConfiguration). Fix: set objectLockRetention on the TrailLogArchive, or leave it out'],
  ])('rejects %s', (_, props, id, message) => {
    const stack = new Stack(testApp(), 'Management', { env: { account: MANAGEMENT, region: 'us-east-1' } });
    const error = errorOf(() => new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, ...props(stack) } as OrganizationTrailProps));
    expect(error.message).toMatch(new RegExp(`\\[${id}\\]`));
    if (message) {
      expect(error.message).toBe(message);
    }
  });

  test('tokens on either side are not compared', () => {
    const stack = new Stack(testApp(), 'Management');
    expect(() => new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, logArchive: imported(stack) })).not.toThrow();
  });
});

describe('OrganizationTrail objectLockRetention', () => {
  const stackOf = () => new Stack(testApp(), 'Stack', { env: { account: MANAGEMENT, region: 'us-east-1' } });

  test('sets the default retention of the created bucket only', () => {
    const stack = stackOf();
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(90)) });
    const buckets = Object.values(Template.fromStack(stack).findResources('AWS::S3::Bucket')).map((b: any) => b.Properties.ObjectLockConfiguration);
    expect(buckets.filter(Boolean)).toEqual([{ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Days: 90, Mode: 'GOVERNANCE' } } }]);
  });

  test.each<[string, Partial<OrganizationTrailProps>, RuleId, string]>([
    ['log files expiring before their retention ends',
      { logFileExpiration: Duration.days(364), objectLockRetention: s3.ObjectLockRetention.compliance(Duration.days(365)) },
      'ObjectLockRetentionOutlivesExpiration', ''],
    ['a retention on a given bucket', { bucket: s3.Bucket.fromBucketName(new Stack(), 'B', 'logs-bucket'), objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(1)) },
      'ObjectLockRetentionNeedsOwnBucket',
      '[Stack/Trail] [ObjectLockRetentionNeedsOwnBucket] objectLockRetention "GOVERNANCE 1 day": sets the default retention of the bucket the trail creates, '
      + 'and a bucket is given (AWS::S3::Bucket ObjectLockConfiguration). Fix: set the retention on the given bucket, or leave objectLockRetention out'],
  ])('rejects %s', (_, props, id, message) => {
    const error = errorOf(() => new OrganizationTrail(stackOf(), 'Trail', { orgId: ORG_ID, ...props }));
    expect(error.message).toMatch(new RegExp(`\\[${id}\\]`));
    if (message) {
      expect(error.message).toBe(message);
    }
  });
});
