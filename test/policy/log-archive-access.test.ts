/**
 * The Log Archive layout's access paths (issue 16), asked of the IAM policy simulator (./simulator.ts): CloudTrail, for
 * the management account's organization trail, writes to and encrypts with the Log Archive account's bucket and key;
 * a Security Tooling account's role reads them; every other trail, organization and reader is denied. The archive's
 * stack is the simulator's fixture account; the management account is another one.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, Decision, PolicyDocument, REGION, RequestPrincipal, ResolvedTemplate, simulate, synthesize } from './simulator';
import { OrganizationTrail, TrailLogArchive } from '../../src';

const ORG_ID = 'o-a1b2c3d4e5';
const MANAGEMENT = '555555555555';
const MEMBER = '222222222222';
const TRAIL_NAME = 'org-trail';
const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${MANAGEMENT}:trail/${TRAIL_NAME}`;
const OTHER_TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${MANAGEMENT}:trail/another-trail`;
const CLOUDTRAIL: RequestPrincipal = { service: 'cloudtrail.amazonaws.com' };
const READER: RequestPrincipal = { arn: 'arn:aws:iam::333333333333:role/log-reader' };
const OTHER_READER: RequestPrincipal = { arn: 'arn:aws:iam::333333333333:role/someone-else' };
const MEMBER_ADMIN: RequestPrincipal = { arn: `arn:aws:iam::${MEMBER}:role/admin` };

const SOURCES = {
  bucket: 'CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" (organization trail example)',
  kms: 'CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"',
  crossAccount: 'Amazon S3 User Guide, "Bucket owner granting cross-account bucket permissions"',
  crossAccountKey: 'AWS KMS Developer Guide, "Allowing users in other accounts to use a KMS key"',
  cwlKey: 'CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS"',
  aliasAccess: 'AWS KMS Developer Guide, "Use aliases to control access to KMS keys" (kms:ResourceAliases)',
} as const;

interface Row {
  readonly what: string;
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string>;
  readonly expected: Decision;
  readonly source: string;
  /** The policy of a resource of the Log Archive account, which the trail's template does not hold. */
  readonly resourcePolicy?: PolicyDocument;
}

function archiveTemplate(prefix: string): ResolvedTemplate {
  return synthesize(`LogArchiveAccess${prefix ? 'Prefixed' : ''}`, scope => {
    const archive = new TrailLogArchive(scope, 'Archive', {
      orgId: ORG_ID, managementAccountId: MANAGEMENT, trailName: TRAIL_NAME, s3KeyPrefix: prefix || undefined,
    });
    archive.grantRead(iam.Role.fromRoleArn(scope, 'Reader', 'arn:aws:iam::333333333333:role/log-reader', { mutable: false }));
  });
}

