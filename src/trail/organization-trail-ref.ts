import { IResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { SecurityAlarms, SecurityAlarmsOptions } from './security-alarms';

/**
 * An organization trail: one created by `OrganizationTrail`, or an existing one imported with
 * `OrganizationTrail.fromTrailArn` or `OrganizationTrail.fromTrailAttributes` (such as Control Tower's).
 * The bucket and key are not part of it: a created trail always has them (`OrganizationTrail.bucket`), an imported
 * one only when given, and jsii does not let a class make an optional interface property required.
 */
export interface IOrganizationTrail extends IResource {
  /**
   * The trail's ARN.
   * @attribute
   */
  readonly trailArn: string;
  /**
   * The trail's name.
   * @attribute
   */
  readonly trailName: string;
  /**
   * The log group CloudTrail delivers the trail's events to.
   * @default - none
   */
  readonly logGroup?: logs.ILogGroup;

  /** Lets a principal read the log files: the bucket's objects and, to decrypt them, the key. */
  grantRead(grantee: iam.IGrantable): iam.Grant;

  /**
   * CloudWatch metric filters and alarms for the CIS AWS Foundations Benchmark monitoring checks on the trail's
   * log group, each alarm notifying the topic.
   */
  addSecurityAlarms(id: string, options: SecurityAlarmsOptions): SecurityAlarms;
}

/** What `OrganizationTrail.fromTrailAttributes` knows of an existing organization trail. */
export interface OrganizationTrailAttributes {
  /** The trail's ARN, `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`; its name is taken from it. */
  readonly trailArn: string;
  /**
   * The trail's log bucket, for `grantRead`.
   * @default - none: `grantRead` throws
   */
  readonly bucket?: s3.IBucket;
  /**
   * The key that encrypts the log files, for `grantRead` to grant decryption too.
   * @default - none: `grantRead` grants no decryption
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * The log group the trail delivers to, for `addSecurityAlarms` (Control Tower's is
   * `aws-controltower/CloudTrailLogs`, in the management account).
   * @default - none: `addSecurityAlarms` throws
   */
  readonly logGroup?: logs.ILogGroup;
}
