import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';

/**
 * A log bucket and key that admit one organization trail of another account: a `TrailLogArchive`, or one imported
 * with `TrailLogArchive.fromLogArchiveAttributes`. An `OrganizationTrail` with `logArchive` writes there.
 */
export interface ILogArchive extends IConstruct {
  /** The bucket the trail writes log files to. */
  readonly bucket: s3.IBucket;
  /** The key that encrypts the log files, named by an ARN that stacks of other accounts can use. */
  readonly encryptionKey: kms.IKey;
  /** The name of the trail the bucket and key policies admit. */
  readonly trailName: string;
  /** The account that owns that trail: the organization's management account. */
  readonly managementAccountId: string;
  /** The organization whose logs the bucket policy admits. */
  readonly orgId: string;
  /** The Region of the trail ARN the policies admit: the trail's home Region. */
  readonly trailRegion: string;
  /** The key prefix the bucket policy admits log files under, if any. */
  readonly s3KeyPrefix?: string;
}

/** What the Log Archive account publishes for the management account's trail. */
export interface LogArchiveAttributes {
  /** The log bucket's name. */
  readonly bucketName: string;
  /** The ARN of the log key or of its alias (CreateTrail KmsKeyId takes either). */
  readonly keyArn: string;
  /** The name of the trail the archive admits. */
  readonly trailName: string;
  /** The organization's management account, which owns the trail. */
  readonly managementAccountId: string;
  /** The organization whose logs the archive admits. */
  readonly orgId: string;
  /**
   * The Region of the trail ARN the archive admits.
   *
   * @default - the importing stack's Region
   */
  readonly trailRegion?: string;
  /**
   * The key prefix the archive admits log files under.
   *
   * @default - none: `AWSLogs/`
   */
  readonly s3KeyPrefix?: string;
}

/** Properties of a Log Archive account's bucket and key for an organization trail. */
export interface TrailLogArchiveProps {
  /** The organization whose logs the bucket admits, `o-` followed by 10 to 32 lowercase letters or digits. */
  readonly orgId: string;

  /** The organization's management account, which owns every organization trail (also one a delegated administrator creates). */
  readonly managementAccountId: string;

  /**
   * The name of the organization trail the bucket and key admit (their `aws:SourceArn` conditions). Give this or
   * `trailArn`.
   *
   * @default - the name in `trailArn`
   */
  readonly trailName?: string;

  /**
   * The ARN of the organization trail the bucket and key admit, in the management account. Give this or `trailName`.
   *
   * @default - built from `trailName`, `managementAccountId` and `trailRegion`
   */
  readonly trailArn?: string;

  /**
   * The trail's home Region, part of the trail ARN the policies admit (with `trailName`).
   *
   * @default - the Region in `trailArn`, or else this stack's Region
   */
  readonly trailRegion?: string;

  /**
   * The key prefix the trail writes under, at most 200 characters: logs go to `<prefix>/AWSLogs/`.
   *
   * @default - logs go to `AWSLogs/`
   */
  readonly s3KeyPrefix?: string;

  /**
   * Expire log files after this long.
   *
   * @default - log files are kept until deleted
   */
  readonly logFileExpiration?: Duration;

  /**
   * A default Object Lock retention for the log files: `s3.ObjectLockRetention.governance(Duration.days(n))` or
   * `.compliance(...)`. In compliance mode nobody, the root user included, can delete a log file or the bucket
   * before the retention ends. `logFileExpiration` must not be shorter.
   *
   * @default - Object Lock is on, without a default retention
   */
  readonly objectLockRetention?: s3.ObjectLockRetention;

  /**
   * What happens to the bucket and key when they leave the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