function archiveRows(t: ResolvedTemplate, prefix: string): Row[] {
  const bucket = t.getAtt(t.logicalId('ArchiveLogsBucket', 'AWS::S3::Bucket'), 'Arn');
  const key = t.getAtt(t.logicalId('ArchiveKey', 'AWS::KMS::Key'), 'Arn');
  const at = prefix ? `${prefix}/` : '';
  const logFile = (owner: string, keyPrefix = at) =>
    `${bucket}/${keyPrefix}AWSLogs/${owner}/CloudTrail/${REGION}/2026/01/01/${owner.split('/').pop()}_CloudTrail_${REGION}_20260101T0000Z_abc.json.gz`;
  const delivery = { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': TRAIL_ARN };
  const encrypt = { 'aws:SourceArn': TRAIL_ARN, 'kms:EncryptionContext:aws:cloudtrail:arn': TRAIL_ARN };
  return [
    // CloudTrail, for the management account's trail, into the Log Archive account's bucket
    { what: 'CloudTrail checks the bucket ACL', principal: CLOUDTRAIL, action: 's3:GetBucketAcl', resource: bucket, context: { 'aws:SourceArn': TRAIL_ARN }, expected: 'Allowed', source: SOURCES.bucket },
    { what: 'CloudTrail writes the management account\'s logs', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(MANAGEMENT), context: delivery, expected: 'Allowed', source: SOURCES.bucket },
    { what: 'CloudTrail writes a member account\'s logs under the organization ID', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(`${ORG_ID}/${MEMBER}`), context: delivery, expected: 'Allowed', source: SOURCES.bucket },
    { what: 'denied: another trail of the management account writes', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(`${ORG_ID}/${MEMBER}`), context: { ...delivery, 'aws:SourceArn': OTHER_TRAIL_ARN }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: a trail of the same name in another account writes', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(MEMBER), context: { ...delivery, 'aws:SourceArn': `arn:aws:cloudtrail:${REGION}:${MEMBER}:trail/${TRAIL_NAME}` }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: the ACL check for another trail', principal: CLOUDTRAIL, action: 's3:GetBucketAcl', resource: bucket, context: { 'aws:SourceArn': OTHER_TRAIL_ARN }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: logs of another organization', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(`o-zzzzzzzzzz/${MEMBER}`), context: delivery, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: logs of the archive\'s own account', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(ACCOUNT), context: delivery, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: without bucket-owner-full-control', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(MANAGEMENT), context: { 'aws:SourceArn': TRAIL_ARN }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: outside the key prefix', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(MANAGEMENT, 'elsewhere/'), context: delivery, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    // CloudTrail encrypts with the Log Archive account's key
    { what: 'CloudTrail generates data keys with the trail\'s encryption context', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: encrypt, expected: 'Allowed', source: SOURCES.kms },
    { what: 'CloudTrail describes the key', principal: CLOUDTRAIL, action: 'kms:DescribeKey', resource: key, context: { 'aws:SourceArn': TRAIL_ARN }, expected: 'Allowed', source: SOURCES.kms },
    { what: 'CloudTrail decrypts with the bucket key', principal: CLOUDTRAIL, action: 'kms:Decrypt', resource: key, context: { 'aws:SourceArn': TRAIL_ARN }, expected: 'Allowed', source: SOURCES.kms },
    { what: 'denied: data keys for another trail', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': OTHER_TRAIL_ARN, 'kms:EncryptionContext:aws:cloudtrail:arn': OTHER_TRAIL_ARN }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'denied: data keys with another account\'s trail as encryption context', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { ...encrypt, 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:${REGION}:${MEMBER}:trail/x` }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'denied: data keys without the encryption context', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': TRAIL_ARN }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    // the Security Tooling account's reader, and everyone else
    { what: 'the Security Tooling reader reads a log file', principal: READER, action: 's3:GetObject', resource: logFile(`${ORG_ID}/${MEMBER}`), expected: 'Allowed', source: SOURCES.crossAccount },
    { what: 'the Security Tooling reader lists the bucket', principal: READER, action: 's3:ListBucket', resource: bucket, expected: 'Allowed', source: SOURCES.crossAccount },
    { what: 'the Security Tooling reader decrypts the log files', principal: READER, action: 'kms:Decrypt', resource: key, expected: 'Allowed', source: SOURCES.crossAccountKey },
    { what: 'denied: the Security Tooling reader deletes a log file', principal: READER, action: 's3:DeleteObject', resource: logFile(MANAGEMENT), expected: 'ImplicitlyDenied', source: SOURCES.crossAccount },
    { what: 'denied: the Security Tooling reader writes a log file', principal: READER, action: 's3:PutObject', resource: logFile(MANAGEMENT), context: { 's3:x-amz-acl': 'bucket-owner-full-control' }, expected: 'ImplicitlyDenied', source: SOURCES.crossAccount },
    { what: 'denied: the Security Tooling reader encrypts with the key', principal: READER, action: 'kms:GenerateDataKey', resource: key, expected: 'ImplicitlyDenied', source: SOURCES.crossAccountKey },
    { what: 'denied: another role of the Security Tooling account reads', principal: OTHER_READER, action: 's3:GetObject', resource: logFile(MANAGEMENT), expected: 'ImplicitlyDenied', source: SOURCES.crossAccount },
    { what: 'denied: another role of the Security Tooling account decrypts', principal: OTHER_READER, action: 'kms:Decrypt', resource: key, expected: 'ImplicitlyDenied', source: SOURCES.crossAccountKey },
    { what: 'denied: a member account\'s administrator reads', principal: MEMBER_ADMIN, action: 's3:GetObject', resource: logFile(`${ORG_ID}/${MEMBER}`), expected: 'ImplicitlyDenied', source: SOURCES.crossAccount },
    { what: 'denied: the management account\'s administrator decrypts', principal: { arn: `arn:aws:iam::${MANAGEMENT}:role/admin` }, action: 'kms:Decrypt', resource: key, expected: 'ImplicitlyDenied', source: SOURCES.crossAccountKey },
    { what: 'denied: the reader over plain HTTP', principal: READER, action: 's3:GetObject', resource: logFile(MANAGEMENT), context: { 'aws:SecureTransport': 'false' }, expected: 'ExplicitlyDenied', source: SOURCES.crossAccount },
  ];
}

/** The archive's key policy, admitting a principal of the management account (as TrailLogArchive.grantRead writes it). */
function archiveKeyPolicy(principalArn: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principalArn }, Action: 'kms:Decrypt', Resource: '*' }] };
}

/** The management account's side: the trail's log group key, of the trail's own stack (here the fixture account). */
function managementRows(t: ResolvedTemplate): Row[] {
  const key = t.getAtt(t.logicalId('TrailLogGroupKey', 'AWS::KMS::Key'), 'Arn');
  const logGroup = t.physicalName(t.logicalId('TrailCloudWatchLogsLogGroup', 'AWS::Logs::LogGroup'));
  const logs: RequestPrincipal = { service: `logs.${REGION}.amazonaws.com` };
  const context = (group: string) => ({ 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}` });
  return [
    { what: 'CloudWatch Logs encrypts the trail\'s log group with the trail\'s own key', principal: logs, action: 'kms:GenerateDataKey', resource: key, context: context(logGroup), expected: 'Allowed', source: SOURCES.cwlKey },
    { what: 'denied: CloudWatch Logs encrypts another log group', principal: logs, action: 'kms:GenerateDataKey', resource: key, context: context('another-group'), expected: 'ImplicitlyDenied', source: SOURCES.cwlKey },
    ...auditorRows(t),
    { what: 'denied: CloudTrail encrypts log files with the log group key', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${TRAIL_NAME}`, 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${TRAIL_NAME}` }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
  ];
}

function trailTemplate(): ResolvedTemplate {
  return synthesize('LogArchiveTrail', scope => {
    const logArchive = TrailLogArchive.fromLogArchiveAttributes(scope, 'Archive', {
      bucketName: 'org-logs', keyArn: 'arn:aws:kms:us-east-1:444444444444:alias/org-logs', trailName: TRAIL_NAME, managementAccountId: ACCOUNT, orgId: ORG_ID,
    });
    new OrganizationTrail(scope, 'Trail', { orgId: ORG_ID, logArchive })
      .grantRead(new iam.Role(scope, 'Auditor', { assumedBy: new iam.AccountRootPrincipal() }));
  });
}

/** grantRead on the trail: the auditor's identity policy matches the archive's key by its alias. */
function auditorRows(t: ResolvedTemplate): Row[] {
  const auditor: RequestPrincipal = { role: 'Auditor' };
  const archiveKey = 'arn:aws:kms:us-east-1:444444444444:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const keyPolicy = archiveKeyPolicy(t.getAtt(t.logicalId('Auditor', 'AWS::IAM::Role'), 'Arn'));
  return [
    { what: 'the auditor decrypts with the archive\'s key, by its alias', principal: auditor, action: 'kms:Decrypt', resource: archiveKey, context: { 'kms:ResourceAliases': 'alias/org-logs' }, expected: 'Allowed', source: SOURCES.aliasAccess, resourcePolicy: keyPolicy },
    { what: 'denied: the auditor decrypts with another key of the archive account', principal: auditor, action: 'kms:Decrypt', resource: archiveKey, context: { 'kms:ResourceAliases': 'alias/other' }, expected: 'ImplicitlyDenied', source: SOURCES.aliasAccess, resourcePolicy: keyPolicy },
  ];
}

const FORMS: Array<[string, () => ResolvedTemplate, (t: ResolvedTemplate) => Row[]]> = [
  ['TrailLogArchive', () => archiveTemplate(''), t => archiveRows(t, '')],
  ['TrailLogArchive with a key prefix', () => archiveTemplate('org'), t => archiveRows(t, 'org')],
  ['OrganizationTrail on an imported log archive', trailTemplate, managementRows],
];

describe.each(FORMS)('%s', (_name, build, rows) => {
  const template = build();
  test.each(rows(template))('$what ($expected)', async row => {
    const { principal, action, resource, context, resourcePolicy } = row;
    const result = await simulate(template, { principal, action, resource, context, resourcePolicy });
    expect({ decision: result.decision, source: row.source }).toEqual({ decision: row.expected, source: row.source });
  });
});

test('the trail on an imported log archive writes no bucket or key policy for it', () => {
  const template = trailTemplate();
  expect(template.resourcePolicy('s3:PutObject', 'arn:aws:s3:::org-logs/AWSLogs/x')).toBeUndefined();
  expect(Object.values(template.resources).filter(r => r.Type === 'AWS::KMS::Key')).toHaveLength(1);
});
