import { Arn, ArnFormat, Names, PhysicalName, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { LogArchiveAttributes, ILogArchive, TrailLogArchiveProps } from './log-archive-props';
import { LogBucket, organizationTrailBucketStatements } from './log-bucket';
import { cloudTrailKeyStatements, createLogKey } from './log-key';
import { KMS_ALIAS_NAME_MAX_LENGTH_AFTER_PREFIX } from '../core/limits';
import { archiveTrailProblems, parseTrailArn } from '../core/log-archive-rules';
import { trailNameProblems } from '../core/names';
import { accountIdProblems, organizationIdProblems } from '../core/organization';
import { throwIfProblems } from '../core/problems';
import { removalPolicyProblems } from '../core/removal-policy';
import { logFileExpirationProblems, objectLockRetentionProblems, s3KeyPrefixProblems } from '../core/trail-rules';

/**
 * The ARN of an alias of the scope's stack as a plain string, when the stack's account and Region are known: a trail
 * template then names its key by a string, which the AWS Control Tower control CT.CLOUDTRAIL.PR.1 requires of a key
 * of another template.
 */
function literalArn(scope: Construct, aliasName: string): string | undefined {
  const { account, region } = Stack.of(scope);
  const partition = Token.isUnresolved(region) ? undefined : RegionInfo.get(region).partition;
  return Token.isUnresolved(account) || !partition ? undefined : `arn:${partition}:kms:${region}:${account}:${aliasName}`;
}

/** The name and Region in a trail ARN the archive's rules accepted: a literal one, or a token CloudFormation splits. */
function trailOfArn(arn: string): { trailName: string; region: string } {
  const parts = parseTrailArn(arn) ?? Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
  return { trailName: 'trailName' in parts ? parts.trailName : parts.resourceName ?? '', region: parts.region ?? '' };
}

/**
 * The log bucket and key of an organization trail, in a Log Archive account (the AWS Control Tower and Security
 * Reference Architecture layout): the bucket, its access-log bucket and the key with the defaults an
 * `OrganizationTrail` gives its own, and the bucket and key policy statements for one organization trail of the
 * management account. Pass it (or `fromLogArchiveAttributes`) as the trail's `logArchive`.
 *
 * Stacks of other accounts name the bucket by a name generated when they reference it and the key by its alias, so
 * that no cross-stack export is needed.
 *
 * @example
 * new TrailLogArchive(this, 'LogArchive', {
 *   orgId: 'o-a1b2c3d4e5',
 *   managementAccountId: '111111111111',
 *   trailName: 'organization-audit',
 * });
 */
export class TrailLogArchive extends Construct implements ILogArchive {
  /**
   * A log archive of another stack or app, from what the Log Archive account publishes. Its policies are not
   * changed: they must admit the trail described here.
   */
  public static fromLogArchiveAttributes(scope: Construct, id: string, attrs: LogArchiveAttributes): ILogArchive {
    class Import extends Construct implements ILogArchive {
      public readonly bucket: s3.IBucket;
      public readonly encryptionKey: kms.IKey;
      public readonly trailName = attrs.trailName;
      public readonly managementAccountId = attrs.managementAccountId;
      public readonly orgId = attrs.orgId;
      public readonly trailRegion = attrs.trailRegion ?? Stack.of(scope).region;
      public readonly s3KeyPrefix = attrs.s3KeyPrefix;

      constructor() {
        super(scope, id);
        this.encryptionKey = kms.Key.fromKeyArn(this, 'Key', attrs.keyArn);
        this.bucket = s3.Bucket.fromBucketAttributes(this, 'Bucket', { bucketName: attrs.bucketName, encryptionKey: this.encryptionKey });
      }
    }
    return new Import();
  }

  /** The bucket CloudTrail writes log files to. */
  public readonly bucket: s3.IBucket;
  /** The bucket the log bucket's server access logs go to. */
  public readonly accessLogBucket: s3.IBucket;
  /**
   * The key that encrypts the log files, named by its alias's ARN, which stacks of other accounts can use. Grants go
   * through `grantRead` or `key`.
   */
  public readonly encryptionKey: kms.IKey;
  /** The key that encrypts the log files itself. */
  public readonly key: kms.IKey;
  /** The name of the trail the bucket and key policies admit. */
  public readonly trailName: string;
  /** The account that owns that trail. */
  public readonly managementAccountId: string;
  /** The organization whose logs the bucket policy admits. */
  public readonly orgId: string;
  /** The Region of the trail ARN the policies admit. */
  public readonly trailRegion: string;
  /** The key prefix the bucket policy admits log files under, if any. */
  public readonly s3KeyPrefix?: string;

  constructor(scope: Construct, id: string, props: TrailLogArchiveProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    throwIfProblems(this, [
      ...organizationIdProblems('orgId', props.orgId),
      ...accountIdProblems('managementAccountId', props.managementAccountId),
      ...archiveTrailProblems(props),
      ...(props.trailName === undefined ? [] : trailNameProblems('trailName', props.trailName)),
      ...s3KeyPrefixProblems('s3KeyPrefix', props.s3KeyPrefix),
      ...logFileExpirationProblems('logFileExpiration', props.logFileExpiration),
      ...objectLockRetentionProblems('objectLockRetention', props.objectLockRetention, props.logFileExpiration),
      ...removalPolicyProblems(removalPolicy, 'the log bucket and key have no snapshots', 'use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY'),
    ]);
    const stack = Stack.of(this);
    this.managementAccountId = props.managementAccountId;
    this.orgId = props.orgId;
    this.s3KeyPrefix = props.s3KeyPrefix;
    let trailArn: string;
    if (props.trailArn !== undefined) {
      ({ trailName: this.trailName, region: this.trailRegion } = trailOfArn(props.trailArn));
      trailArn = props.trailArn;
    } else {
      this.trailName = props.trailName!;
      this.trailRegion = props.trailRegion ?? stack.region;
      trailArn = stack.formatArn({
        service: 'cloudtrail', resource: 'trail', resourceName: this.trailName, account: this.managementAccountId, region: this.trailRegion,
      });
    }

    const key = createLogKey(this, 'Key', removalPolicy);
    for (const statement of cloudTrailKeyStatements({ trailArn, account: this.managementAccountId }, this)) {
      key.addToResourcePolicy(statement);
    }
    this.key = key;
    // A key's ARN holds an ID known only after deployment; an alias's is known before, in every account.
    const aliasName = `alias/${Names.uniqueResourceName(this, { maxLength: KMS_ALIAS_NAME_MAX_LENGTH_AFTER_PREFIX, separator: '-' })}`;
    const alias = new kms.Alias(this, 'KeyAlias', { aliasName, targetKey: key, removalPolicy });
    const arn = literalArn(this, aliasName);
    this.encryptionKey = arn ? kms.Key.fromKeyArn(this, 'KeyByAlias', arn) : alias;

    const logs = new LogBucket(this, 'Logs', {
      encryptionKey: key,
      removalPolicy,
      logFileExpiration: props.logFileExpiration,
      objectLockRetention: props.objectLockRetention,
      bucketName: PhysicalName.GENERATE_IF_NEEDED,
    });
    this.bucket = logs.bucket;
    this.accessLogBucket = logs.accessLogBucket;
    const delivery = { trailArn, account: this.managementAccountId, orgId: this.orgId, keyPrefix: this.s3KeyPrefix };
    for (const statement of organizationTrailBucketStatements(this.bucket, delivery)) {
      this.bucket.addToResourcePolicy(statement);
    }
  }

  /**
   * Lets a principal, also one of another account (a Security Tooling account's role), read the log files: the
   * bucket policy and the key policy admit it, and a principal of another account needs an identity policy too.
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    // The bucket's default key is the log key: the bucket's grant covers decryption.
    return this.bucket.grantRead(grantee);
  }
}
