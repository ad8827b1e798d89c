/**
 * Issue 15, "Access paths proven, not assumed": every documented access path of every construct, default and fully
 * featured (test/fixtures/constructs.ts), asked of a real IAM policy simulator (`@cloud-copilot/iam-simulate`, see
 * ./simulator.ts) against the policies the stack writes — and the requests that must be denied.
 *
 * Service principals act through resource policies only; a principal of another account gets an identity policy
 * that allows everything, so that only the library's resource policies decide.
 */
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ACCOUNT, Decision, PolicyDocument, REGION, RequestPrincipal, ResolvedTemplate, simulate, synthesize } from './simulator';
import { DataEventSelectors, LakeEventDataStore, LakeQuery, OrganizationTrail } from '../../src';
import { CONSTRUCT_FIXTURES } from '../fixtures/constructs';

const ORG_ID = 'o-a1b2c3d4e5';
const MEMBER = '222222222222';
const OTHER = '444444444444';
const CLOUDTRAIL: RequestPrincipal = { service: 'cloudtrail.amazonaws.com' };
const MEMBER_READER: RequestPrincipal = { arn: `arn:aws:iam::${MEMBER}:role/auditor` };
/** A principal of the management account whose identity policy allows everything: resource policies must not stop it. */
const ACCOUNT_ADMIN: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:role/security-admin` };

const SOURCES = {
  bucket: 'CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" (organization trail example)',
  kms: 'CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"',
  bucketKey: 'CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail" (Decrypt with an S3 Bucket Key)',
  cwlRole: 'CloudTrail User Guide, "Sending events to CloudWatch Logs", role policy for an organization trail',
  cwlKey: 'CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS"',
  confusedDeputy: 'IAM User Guide, "The confused deputy problem"',
  tls: 'Amazon S3 User Guide, "Security best practices for Amazon S3" (aws:SecureTransport, s3:TlsVersion)',
  accessLogs: 'Amazon S3 User Guide, "Enabling Amazon S3 server access logging" (bucket policy for logging.s3.amazonaws.com)',
  sns: 'CloudTrail User Guide, "Amazon SNS topic policy for CloudTrail"',
  lakeKey: 'CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail" (CloudTrail Lake event data stores)',
  storePolicy: 'CloudTrail User Guide, "Resource-based policy examples for event data stores"',
  federation: 'CloudTrail User Guide, "Federate an event data store" (the federation role)',
  queryResults: 'CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail Lake query results"',
  queryApi: 'Service Authorization Reference, "Actions defined by AWS CloudTrail" (StartQuery, DescribeQuery, GetQueryResults, CancelQuery, ListQueries: eventdatastore)',
  importApi: 'Service Authorization Reference, "Actions defined by AWS CloudTrail" (StartImport and the import actions: no resource type)',
  importRole: 'CloudTrail User Guide, "Copy trail events to an event data store" (permissions of the role CloudTrail assumes)',
  passRole: 'IAM User Guide, "Grant a user permissions to pass a role to an AWS service" (iam:PassedToService)',
  delegatedAdmin: 'CloudTrail User Guide, "Required permissions to assign a CloudTrail delegated administrator"',
  organizations: 'Service Authorization Reference, "Actions defined by AWS Organizations" (organizations:ServicePrincipal)',
  slr: 'CloudTrail User Guide, "Using service-linked roles for CloudTrail"',
  lambdaLogs: 'Lambda Developer Guide, "Defining Lambda function permissions with an execution role" (CloudWatch Logs)',
  scheduler: 'EventBridge Scheduler User Guide, "Set up the execution role" (aws:SourceAccount, lambda:InvokeFunction)',
  snsPublish: 'Service Authorization Reference, "Actions defined by Amazon SNS" (Publish: topic)',
} as const;

/** One access path: a request, what the simulator must answer, and the documentation that says so. */
interface Row {
  readonly what: string;
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string>;
  readonly expected: Decision;
  readonly source: string;
  /** A key policy for a key the stack imports (the simulator needs one for any KMS request). */
  readonly externalResourcePolicy?: PolicyDocument;
}

/** AWS's default key policy: the account's IAM policies decide (KMS Developer Guide, "Default key policy"). */
const DEFAULT_KEY_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

const arnOf = (t: ResolvedTemplate, prefix: string, type: string, attribute = 'Arn') => t.getAtt(t.logicalId(prefix, type), attribute);
const logStream = (t: ResolvedTemplate, prefix: string, stream = '2026/01/01/[$LATEST]0123456789abcdef') =>
  `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${t.physicalName(t.logicalId(prefix, 'AWS::Logs::LogGroup'))}:log-stream:${stream}`;

/** OrganizationTrail: bucket, key, CloudWatch Logs delivery, access-log bucket (and a topic when the stack owns one). */
function trailRows(t: ResolvedTemplate, prefix: string): Row[] {
  const trailArn = arnOf(t, 'Trail', 'AWS::CloudTrail::Trail');
  const otherTrailArn = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/another-trail`;
  const bucket = arnOf(t, 'TrailLogsBucket', 'AWS::S3::Bucket');
  const accessLogs = arnOf(t, 'TrailLogsAccessLogs', 'AWS::S3::Bucket');
  const key = arnOf(t, 'TrailKey', 'AWS::KMS::Key');
  const logFile = (owner: string) => `${bucket}/${prefix}AWSLogs/${owner}/CloudTrail/${REGION}/2026/01/01/${owner.split('/').pop()}_CloudTrail_${REGION}_20260101T0000Z_abc.json.gz`;
  const delivery = { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn };
  const logGroup = t.physicalName(t.logicalId('TrailCloudWatchLogsLogGroup', 'AWS::Logs::LogGroup'));
  const stream = (group: string, name: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}:log-stream:${name}`;
  const logsRole: RequestPrincipal = { role: 'TrailCloudWatchLogsRole' };
  const rows: Row[] = [
    // the log bucket (CloudTrail)
    { what: 'CloudTrail checks the bucket ACL', principal: CLOUDTRAIL, action: 's3:GetBucketAcl', resource: bucket, context: { 'aws:SourceArn': trailArn }, expected: 'Allowed', source: SOURCES.bucket },
    { what: 'CloudTrail writes the management account\'s logs', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(ACCOUNT), context: delivery, expected: 'Allowed', source: SOURCES.bucket },
    { what: 'CloudTrail writes a member account\'s logs under the organization ID', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(`${ORG_ID}/${MEMBER}`), context: delivery, expected: 'Allowed', source: SOURCES.bucket },
    { what: 'denied: another trail\'s SourceArn', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(`${ORG_ID}/${MEMBER}`), context: { ...delivery, 'aws:SourceArn': otherTrailArn }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: no SourceArn', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(ACCOUNT), context: { 's3:x-amz-acl': 'bucket-owner-full-control' }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: the ACL check with another trail\'s SourceArn', principal: CLOUDTRAIL, action: 's3:GetBucketAcl', resource: bucket, context: { 'aws:SourceArn': otherTrailArn }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: without bucket-owner-full-control', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(ACCOUNT), context: { 'aws:SourceArn': trailArn }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: another prefix', principal: CLOUDTRAIL, action: 's3:PutObject', resource: `${bucket}/other/AWSLogs/${ACCOUNT}/CloudTrail/x.json.gz`, context: delivery, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: logs of another organization', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(`o-zzzzzzzzzz/${MEMBER}`), context: delivery, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: logs of an account outside the organization prefix', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(MEMBER), context: delivery, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: a member account reads the logs', principal: MEMBER_READER, action: 's3:GetObject', resource: logFile(`${ORG_ID}/${MEMBER}`), expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'denied: a member account writes the logs', principal: MEMBER_READER, action: 's3:PutObject', resource: logFile(`${ORG_ID}/${MEMBER}`), context: { 's3:x-amz-acl': 'bucket-owner-full-control' }, expected: 'ImplicitlyDenied', source: SOURCES.bucket },
    { what: 'the management account\'s administrator reads the logs over TLS', principal: ACCOUNT_ADMIN, action: 's3:GetObject', resource: logFile(ACCOUNT), expected: 'Allowed', source: SOURCES.tls },
    { what: 'denied: plain HTTP', principal: ACCOUNT_ADMIN, action: 's3:GetObject', resource: logFile(ACCOUNT), context: { 'aws:SecureTransport': 'false' }, expected: 'ExplicitlyDenied', source: SOURCES.tls },
    { what: 'denied: TLS 1.1', principal: ACCOUNT_ADMIN, action: 's3:GetObject', resource: logFile(ACCOUNT), context: { 's3:TlsVersion': '1.1' }, expected: 'ExplicitlyDenied', source: SOURCES.tls },
    { what: 'denied: CloudTrail over plain HTTP', principal: CLOUDTRAIL, action: 's3:PutObject', resource: logFile(ACCOUNT), context: { ...delivery, 'aws:SecureTransport': 'false' }, expected: 'ExplicitlyDenied', source: SOURCES.tls },
    // the log key
    { what: 'CloudTrail generates data keys with its encryption context', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': trailArn, 'kms:EncryptionContext:aws:cloudtrail:arn': trailArn }, expected: 'Allowed', source: SOURCES.kms },
    { what: 'denied: data keys with another account\'s trail as encryption context', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': trailArn, 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:${REGION}:${OTHER}:trail/x` }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'denied: data keys without the encryption context', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': trailArn }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'denied: data keys for another trail\'s SourceArn', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': otherTrailArn, 'kms:EncryptionContext:aws:cloudtrail:arn': otherTrailArn }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'denied: data keys with no SourceArn', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'kms:EncryptionContext:aws:cloudtrail:arn': trailArn }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'CloudTrail decrypts (S3 Bucket Key)', principal: CLOUDTRAIL, action: 'kms:Decrypt', resource: key, context: { 'aws:SourceArn': trailArn }, expected: 'Allowed', source: SOURCES.bucketKey },
    { what: 'CloudTrail describes the key', principal: CLOUDTRAIL, action: 'kms:DescribeKey', resource: key, context: { 'aws:SourceArn': trailArn }, expected: 'Allowed', source: SOURCES.kms },
    { what: 'denied: CloudTrail describes the key for another trail', principal: CLOUDTRAIL, action: 'kms:DescribeKey', resource: key, context: { 'aws:SourceArn': otherTrailArn }, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'denied: a member account decrypts the logs', principal: MEMBER_READER, action: 'kms:Decrypt', resource: key, expected: 'ImplicitlyDenied', source: SOURCES.kms },
    { what: 'CloudWatch Logs encrypts the trail\'s log group', principal: { service: `logs.${REGION}.amazonaws.com` }, action: 'kms:GenerateDataKey', resource: key, context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logGroup}` }, expected: 'Allowed', source: SOURCES.cwlKey },
    { what: 'denied: CloudWatch Logs encrypts another log group', principal: { service: `logs.${REGION}.amazonaws.com` }, action: 'kms:GenerateDataKey', resource: key, context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:another-group` }, expected: 'ImplicitlyDenied', source: SOURCES.cwlKey },
    // CloudWatch Logs delivery
    { what: 'CloudTrail assumes the delivery role', principal: CLOUDTRAIL, action: 'sts:AssumeRole', resource: arnOf(t, 'TrailCloudWatchLogsRole', 'AWS::IAM::Role'), expected: 'Allowed', source: SOURCES.cwlRole },
    { what: 'denied: Lambda assumes the delivery role', principal: { service: 'lambda.amazonaws.com' }, action: 'sts:AssumeRole', resource: arnOf(t, 'TrailCloudWatchLogsRole', 'AWS::IAM::Role'), expected: 'ImplicitlyDenied', source: SOURCES.cwlRole },
    { what: 'the delivery role creates the management account\'s stream', principal: logsRole, action: 'logs:CreateLogStream', resource: stream(logGroup, `${ACCOUNT}_CloudTrail_${REGION}`), expected: 'Allowed', source: SOURCES.cwlRole },
    { what: 'the delivery role writes the management account\'s stream', principal: logsRole, action: 'logs:PutLogEvents', resource: stream(logGroup, `${ACCOUNT}_CloudTrail_${REGION}`), expected: 'Allowed', source: SOURCES.cwlRole },
    { what: 'the delivery role writes a member account\'s stream', principal: logsRole, action: 'logs:PutLogEvents', resource: stream(logGroup, `${ORG_ID}_${MEMBER}_CloudTrail_${REGION}`), expected: 'Allowed', source: SOURCES.cwlRole },
    { what: 'denied: the delivery role writes another log group', principal: logsRole, action: 'logs:PutLogEvents', resource: stream('another-group', `${ACCOUNT}_CloudTrail_${REGION}`), expected: 'ImplicitlyDenied', source: SOURCES.cwlRole },
    { what: 'denied: the delivery role writes another organization\'s stream', principal: logsRole, action: 'logs:PutLogEvents', resource: stream(logGroup, `o-zzzzzzzzzz_${MEMBER}_CloudTrail_${REGION}`), expected: 'ImplicitlyDenied', source: SOURCES.cwlRole },
    { what: 'denied: the delivery role writes the log bucket', principal: logsRole, action: 's3:PutObject', resource: logFile(ACCOUNT), context: { 's3:x-amz-acl': 'bucket-owner-full-control' }, expected: 'ImplicitlyDenied', source: SOURCES.cwlRole },
    // server access logs
    { what: 'S3 delivers the log bucket\'s access logs', principal: { service: 'logging.s3.amazonaws.com' }, action: 's3:PutObject', resource: `${accessLogs}/bucket-access-logs/2026-01-01-00-00-00-ABC`, context: { 'aws:SourceArn': bucket, 'aws:SourceAccount': ACCOUNT }, expected: 'Allowed', source: SOURCES.accessLogs },
    { what: 'denied: access logs of another bucket', principal: { service: 'logging.s3.amazonaws.com' }, action: 's3:PutObject', resource: `${accessLogs}/bucket-access-logs/2026-01-01-00-00-00-ABC`, context: { 'aws:SourceArn': 'arn:aws:s3:::another-bucket', 'aws:SourceAccount': ACCOUNT }, expected: 'ImplicitlyDenied', source: SOURCES.accessLogs },
  ];
  const topicPolicy = Object.keys(t.resources).find(id => t.resources[id].Type === 'AWS::SNS::TopicPolicy');
  if (topicPolicy) {
    const topic = arnOf(t, 'Topic', 'AWS::SNS::Topic', 'TopicArn');
    rows.push(
      { what: 'CloudTrail notifies the topic', principal: CLOUDTRAIL, action: 'sns:Publish', resource: topic, context: { 'aws:SourceArn': trailArn }, expected: 'Allowed', source: SOURCES.sns },
      { what: 'denied: another trail notifies the topic', principal: CLOUDTRAIL, action: 'sns:Publish', resource: topic, context: { 'aws:SourceArn': otherTrailArn }, expected: 'ImplicitlyDenied', source: SOURCES.sns },
      { what: 'denied: CloudTrail notifies the topic with no SourceArn', principal: CLOUDTRAIL, action: 'sns:Publish', resource: topic, expected: 'ImplicitlyDenied', source: SOURCES.sns },
      { what: 'denied: a member account publishes to the topic', principal: MEMBER_READER, action: 'sns:Publish', resource: topic, expected: 'ImplicitlyDenied', source: SOURCES.sns },
    );
  }
  return rows;
}

