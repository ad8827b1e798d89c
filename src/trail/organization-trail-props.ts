import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { InsightType, ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AggregationTemplate } from './aggregation-template';
import { InsightEventCategory } from './insight-event-category';
import type { ILogArchive } from './log-archive-props';
import { DataEventSelectors } from '../selectors/data-event-selectors';

/**
 * Properties of an organization trail.
 */
export interface OrganizationTrailProps {
  /**
   * The ID of the AWS Organizations organization, `o-` followed by 10 to 32 lowercase letters or digits.
   * Member accounts' logs land under `AWSLogs/<orgId>/` in the bucket.
   */
  readonly orgId: string;

  /**
   * The ID of the organization's management account, which owns every organization trail, also one
   * a delegated administrator creates. It is part of the trail ARN the policies are scoped to.
   *
   * @default - the stack's account: deploy from the management account
   */
  readonly managementAccountId?: string;

  /**
   * The trail's name: 3 to 128 ASCII letters, digits, '.', '_' or '-', starting and ending with a
   * letter or digit, without adjacent punctuation, not an IP address.
   *
   * @default - a stable name generated from the construct path
   */
  readonly trailName?: string;

  /**
   * The bucket and key of a Log Archive account (`TrailLogArchive`, or `TrailLogArchive.fromLogArchiveAttributes`
   * in another app), whose policies admit this trail: the trail writes there and changes no policy. Both sides must
   * agree on the trail name, management account, Region, organization and key prefix; the trail takes the
   * archive's name and prefix when it has none. The trail's log group then gets a key of its own in this account.
   *
   * @default - the trail creates its bucket and key, or uses `bucket` and `encryptionKey`
   */
  readonly logArchive?: ILogArchive;

  /**
   * The bucket CloudTrail writes log files to. A bucket of this stack gets the policy statements
   * CloudTrail needs; for any other bucket a warning lists the statements its owner must add.
   *
   * @default - a new bucket with public access blocked, ACLs disabled, SSE-KMS with the trail's key,
   * versioning, TLS-only access, a lifecycle rule and server access logging to a second bucket
   */
  readonly bucket?: s3.IBucket;

  /**
   * A prefix for the log files' keys, at most 200 characters: logs go to `<prefix>/AWSLogs/`.
   *
   * @default - logs go to `AWSLogs/`
   */
  readonly s3KeyPrefix?: string;

  /**
   * Expire log files in a created bucket after this long. Audit logs are often kept for years: set
   * this to your retention requirement.
   *
   * @default - log files are kept until deleted
   */
  readonly logFileExpiration?: Duration;

  /**
   * A default Object Lock retention for the log files in a created bucket:
   * `s3.ObjectLockRetention.governance(Duration.days(n))` or `.compliance(...)`. In compliance mode nobody, the root
   * user included, can delete a log file, or the bucket, before the retention ends. `logFileExpiration` must not be
   * shorter.
   *
   * @default - Object Lock is on, without a default retention
   */
  readonly objectLockRetention?: s3.ObjectLockRetention;

  /**
   * The symmetric KMS key that encrypts the log files (and a created log group), in the bucket's
   * Region. A key of this stack gets the key policy statements CloudTrail needs; for an imported key a
   * warning lists the statements to add.
   *
   * @default - a new key with automatic rotation
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * A topic CloudTrail notifies for every log file it delivers. A topic of this stack gets a policy
   * that lets this trail, and only this trail, publish.
   *
   * @default - no notifications
   */
  readonly snsTopic?: sns.ITopic;

  /**
   * Deliver events to CloudWatch Logs as well, for metric filters, alarms and Logs Insights.
   *
   * @default true
   */
  readonly sendToCloudWatchLogs?: boolean;

  /**
   * The log group to deliver to, in this account. Needs `sendToCloudWatchLogs`.
   *
   * @default - a new log group named `aws-cloudtrail-logs-<trailName>`, encrypted with the trail's key
   */
  readonly cloudWatchLogGroup?: logs.ILogGroup;

  /**
   * How long a created log group keeps events.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly cloudWatchLogsRetention?: logs.RetentionDays;

  /**
   * Log events of every Region, not only the stack's.
   *
   * @default true
   */
  readonly isMultiRegionTrail?: boolean;

  /**
   * Log events of global services such as IAM. A multi-Region trail must include them.
   *
   * @default true
   */
  readonly includeGlobalServiceEvents?: boolean;

  /**
   * Deliver digest files, which prove whether log files were changed or deleted after delivery.
   *
   * @default true
   */
  readonly enableFileValidation?: boolean;

  /**
   * The management events to log. `ReadWriteType.NONE` logs none, and needs data events.
   *
   * @default ReadWriteType.ALL
   */
  readonly managementEvents?: ReadWriteType;

  /**
   * Management event sources to leave out, such as AWS KMS, whose frequent calls are rarely audited.
   *
   * @default - none
   */
  readonly excludeManagementEventSources?: ManagementEventSources[];

  /**
   * Data events to log, checked against the trail's rules (such as 500 condition values in all).
   *
   * @default - no data events
   */
  readonly dataEvents?: DataEventSelectors;

  /**
   * Leave the trail's own bucket out of S3 data events. Logging it would log every log delivery,
   * whose log file is delivered and logged again, without end.
   *
   * @default true
   */
  readonly excludeOwnBucketFromDataEvents?: boolean;

  /**
   * CloudTrail Insights types to enable on management events. API call rate Insights need write
   * management events; API error rate Insights need read or write management events.
   *
   * @default - no Insights
   */
  readonly insightTypes?: InsightType[];

  /**
   * The events the Insights types analyze: management events, data events or both. Insights on data events need
   * the trail to log data events (`dataEvents`).
   *
   * @default - management events
   */
  readonly insightEventCategories?: InsightEventCategory[];

  /**
   * Aggregate the trail's data events into 5-minute summaries by these templates, delivered with the log files
   * (`eventCategory` `Aggregated`). Needs data events (`dataEvents`).
   *
   * @default - no aggregation
   */
  readonly dataEventAggregation?: AggregationTemplate[];

  /**
   * Start logging when the trail is created.
   *
   * @default true
   */
  readonly isLogging?: boolean;

  /**
   * What happens to the created bucket, key and log group when they leave the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
