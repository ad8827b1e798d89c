import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { IEventDataStore } from './event-data-store-props';
import { addOrRequestStatements } from '../policy/resource-policy';

const CLOUDTRAIL = new iam.ServicePrincipal('cloudtrail.amazonaws.com');

/** Where a query's results go: a bucket and an optional key prefix. */
export interface QueryDelivery {
  readonly bucket: s3.IBucket;
  readonly prefix?: string;
}

/** The StartQuery DeliveryS3Uri of a delivery: `s3://<bucket>[/<prefix>]`, without a trailing '/'. */
export function deliveryS3Uri(delivery: QueryDelivery): string {
  const prefix = delivery.prefix?.replace(/\/+$/, '');
  return prefix ? `s3://${delivery.bucket.bucketName}/${prefix}` : `s3://${delivery.bucket.bucketName}`;
}

/**
 * Lets CloudTrail write the results of queries on a store into the delivery bucket (and encrypt them with
 * the bucket's key), limited to that store with aws:SourceArn. A bucket or key this stack does not own gets
 * a warning with the statements instead.
 */
export function allowQueryDelivery(scope: IConstruct, delivery: QueryDelivery, store: IEventDataStore): void {
  // CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail Lake query results"
  const fromStore = { StringEquals: { 'aws:SourceArn': store.eventDataStoreArn } };
  const prefix = delivery.prefix?.replace(/\/+$/, '');
  const bucket = delivery.bucket;
  addOrRequestStatements(scope, bucket, [
    new iam.PolicyStatement({
      sid: 'CloudTrailLakeQueryResults',
      principals: [CLOUDTRAIL],
      actions: ['s3:PutObject*', 's3:Abort*'],
      resources: [bucket.arnForObjects(prefix ? `${prefix}/*` : '*')],
      conditions: fromStore,
    }),
    new iam.PolicyStatement({
      sid: 'CloudTrailLakeQueryResultsAcl',
      principals: [CLOUDTRAIL],
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions: fromStore,
    }),
  ], {
    id: 'BucketPolicyNotManaged',
    resource: `query delivery bucket ${bucket.node.path}`,
    policy: 'bucket policy',
    consequence: 'Queries fail with InsufficientS3BucketPolicyException',
  });
  if (bucket.encryptionKey) {
    addOrRequestStatements(scope, bucket.encryptionKey, [
      new iam.PolicyStatement({
        sid: 'CloudTrailLakeQueryResultsEncryption',
        principals: [CLOUDTRAIL],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: fromStore,
      }),
    ], {
      id: 'KeyPolicyNotManaged',
      resource: `key ${bucket.encryptionKey.node.path} of the query delivery bucket`,
      policy: 'key policy',
      consequence: 'Queries fail with InsufficientEncryptionPolicyException',
    });
  }
}