/** A LakeEventDataStore's key (prefix `Store`), grants and resource policy. */
function storeRows(t: ResolvedTemplate, store = 'Store'): Row[] {
  const key = arnOf(t, `${store}Key`, 'AWS::KMS::Key');
  const storeArn = arnOf(t, store, 'AWS::CloudTrail::EventDataStore', 'EventDataStoreArn');
  const rows: Row[] = [
    { what: `CloudTrail encrypts the ${store} store`, principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, expected: 'Allowed', source: SOURCES.lakeKey },
    { what: `CloudTrail decrypts the ${store} store`, principal: CLOUDTRAIL, action: 'kms:Decrypt', resource: key, expected: 'Allowed', source: SOURCES.lakeKey },
    { what: `CloudTrail describes the ${store} store's key`, principal: CLOUDTRAIL, action: 'kms:DescribeKey', resource: key, expected: 'Allowed', source: SOURCES.lakeKey },
    { what: `denied: a member account decrypts the ${store} store`, principal: MEMBER_READER, action: 'kms:Decrypt', resource: key, expected: 'ImplicitlyDenied', source: SOURCES.lakeKey },
    { what: `denied: a member account queries the ${store} store`, principal: MEMBER_READER, action: 'cloudtrail:StartQuery', resource: storeArn, expected: 'ImplicitlyDenied', source: SOURCES.storePolicy },
    { what: `denied: an administrator creates a grant on the ${store} key for a non-AWS resource`, principal: ACCOUNT_ADMIN, action: 'kms:CreateGrant', resource: key, context: { 'kms:GrantIsForAWSResource': 'false' }, expected: 'ExplicitlyDenied', source: SOURCES.lakeKey },
  ];
  return rows;
}

