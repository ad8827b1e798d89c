import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { createRotatingKey } from '../kms/rotating-key';

/** The account and trail a key policy is written for. */
export interface KeyUse {
  /** The trail's ARN, built from its name. */
  readonly trailArn: string;
  /** The account that owns the trail. */
  readonly account: string;
  /** The ARN of the log group the key encrypts, when CloudTrail delivers to CloudWatch Logs. */
  readonly logGroupArn?: string;
}

/** A new customer managed key for a trail's log files (or, given `what`, for something else of the trail). */
export function createLogKey(scope: Construct, id: string, removalPolicy: RemovalPolicy, what = 'the CloudTrail log files'): kms.Key {
  return createRotatingKey(scope, id, `Encrypts ${what} of ${scope.node.path}`, removalPolicy);
}

/**
 * The key policy statements a trail needs (CloudTrail User Guide, "Configure AWS KMS key policies for
 * CloudTrail"): CloudTrail may generate data keys for this trail's log files only, decrypt for this trail
 * (the bucket's S3 Bucket Key) and describe the key. When the key also encrypts the trail's log group,
 * CloudWatch Logs may use it for that group only.
 */
export function trailKeyStatements(use: KeyUse, scope: Construct): iam.PolicyStatement[] {
  return [
    ...cloudTrailKeyStatements(use, scope),
    ...(use.logGroupArn ? logGroupKeyStatements(use.logGroupArn, scope) : []),
  ];
}

/** The statements that let CloudTrail encrypt one trail's log files (`use.logGroupArn` is not read). */
export function cloudTrailKeyStatements(use: KeyUse, scope: Construct): iam.PolicyStatement[] {
  const partition = Stack.of(scope).partition;
  const cloudtrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
  return [
    new iam.PolicyStatement({
      sid: 'CloudTrailEncryptLogs',
      principals: [cloudtrail],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceArn': use.trailArn },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${partition}:cloudtrail:*:${use.account}:trail/*` },
      },
    }),
    // The log bucket's S3 Bucket Key is made with this key, so CloudTrail also decrypts; the encryption context is
    // then the bucket's, not the trail's, so the trail's SourceArn is what limits it
    new iam.PolicyStatement({
      sid: 'CloudTrailDecryptWithBucketKey',
      principals: [cloudtrail],
      actions: ['kms:Decrypt'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceArn': use.trailArn } },
    }),
    new iam.PolicyStatement({
      sid: 'CloudTrailDescribeKey',
      principals: [cloudtrail],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceArn': use.trailArn } },
    }),
  ];
}

/**
 * The statements that let CloudWatch Logs of the scope's Region encrypt one log group (CloudWatch Logs User Guide,
 * "Encrypt log data in CloudWatch Logs using AWS KMS").
 */
export function logGroupKeyStatements(logGroupArn: string, scope: Construct): iam.PolicyStatement[] {
  // CloudWatch Logs service principals are Regional.
  const logs = new iam.ServicePrincipal(`logs.${Stack.of(scope).region}.amazonaws.com`);
  return [
    new iam.PolicyStatement({
      sid: 'CloudWatchLogsEncryptTrailLogGroup',
      principals: [logs],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
    }),
    // DescribeKey carries no encryption context: under that condition it could never be allowed
    new iam.PolicyStatement({ sid: 'CloudWatchLogsDescribeKey', principals: [logs], actions: ['kms:DescribeKey'], resources: ['*'] }),
  ];
}
