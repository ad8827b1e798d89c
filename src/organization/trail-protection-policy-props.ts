import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Properties of a TrailProtectionPolicy. */
export interface TrailProtectionPolicyProps {
  /**
   * The ARNs of the trails to protect, e.g. `trail.trailArn`; wildcards are allowed
   * (`arn:aws:cloudtrail:*:*:trail/organization-*`).
   */
  readonly trailArns: string[];

  /**
   * The ARNs of the CloudTrail Lake event data stores to protect, e.g. `store.eventDataStoreArn`.
   *
   * @default - no event data store is protected
   */
  readonly eventDataStoreArns?: string[];

  /**
   * The buckets the trails deliver log files to: their policy, lifecycle, Object Lock, versioning, encryption and
   * access-logging settings cannot be changed, nor the buckets deleted.
   *
   * @default - no bucket is protected
   */
  readonly logArchiveBuckets?: s3.IBucket[];

  /**
   * The KMS keys that encrypt the log files: their key policy cannot be changed, nor the keys disabled, their
   * rotation turned off or their deletion scheduled.
   *
   * @default - no key is protected
   */
  readonly logArchiveKeys?: kms.IKey[];

  /**
   * The principals the policy does not apply to, as ARN patterns matched against `aws:PrincipalArn` (`ArnNotLike`):
   * IAM role or user ARNs (a role's sessions carry its ARN), wildcards allowed, e.g.
   * `arn:aws:iam::*:role/AWSControlTowerExecution` or your pipeline's deployment role.
   *
   * @default - no principal of the target accounts is exempt
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Where the policy is attached: the organization's root (`r-…`), organizational units (`ou-…`) or member
   * accounts (12 digits).
   */
  readonly targetIds: string[];

  /**
   * The policy's name in AWS Organizations: 1 to 128 characters of the ASCII range.
   *
   * @default - a name generated from the construct path
   */
  readonly policyName?: string;

  /**
   * The policy's description in AWS Organizations: at most 512 characters.
   *
   * @default 'Denies stopping, deleting or weakening the organization trail and its log archive.'
   */
  readonly description?: string;
}