/** The fully-featured LakeEventDataStore: grantQuery to account 333333333333, federation. */
function fullStoreRows(t: ResolvedTemplate): Row[] {
  const storeArn = arnOf(t, 'Store', 'AWS::CloudTrail::EventDataStore', 'EventDataStoreArn');
  const insightsArn = arnOf(t, 'Insights', 'AWS::CloudTrail::EventDataStore', 'EventDataStoreArn');
  const key = arnOf(t, 'StoreKey', 'AWS::KMS::Key');
  const grantee: RequestPrincipal = { arn: 'arn:aws:iam::333333333333:role/analyst' };
  const federation: RequestPrincipal = { role: 'StoreFederationRole' };
  return [
    ...['StartQuery', 'DescribeQuery', 'GetQueryResults', 'CancelQuery', 'ListQueries'].map((action): Row => (
      { what: `grantQuery: the granted account may ${action}`, principal: grantee, action: `cloudtrail:${action}`, resource: storeArn, expected: 'Allowed', source: SOURCES.storePolicy })),
    { what: 'grantQuery: the granted account decrypts the store', principal: grantee, action: 'kms:Decrypt', resource: key, expected: 'Allowed', source: SOURCES.lakeKey },
    { what: 'denied: grantQuery does not let the granted account delete the store', principal: grantee, action: 'cloudtrail:DeleteEventDataStore', resource: storeArn, expected: 'ImplicitlyDenied', source: SOURCES.storePolicy },
    { what: 'denied: grantQuery does not let the granted account change the key', principal: grantee, action: 'kms:ScheduleKeyDeletion', resource: key, expected: 'ImplicitlyDenied', source: SOURCES.lakeKey },
    { what: 'denied: an account without the grant queries', principal: { arn: `arn:aws:iam::${OTHER}:role/analyst` }, action: 'cloudtrail:StartQuery', resource: storeArn, expected: 'ImplicitlyDenied', source: SOURCES.storePolicy },
    { what: 'denied: the granted account queries the Insights store', principal: grantee, action: 'cloudtrail:StartQuery', resource: insightsArn, expected: 'ImplicitlyDenied', source: SOURCES.storePolicy },
    { what: 'Lake Formation assumes the federation role', principal: { service: 'lakeformation.amazonaws.com' }, action: 'sts:AssumeRole', resource: arnOf(t, 'StoreFederationRole', 'AWS::IAM::Role'), expected: 'Allowed', source: SOURCES.federation },
    { what: 'denied: CloudTrail assumes the federation role', principal: CLOUDTRAIL, action: 'sts:AssumeRole', resource: arnOf(t, 'StoreFederationRole', 'AWS::IAM::Role'), expected: 'ImplicitlyDenied', source: SOURCES.federation },
    { what: 'the federation role reads the store', principal: federation, action: 'cloudtrail:GetEventDataStoreData', resource: storeArn, expected: 'Allowed', source: SOURCES.federation },
    { what: 'the federation role decrypts the store', principal: federation, action: 'kms:Decrypt', resource: key, expected: 'Allowed', source: SOURCES.federation },
    { what: 'denied: the federation role reads another store', principal: federation, action: 'cloudtrail:GetEventDataStoreData', resource: insightsArn, expected: 'ImplicitlyDenied', source: SOURCES.federation },
  ];
}

