/**
 * LakeExportToCloudWatch's access paths, asked of the IAM policy simulator (./simulator.ts). CloudWatch Logs API
 * Reference, CreateImportTask: the caller has the import role's access and may pass the role (iam:PassRole, with
 * iam:AssociatedResourceARN naming the store's log group); the role trusts cloudtrail.amazonaws.com and may call
 * cloudtrail:GetEventDataStoreData, logs:CreateLogGroup, logs:CreateLogStream, logs:PutResourcePolicy, and use the
 * source's KMS key.
 */
import * as kms from 'aws-cdk-lib/aws-kms';
import { ACCOUNT, Decision, PolicyDocument, RequestPrincipal, simulate, synthesize } from './simulator';
import { LakeEventDataStore, LakeExportToCloudWatch } from '../../src';

const REGION = 'us-east-1';
const STORE_ID = 'EXAMPLE-a1b2-4c3d-8e4f-5a6bEXAMPLE';
const STORE_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/${STORE_ID}`;
const OTHER_STORE_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/00000000-0000-4000-8000-000000000000`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890cd`;
const LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws/cloudtrail/${STORE_ID}`;
const OTHER_LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws/cloudtrail/00000000-0000-4000-8000-000000000000`;

/** The imported key's policy: the default one, which lets the account's IAM policies decide. */
const KEY_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

const template = synthesize('ExportAccess', scope => {
  new LakeExportToCloudWatch(scope, 'Export', {
    eventDataStore: LakeEventDataStore.fromEventDataStoreAttributes(scope, 'Store', {
      eventDataStoreArn: STORE_ARN, encryptionKey: kms.Key.fromKeyArn(scope, 'StoreKey', KEY_ARN),
    }),
  });
});
const importRole = template.getAtt(template.logicalId('ExportRole', 'AWS::IAM::Role'), 'Arn');
const handler: RequestPrincipal = { role: 'CloudTrailOrgOperationsHandlerRole' };
const role: RequestPrincipal = { role: 'ExportRole' };
const CLOUDTRAIL: RequestPrincipal = { service: 'cloudtrail.amazonaws.com' };

const rows: Array<[string, RequestPrincipal, string, string, Record<string, string>, Decision]> = [
  ['the handler starts an import task', handler, 'logs:CreateImportTask', '*', {}, 'Allowed'],
  ['the handler follows import tasks', handler, 'logs:DescribeImportTasks', '*', {}, 'Allowed'],
  ['the handler lists a task\'s failed batches', handler, 'logs:DescribeImportTaskBatches', '*', {}, 'Allowed'],
  ['the handler cancels an import task', handler, 'logs:CancelImportTask', '*', {}, 'Allowed'],
  ['the handler reads the store\'s data, as the caller must', handler, 'cloudtrail:GetEventDataStoreData', STORE_ARN, {}, 'Allowed'],
  ['denied: the handler reads another store\'s data', handler, 'cloudtrail:GetEventDataStoreData', OTHER_STORE_ARN, {}, 'ImplicitlyDenied'],
  ['the handler decrypts with the store\'s key', handler, 'kms:Decrypt', KEY_ARN, {}, 'Allowed'],
  ['the handler passes the import role for the store\'s log group', handler, 'iam:PassRole', importRole, { 'iam:AssociatedResourceArn': `${LOG_GROUP}:*` }, 'Allowed'],
  ['denied: the handler passes the import role for another store\'s log group', handler, 'iam:PassRole', importRole,
    { 'iam:AssociatedResourceArn': `${OTHER_LOG_GROUP}:*` }, 'ImplicitlyDenied'],
  ['denied: the handler passes the import role with no associated resource', handler, 'iam:PassRole', importRole, {}, 'ImplicitlyDenied'],
  ['denied: the handler passes another role', handler, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/administrator`,
    { 'iam:AssociatedResourceArn': `${LOG_GROUP}:*` }, 'ImplicitlyDenied'],
  ['the handler may create the store\'s log group, as the reference\'s caller policy does', handler, 'logs:CreateLogGroup', LOG_GROUP, {}, 'Allowed'],
  ['denied: the handler creates another log group', handler, 'logs:CreateLogGroup', OTHER_LOG_GROUP, {}, 'ImplicitlyDenied'],
  ['denied: the handler deletes the store\'s log group', handler, 'logs:DeleteLogGroup', LOG_GROUP, {}, 'ImplicitlyDenied'],
  ['CloudTrail of this account assumes the import role', CLOUDTRAIL, 'sts:AssumeRole', importRole, { 'aws:SourceAccount': ACCOUNT }, 'Allowed'],
  ['denied: CloudTrail on behalf of another account assumes the import role', CLOUDTRAIL, 'sts:AssumeRole', importRole,
    { 'aws:SourceAccount': '999999999999' }, 'ImplicitlyDenied'],
  ['denied: Lambda assumes the import role', { service: 'lambda.amazonaws.com' }, 'sts:AssumeRole', importRole, { 'aws:SourceAccount': ACCOUNT }, 'ImplicitlyDenied'],
  ['the import role reads the store\'s data', role, 'cloudtrail:GetEventDataStoreData', STORE_ARN, {}, 'Allowed'],
  ['denied: the import role reads another store\'s data', role, 'cloudtrail:GetEventDataStoreData', OTHER_STORE_ARN, {}, 'ImplicitlyDenied'],
  ['denied: the import role queries the store', role, 'cloudtrail:StartQuery', STORE_ARN, {}, 'ImplicitlyDenied'],
  ['the import role creates the store\'s log group', role, 'logs:CreateLogGroup', LOG_GROUP, {}, 'Allowed'],
  ['the import role creates the store\'s log group, named as the resource example names it', role, 'logs:CreateLogGroup',
    `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/cloudtrail/${STORE_ID}`, {}, 'Allowed'],
  ['the import role creates a stream in it', role, 'logs:CreateLogStream', `${LOG_GROUP}:log-stream:batch-1`, {}, 'Allowed'],
  ['denied: the import role creates another store\'s log group', role, 'logs:CreateLogGroup', OTHER_LOG_GROUP, {}, 'ImplicitlyDenied'],
  ['denied: the import role writes events itself', role, 'logs:PutLogEvents', `${LOG_GROUP}:log-stream:batch-1`, {}, 'ImplicitlyDenied'],
  ['denied: the import role deletes the log group', role, 'logs:DeleteLogGroup', LOG_GROUP, {}, 'ImplicitlyDenied'],
  ['the import role puts the delivery resource policy (no resource type)', role, 'logs:PutResourcePolicy', '*', {}, 'Allowed'],
  ['the import role decrypts with the store\'s key', role, 'kms:Decrypt', KEY_ARN, {}, 'Allowed'],
  ['denied: the import role decrypts with another key', role, 'kms:Decrypt', `arn:aws:kms:${REGION}:${ACCOUNT}:key/00000000-0000-4000-8000-000000000000`, {},
    'ImplicitlyDenied'],
];

describe('LakeExportToCloudWatch access paths', () => {
  test.each(rows)('%s', async (_, principal, action, resource, context, expected) => {
    const result = await simulate(template, { principal, action, resource, context, resourcePolicy: action.startsWith('kms:') ? KEY_POLICY : undefined });
    expect(result.decision).toBe(expected);
  });
});
