import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { createRotatingKey } from '../kms/rotating-key';

const KEY_ID = 'CloudTrailOrgHandlerLogKey';
const HANDLER_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

/** A log group of the library's handlers or waiter: one year, encrypted with the stack's handler log key, removed with the stack. */
export function handlerLogGroup(scope: Construct, id: string): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    retention: HANDLER_LOG_RETENTION,
    encryptionKey: handlerLogKey(scope),
    removalPolicy: RemovalPolicy.DESTROY,
  });
}

/**
 * The key that encrypts the log groups of the library's handler functions and waiter in a stack (the
 * Control Tower control CT.CLOUDWATCH.PR.3 and the cdk-nag packs ask for a customer managed key), created
 * on first use. CloudWatch Logs may use it for log groups of this account and Region only: naming the
 * groups themselves would make each group and the key depend on each other.
 */
function handlerLogKey(scope: IConstruct): kms.IKey {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(KEY_ID) as kms.Key | undefined;
  if (existing) {
    return existing;
  }
  // Removed with the stack, as the log groups it encrypts are.
  const key = createRotatingKey(stack, KEY_ID, 'Encrypts the log groups of the cdk-cloudtrail-org handler functions', RemovalPolicy.DESTROY);
  const logsService = new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`);
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchLogsEncryptHandlerLogGroups',
    principals: [logsService],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
    resources: ['*'],
    // CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS"
    conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` } },
  }));
  // DescribeKey carries no encryption context, so that condition key could never match it.
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchLogsDescribeKey',
    principals: [logsService],
    actions: ['kms:DescribeKey'],
    resources: ['*'],
  }));
  return key;
}