/** The operations handler's own log groups (every operation form). */
function handlerLogRows(t: ResolvedTemplate, role: string, logGroup: string): Row[] {
  return [
    { what: 'the handler writes its log group', principal: { role }, action: 'logs:PutLogEvents', resource: logStream(t, logGroup), expected: 'Allowed', source: SOURCES.lambdaLogs },
    { what: 'denied: the handler writes another log group', principal: { role }, action: 'logs:PutLogEvents', resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:another-group:log-stream:x`, expected: 'ImplicitlyDenied', source: SOURCES.lambdaLogs },
  ];
}

const OPERATIONS_ROLE = 'CloudTrailOrgOperationsHandlerRole';
// Synchronous operations (delegated administrators) have their own function and role, without the waiter.
const SYNC_OPERATIONS_ROLE = 'CloudTrailOrgSyncOperationsHandlerRole';

/** LakeQuery's handler: the query calls on its store. */
function lakeQueryRows(t: ResolvedTemplate): Row[] {
  const storeArn = arnOf(t, 'Store', 'AWS::CloudTrail::EventDataStore', 'EventDataStoreArn');
  const handler: RequestPrincipal = { role: OPERATIONS_ROLE };
  return [
    ...['StartQuery', 'DescribeQuery', 'CancelQuery', 'ListQueries'].map((action): Row => (
      { what: `the handler calls ${action} on its store`, principal: handler, action: `cloudtrail:${action}`, resource: storeArn, expected: 'Allowed', source: SOURCES.queryApi })),
    { what: 'the handler decrypts the store', principal: handler, action: 'kms:Decrypt', resource: arnOf(t, 'StoreKey', 'AWS::KMS::Key'), expected: 'Allowed', source: SOURCES.lakeKey },
    { what: 'denied: the handler queries another store', principal: handler, action: 'cloudtrail:StartQuery', resource: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/00000000-0000-4000-8000-000000000000`, expected: 'ImplicitlyDenied', source: SOURCES.queryApi },
    { what: 'denied: the handler deletes its store', principal: handler, action: 'cloudtrail:DeleteEventDataStore', resource: storeArn, expected: 'ImplicitlyDenied', source: SOURCES.queryApi },
    ...handlerLogRows(t, OPERATIONS_ROLE, 'CloudTrailOrgOperationsOnEventLogs'),
  ];
}

