import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeGateFindings, GATE_ACKNOWLEDGEMENTS } from '../policy/gate-acknowledgements';

/** Where CloudTrail writes and which trail may write there. */
export interface TrailDelivery {
  /** The trail's ARN, built from its name (the trail's own attribute would be a dependency cycle). */
  readonly trailArn: string;
  /** The account that owns the trail, whose logs land under `AWSLogs/<account>/`. */
  readonly account: string;
  /** The organization, whose member accounts' logs land under `AWSLogs/<orgId>/<account>/`. */
  readonly orgId: string;
  /** The trail's S3 key prefix, without slashes around it. */
  readonly keyPrefix?: string;
}

/** Settings of the log bucket a trail creates. */
export interface LogBucketProps {
  readonly encryptionKey: kms.IKey;
  readonly removalPolicy: RemovalPolicy;
  readonly logFileExpiration?: Duration;
  /** The default Object Lock retention of the log files. */
  readonly objectLockRetention?: s3.ObjectLockRetention;
  /** The log bucket's name, e.g. `PhysicalName.GENERATE_IF_NEEDED` so that stacks of other accounts can name it. */
  readonly bucketName?: string;
}

// Older log files are rarely read; Glacier Instant Retrieval keeps them readable in milliseconds.
const TRANSITION_AFTER = Duration.days(90);
// Versions replaced or deleted stay recoverable this long, then stop costing.
const NONCURRENT_VERSION_EXPIRATION = Duration.days(365);
const ABORT_INCOMPLETE_UPLOADS_AFTER = Duration.days(7);
const ACCESS_LOG_PREFIX = 'bucket-access-logs/';

/**
 * The bucket an organization trail writes to: public access blocked, ACLs disabled, SSE-KMS with the
 * trail's key, versioned, TLS only, a lifecycle, and server access logs in a bucket of their own.
 */
export class LogBucket extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id);
    // S3 server access logs can only be delivered to a bucket with SSE-S3 encryption.
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      ...commonSettings(props),
      encryption: s3.BucketEncryption.S3_MANAGED,
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...commonSettings(props),
      bucketName: props.bucketName,
      objectLockDefaultRetention: props.objectLockRetention,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
    });
    this.deliverAccessLogs();
    for (const bucket of [this.bucket, this.accessLogBucket]) {
      // EventBridge notifications let detection tooling react to new or deleted log files (AWS Control
      // Tower CT.S3.PR.4). Set on the L1: the L2's eventBridgeEnabled deploys a custom resource and a function.
      (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
    }
    acknowledgeGateFindings(this, GATE_ACKNOWLEDGEMENTS.logBucketReplication);
    acknowledgeGateFindings(this.accessLogBucket, GATE_ACKNOWLEDGEMENTS.accessLogEncryption);
    acknowledgeGateFindings(this.accessLogBucket, GATE_ACKNOWLEDGEMENTS.accessLogLogging);
  }

  /**
   * Server access logs through a bucket policy rather than `serverAccessLogsBucket`, which gives the
   * target bucket the LogDeliveryWrite ACL (and so ACLs enabled) unless the app sets the feature flag
   * `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy`.
   */
  private deliverAccessLogs(): void {
    this.accessLogBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'S3ServerAccessLogsDelivery',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [this.accessLogBucket.arnForObjects(`${ACCESS_LOG_PREFIX}*`)],
      conditions: {
        ArnLike: { 'aws:SourceArn': this.bucket.bucketArn },
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      },
    }));
    (this.bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: this.accessLogBucket.bucketName,
      logFilePrefix: ACCESS_LOG_PREFIX,
    };
  }
}

function commonSettings(props: LogBucketProps): s3.BucketProps {
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    // Object Lock without a default retention changes nothing until someone locks objects, and it can
    // only be turned on when a bucket is created (AWS Control Tower CT.S3.PR.9).
    objectLockEnabled: true,
    removalPolicy: props.removalPolicy,
    lifecycleRules: [{
      abortIncompleteMultipartUploadAfter: ABORT_INCOMPLETE_UPLOADS_AFTER,
      noncurrentVersionExpiration: NONCURRENT_VERSION_EXPIRATION,
      // S3 takes an expiration only later than every transition (AWS::S3::Bucket Rule ExpirationInDays): log
      // files that expire by then stay where they are.
      transitions: expiresBy(props.logFileExpiration, TRANSITION_AFTER)
        ? undefined
        : [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: TRANSITION_AFTER }],
      expiration: props.logFileExpiration,
    }],
  };
}

/** Whether objects expire no later than the given age; an unknown (token) expiration is taken as later. */
function expiresBy(expiration: Duration | undefined, age: Duration): boolean {
  return expiration !== undefined && !expiration.isUnresolved() && expiration.toDays() <= age.toDays();
}

/**
 * The bucket policy statements an organization trail needs (CloudTrail User Guide, "Amazon S3 bucket
 * policy for CloudTrail", organization trails): CloudTrail reads the bucket ACL and writes the
 * management account's and the member accounts' logs, each only for this trail (`aws:SourceArn`).
 */
export function organizationTrailBucketStatements(bucket: s3.IBucket, delivery: TrailDelivery): iam.PolicyStatement[] {
  const principal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
  const fromThisTrail = { 'aws:SourceArn': delivery.trailArn };
  const prefix = delivery.keyPrefix ? `${delivery.keyPrefix}/` : '';
  const write = (sid: string, owner: string) => new iam.PolicyStatement({
    sid,
    principals: [principal],
    actions: ['s3:PutObject'],
    resources: [bucket.arnForObjects(`${prefix}AWSLogs/${owner}/*`)],
    conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...fromThisTrail } },
  });
  return [
    new iam.PolicyStatement({
      sid: 'CloudTrailAclCheck',
      principals: [principal],
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions: { StringEquals: fromThisTrail },
    }),
    write('CloudTrailWriteAccountLogs', delivery.account),
    write('CloudTrailWriteOrganizationLogs', delivery.orgId),
  ];
}