/** Query-result delivery into a bucket (with its own KMS key) of the same stack, `prefix` without slashes. */
function queryDeliveryRows(t: ResolvedTemplate, prefix: string): Row[] {
  const storeArn = arnOf(t, 'Store', 'AWS::CloudTrail::EventDataStore', 'EventDataStoreArn');
  const bucket = arnOf(t, 'Results', 'AWS::S3::Bucket');
  const key = arnOf(t, 'ResultsKey', 'AWS::KMS::Key');
  const result = `${bucket}/${prefix}/${ACCOUNT}/2026/01/01/0123abcd/result_1.csv.gz`;
  const otherStore = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/00000000-0000-4000-8000-000000000000`;
  return [
    { what: 'CloudTrail writes query results', principal: CLOUDTRAIL, action: 's3:PutObject', resource: result, context: { 'aws:SourceArn': storeArn }, expected: 'Allowed', source: SOURCES.queryResults },
    { what: 'CloudTrail checks the results bucket ACL', principal: CLOUDTRAIL, action: 's3:GetBucketAcl', resource: bucket, context: { 'aws:SourceArn': storeArn }, expected: 'Allowed', source: SOURCES.queryResults },
    { what: 'CloudTrail encrypts query results with the bucket key', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': storeArn }, expected: 'Allowed', source: SOURCES.queryResults },
    { what: 'denied: results of another store', principal: CLOUDTRAIL, action: 's3:PutObject', resource: result, context: { 'aws:SourceArn': otherStore }, expected: 'ImplicitlyDenied', source: SOURCES.queryResults },
    { what: 'denied: results with no SourceArn', principal: CLOUDTRAIL, action: 's3:PutObject', resource: result, expected: 'ImplicitlyDenied', source: SOURCES.queryResults },
    { what: 'denied: results outside the prefix', principal: CLOUDTRAIL, action: 's3:PutObject', resource: `${bucket}/other/result_1.csv.gz`, context: { 'aws:SourceArn': storeArn }, expected: 'ImplicitlyDenied', source: SOURCES.queryResults },
    { what: 'denied: the bucket key for another store', principal: CLOUDTRAIL, action: 'kms:GenerateDataKey', resource: key, context: { 'aws:SourceArn': otherStore }, expected: 'ImplicitlyDenied', source: SOURCES.queryResults },
  ];
}

/** ScheduledLakeQuery: its handler, the scheduler role, and (full) the topic. */
function scheduledQueryRows(t: ResolvedTemplate, topic?: string): Row[] {
  const storeArn = arnOf(t, 'Store', 'AWS::CloudTrail::EventDataStore', 'EventDataStoreArn');
  const role = 'CloudTrailOrgScheduledQueriesHandlerRole';
  const handler: RequestPrincipal = { role };
  const schedulerRole = arnOf(t, 'CloudTrailOrgScheduledQueriesSchedulerRole', 'AWS::IAM::Role');
  const rows: Row[] = [
    ...['StartQuery', 'DescribeQuery', 'GetQueryResults'].map((action): Row => (
      { what: `the scheduled-query handler calls ${action} on its store`, principal: handler, action: `cloudtrail:${action}`, resource: storeArn, expected: 'Allowed', source: SOURCES.queryApi })),
    { what: 'the scheduled-query handler decrypts the store', principal: handler, action: 'kms:Decrypt', resource: arnOf(t, 'StoreKey', 'AWS::KMS::Key'), expected: 'Allowed', source: SOURCES.lakeKey },
    { what: 'denied: the scheduled-query handler queries another store', principal: handler, action: 'cloudtrail:StartQuery', resource: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/00000000-0000-4000-8000-000000000000`, expected: 'ImplicitlyDenied', source: SOURCES.queryApi },
    { what: 'EventBridge Scheduler of this account assumes the scheduler role', principal: { service: 'scheduler.amazonaws.com' }, action: 'sts:AssumeRole', resource: schedulerRole, context: { 'aws:SourceAccount': ACCOUNT }, expected: 'Allowed', source: SOURCES.scheduler },
    { what: 'denied: EventBridge Scheduler of another account assumes the scheduler role', principal: { service: 'scheduler.amazonaws.com' }, action: 'sts:AssumeRole', resource: schedulerRole, context: { 'aws:SourceAccount': OTHER }, expected: 'ImplicitlyDenied', source: SOURCES.confusedDeputy },
    { what: 'the scheduler role invokes the scheduled-query function', principal: { role: 'CloudTrailOrgScheduledQueriesSchedulerRole' }, action: 'lambda:InvokeFunction', resource: arnOf(t, 'CloudTrailOrgScheduledQueriesFunction', 'AWS::Lambda::Function'), expected: 'Allowed', source: SOURCES.scheduler },
    { what: 'denied: the scheduler role invokes another function', principal: { role: 'CloudTrailOrgScheduledQueriesSchedulerRole' }, action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:another`, expected: 'ImplicitlyDenied', source: SOURCES.scheduler },
    ...handlerLogRows(t, role, 'CloudTrailOrgScheduledQueriesLogs'),
  ];
  if (topic) {
    rows.push(
      { what: 'the scheduled-query handler publishes to its topic', principal: handler, action: 'sns:Publish', resource: topic, expected: 'Allowed', source: SOURCES.snsPublish },
      { what: 'denied: the scheduled-query handler publishes to another topic', principal: handler, action: 'sns:Publish', resource: `arn:aws:sns:${REGION}:${ACCOUNT}:another-topic`, expected: 'ImplicitlyDenied', source: SOURCES.snsPublish },
    );
  } else {
    rows.push({ what: 'denied: without a topic the handler publishes nowhere', principal: handler, action: 'sns:Publish', resource: `arn:aws:sns:${REGION}:${ACCOUNT}:security-findings`, expected: 'ImplicitlyDenied', source: SOURCES.snsPublish });
  }
  return rows;
}

/** LakeImport: the handler's import calls and PassRole, the import role CloudTrail assumes. */
function lakeImportRows(t: ResolvedTemplate, prefix: string, sourceKey?: string): Row[] {
  const handler: RequestPrincipal = { role: OPERATIONS_ROLE };
  const importRole = arnOf(t, 'ImportRole', 'AWS::IAM::Role');
  const store = arnOf(t, 'Store', 'AWS::CloudTrail::EventDataStore', 'EventDataStoreArn');
  const importer: RequestPrincipal = { role: 'ImportRole' };
  const object = `arn:aws:s3:::trail-logs/${prefix}AWSLogs/${ORG_ID}/${MEMBER}/CloudTrail/${REGION}/2026/01/01/x.json.gz`;
  const rows: Row[] = [
    ...['StartImport', 'GetImport', 'ListImports', 'ListImportFailures', 'StopImport'].map((action): Row => (
      { what: `the handler calls ${action}`, principal: handler, action: `cloudtrail:${action}`, resource: '*', expected: 'Allowed', source: SOURCES.importApi })),
    { what: 'the handler passes the import role to CloudTrail', principal: handler, action: 'iam:PassRole', resource: importRole, context: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' }, expected: 'Allowed', source: SOURCES.passRole },
    { what: 'denied: the handler passes the import role to Lambda', principal: handler, action: 'iam:PassRole', resource: importRole, context: { 'iam:PassedToService': 'lambda.amazonaws.com' }, expected: 'ImplicitlyDenied', source: SOURCES.passRole },
    { what: 'denied: the handler passes another role', principal: handler, action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT}:role/administrator`, context: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' }, expected: 'ImplicitlyDenied', source: SOURCES.passRole },
    { what: 'CloudTrail importing into this store assumes the import role', principal: CLOUDTRAIL, action: 'sts:AssumeRole', resource: importRole, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': store }, expected: 'Allowed', source: SOURCES.importRole },
    { what: 'denied: CloudTrail importing into another store assumes the import role', principal: CLOUDTRAIL, action: 'sts:AssumeRole', resource: importRole, context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/00000000-0000-4000-8000-000000000000` }, expected: 'ImplicitlyDenied', source: SOURCES.confusedDeputy },
    { what: 'denied: CloudTrail for another account assumes the import role', principal: CLOUDTRAIL, action: 'sts:AssumeRole', resource: importRole, context: { 'aws:SourceAccount': OTHER, 'aws:SourceArn': store }, expected: 'ImplicitlyDenied', source: SOURCES.confusedDeputy },
    { what: 'the import role reads trail logs', principal: importer, action: 's3:GetObject', resource: object, expected: 'Allowed', source: SOURCES.importRole },
    { what: 'the import role lists the source bucket', principal: importer, action: 's3:ListBucket', resource: 'arn:aws:s3:::trail-logs', expected: 'Allowed', source: SOURCES.importRole },
    { what: 'the import role checks the source bucket ACL', principal: importer, action: 's3:GetBucketAcl', resource: 'arn:aws:s3:::trail-logs', expected: 'Allowed', source: SOURCES.importRole },
    { what: 'denied: the import role reads another bucket', principal: importer, action: 's3:GetObject', resource: 'arn:aws:s3:::payroll/x.csv', expected: 'ImplicitlyDenied', source: SOURCES.importRole },
    { what: 'denied: the import role writes the source bucket', principal: importer, action: 's3:PutObject', resource: object, expected: 'ImplicitlyDenied', source: SOURCES.importRole },
    ...handlerLogRows(t, OPERATIONS_ROLE, 'CloudTrailOrgOperationsOnEventLogs'),
  ];
  if (prefix) {
    rows.push({ what: 'denied: the import role reads outside the source prefix', principal: importer, action: 's3:GetObject', resource: 'arn:aws:s3:::trail-logs/other/x.json.gz', expected: 'ImplicitlyDenied', source: SOURCES.importRole });
  }
  if (sourceKey) {
    rows.push(
      { what: 'the import role decrypts with the source key', principal: importer, action: 'kms:Decrypt', resource: sourceKey, expected: 'Allowed', source: SOURCES.importRole, externalResourcePolicy: DEFAULT_KEY_POLICY },
      { what: 'denied: the import role decrypts with another key', principal: importer, action: 'kms:Decrypt', resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/00000000-0000-4000-8000-000000000000`, expected: 'ImplicitlyDenied', source: SOURCES.importRole, externalResourcePolicy: DEFAULT_KEY_POLICY },
    );
  }
  return rows;
}

/** OrganizationDelegatedAdmin: registration calls, scoped to its member accounts and to CloudTrail. */
function delegatedAdminRows(t: ResolvedTemplate, accounts: string[]): Row[] {
  const handler: RequestPrincipal = { role: SYNC_OPERATIONS_ROLE };
  const account = (id: string) => `arn:aws:organizations::${ACCOUNT}:account/${ORG_ID}/${id}`;
  const cloudTrailService = { 'organizations:ServicePrincipal': 'cloudtrail.amazonaws.com' };
  const slr = (service: string, name: string) => `arn:aws:iam::${ACCOUNT}:role/aws-service-role/${service}/${name}`;
  return [
    ...['RegisterOrganizationDelegatedAdmin', 'DeregisterOrganizationDelegatedAdmin'].map((action): Row => (
      { what: `the handler calls cloudtrail:${action}`, principal: handler, action: `cloudtrail:${action}`, resource: '*', expected: 'Allowed', source: SOURCES.delegatedAdmin })),
    ...accounts.flatMap((id): Row[] => ['RegisterDelegatedAdministrator', 'DeregisterDelegatedAdministrator'].map(action => (
      { what: `the handler calls organizations:${action} for ${id} and CloudTrail`, principal: handler, action: `organizations:${action}`, resource: account(id), context: cloudTrailService, expected: 'Allowed', source: SOURCES.delegatedAdmin }))),
    { what: 'denied: registering the account for another service', principal: handler, action: 'organizations:RegisterDelegatedAdministrator', resource: account(accounts[0]), context: { 'organizations:ServicePrincipal': 'config.amazonaws.com' }, expected: 'ImplicitlyDenied', source: SOURCES.organizations },
    { what: 'denied: registering another account', principal: handler, action: 'organizations:RegisterDelegatedAdministrator', resource: account(OTHER), context: cloudTrailService, expected: 'ImplicitlyDenied', source: SOURCES.organizations },
    { what: 'the handler enables trusted access for CloudTrail', principal: handler, action: 'organizations:EnableAWSServiceAccess', resource: '*', context: cloudTrailService, expected: 'Allowed', source: SOURCES.delegatedAdmin },
    { what: 'denied: trusted access for another service', principal: handler, action: 'organizations:EnableAWSServiceAccess', resource: '*', context: { 'organizations:ServicePrincipal': 'config.amazonaws.com' }, expected: 'ImplicitlyDenied', source: SOURCES.organizations },
    { what: 'the handler describes the organization', principal: handler, action: 'organizations:DescribeOrganization', resource: '*', expected: 'Allowed', source: SOURCES.delegatedAdmin },
    { what: 'the handler lists trusted services', principal: handler, action: 'organizations:ListAWSServiceAccessForOrganization', resource: '*', expected: 'Allowed', source: SOURCES.delegatedAdmin },
    { what: 'the handler creates the CloudTrail service-linked role', principal: handler, action: 'iam:CreateServiceLinkedRole', resource: slr('cloudtrail.amazonaws.com', 'AWSServiceRoleForCloudTrail'), context: { 'iam:AWSServiceName': 'cloudtrail.amazonaws.com' }, expected: 'Allowed', source: SOURCES.slr },
    { what: 'the handler creates the CloudTrail event-context service-linked role', principal: handler, action: 'iam:CreateServiceLinkedRole', resource: slr('context.cloudtrail.amazonaws.com', 'AWSServiceRoleForCloudTrailEventContext'), context: { 'iam:AWSServiceName': 'context.cloudtrail.amazonaws.com' }, expected: 'Allowed', source: SOURCES.slr },
    { what: 'denied: another service\'s service-linked role', principal: handler, action: 'iam:CreateServiceLinkedRole', resource: slr('config.amazonaws.com', 'AWSServiceRoleForConfig'), context: { 'iam:AWSServiceName': 'config.amazonaws.com' }, expected: 'ImplicitlyDenied', source: SOURCES.slr },
    { what: 'denied: the handler creates an ordinary role', principal: handler, action: 'iam:CreateRole', resource: `arn:aws:iam::${ACCOUNT}:role/backdoor`, expected: 'ImplicitlyDenied', source: SOURCES.delegatedAdmin },
    ...handlerLogRows(t, SYNC_OPERATIONS_ROLE, 'CloudTrailOrgSyncOperationsLogs'),
  ];
}

/** Forms beyond the fixtures: resources the fixtures import (so only warn about) owned by the stack instead. */
const OWNED = {
  trailWithTopic: (scope: Construct) => new OrganizationTrail(scope, 'Trail', { orgId: ORG_ID, snsTopic: new sns.Topic(scope, 'Topic') }),
  queryWithDeliveryBucket: (scope: Construct) => {
    const store = new LakeEventDataStore(scope, 'Store', { dataEvents: new DataEventSelectors() });
    new LakeQuery(scope, 'Query', {
      eventDataStore: store,
      queryStatement: `SELECT count(*) FROM ${store.eventDataStoreId}`,
      deliveryBucket: new s3.Bucket(scope, 'Results', { encryption: s3.BucketEncryption.KMS, enforceSSL: true }),
      deliveryPrefix: 'lake-query-results',
    });
  },
};

function fixture(construct: string, form: 'default' | 'full'): ResolvedTemplate {
  const found = CONSTRUCT_FIXTURES.find(f => f.construct === construct);
  if (!found) {
    throw new Error(`no fixture ${construct}`);
  }
  return synthesize(`${construct}${form === 'default' ? 'Default' : 'Full'}`, found[form]);
}

const SOURCE_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:security-findings`;

/** Every form and its rows: each fixture form, and the owned-resource forms. */
const FORMS: Array<[string, () => ResolvedTemplate, (t: ResolvedTemplate) => Row[]]> = [
  ['OrganizationTrail default', () => fixture('OrganizationTrail', 'default'), t => trailRows(t, '')],
  ['OrganizationTrail full', () => fixture('OrganizationTrail', 'full'), t => trailRows(t, 'audit/')],
  ['OrganizationTrail with a topic of its stack', () => synthesize('TrailWithTopic', OWNED.trailWithTopic), t => trailRows(t, '')],
  ['SecurityAlarms default', () => fixture('SecurityAlarms', 'default'), t => trailRows(t, '')],
  ['SecurityAlarms full', () => fixture('SecurityAlarms', 'full'), t => trailRows(t, 'audit/')],
  ['LakeEventDataStore default', () => fixture('LakeEventDataStore', 'default'), t => storeRows(t)],
  ['LakeEventDataStore full', () => fixture('LakeEventDataStore', 'full'), t => [...storeRows(t), ...storeRows(t, 'Insights'), ...fullStoreRows(t)]],
  ['LakeQuery default', () => fixture('LakeQuery', 'default'), t => [...storeRows(t), ...lakeQueryRows(t)]],
  ['LakeQuery full', () => fixture('LakeQuery', 'full'), t => [...storeRows(t), ...lakeQueryRows(t)]],
  ['LakeQuery with a delivery bucket of its stack', () => synthesize('QueryWithDeliveryBucket', OWNED.queryWithDeliveryBucket),
    t => [...lakeQueryRows(t), ...queryDeliveryRows(t, 'lake-query-results')]],
  ['ScheduledLakeQuery default', () => fixture('ScheduledLakeQuery', 'default'), t => [...storeRows(t), ...scheduledQueryRows(t)]],
  ['ScheduledLakeQuery full', () => fixture('ScheduledLakeQuery', 'full'), t => [...storeRows(t), ...scheduledQueryRows(t, TOPIC)]],
  ['LakeImport default', () => fixture('LakeImport', 'default'), t => [...storeRows(t), ...lakeImportRows(t, '')]],
  ['LakeImport full', () => fixture('LakeImport', 'full'), t => [...storeRows(t), ...lakeImportRows(t, 'audit/', SOURCE_KEY)]],
  ['OrganizationDelegatedAdmin default', () => fixture('OrganizationDelegatedAdmin', 'default'), t => delegatedAdminRows(t, [MEMBER])],
  ['OrganizationDelegatedAdmin full', () => fixture('OrganizationDelegatedAdmin', 'full'), t => delegatedAdminRows(t, [MEMBER, '333333333333'])],
];

/** Every row of every form, for the totals test below. */
const ALL_ROWS: Row[] = [];

describe.each(FORMS)('%s', (_name, build, rows) => {
  const template = build();
  const table = rows(template);
  ALL_ROWS.push(...table);
  test.each(table)('$what ($expected)', async row => {
    expect(row.source).toMatch(/^[A-Z][A-Za-z0-9 ]+, "[^"]+"/);
    const result = await simulate(template, {
      principal: row.principal,
      action: row.action,
      resource: row.resource,
      context: row.context,
      resourcePolicy: row.externalResourcePolicy,
    });
    expect({ decision: result.decision, source: row.source }).toEqual({ decision: row.expected, source: row.source });
  });
});

test('every form has allowed paths and denials', () => {
  const allowed = ALL_ROWS.filter(row => row.expected === 'Allowed').length;
  const denied = ALL_ROWS.length - allowed;
  expect(allowed).toBeGreaterThan(50);
  expect(denied).toBeGreaterThan(50);
  expect(ALL_ROWS.filter(row => row.expected === 'ExplicitlyDenied').length).toBeGreaterThan(0);
});

test('a form that does not own the topic or the delivery bucket has no policy for it (the library warns instead)', () => {
  const full = fixture('OrganizationTrail', 'full');
  expect(full.resourcePolicy('sns:Publish', TOPIC)).toBeUndefined();
  const query = fixture('LakeQuery', 'full');
  expect(query.resourcePolicy('s3:PutObject', 'arn:aws:s3:::query-results/lake-query-results/x')).toBeUndefined();
});

test('the helper fails loudly on an intrinsic it cannot resolve', () => {
  const template = fixture('OrganizationTrail', 'default');
  expect(() => template.resolve({ 'Fn::ImportValue': 'Shared-BucketArn' }, 'test')).toThrow(/cannot resolve/);
  expect(() => template.resolve({ 'Fn::GetAtt': ['TrailLogsBucket6BA0A629', 'WebsiteURL'] }, 'test')).toThrow(/not known/);
  expect(() => template.resolve({ Ref: 'AWS::NotificationARNs' }, 'test')).toThrow(/pseudo parameter/);
});
