import { RemovalPolicy } from 'aws-cdk-lib';
import { ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { OrganizationTrailProps } from './organization-trail-props';

/**
 * An organization trail's props with the documented defaults applied: what its rules check and its
 * constructor renders. A plain object; nothing reads the props after `resolveTrail`.
 */
export interface ResolvedTrail extends OrganizationTrailProps {
  readonly sendToCloudWatchLogs: boolean;
  /** Set when the trail creates its log group: the given retention or the default. */
  readonly cloudWatchLogsRetention?: logs.RetentionDays;
  readonly isMultiRegionTrail: boolean;
  readonly includeGlobalServiceEvents: boolean;
  readonly enableFileValidation: boolean;
  readonly managementEvents: ReadWriteType;
  readonly isLogging: boolean;
  readonly excludeOwnBucketFromDataEvents: boolean;
  readonly removalPolicy: RemovalPolicy;
}

/** The props with every default `OrganizationTrailProps` documents. */
export function resolveTrail(props: OrganizationTrailProps): ResolvedTrail {
  const sendToCloudWatchLogs = props.sendToCloudWatchLogs ?? true;
  const createsLogGroup = sendToCloudWatchLogs && props.cloudWatchLogGroup === undefined;
  return {
    ...props,
    // A log archive admits one trail name and prefix: the trail takes them unless it names its own (checked to agree).
    trailName: props.trailName ?? props.logArchive?.trailName,
    s3KeyPrefix: props.s3KeyPrefix ?? props.logArchive?.s3KeyPrefix,
    sendToCloudWatchLogs,
    // A retention given for a log group the trail does not create stays, so that its rule can name it.
    cloudWatchLogsRetention: props.cloudWatchLogsRetention ?? (createsLogGroup ? logs.RetentionDays.ONE_YEAR : undefined),
    isMultiRegionTrail: props.isMultiRegionTrail ?? true,
    includeGlobalServiceEvents: props.includeGlobalServiceEvents ?? true,
    enableFileValidation: props.enableFileValidation ?? true,
    managementEvents: props.managementEvents ?? ReadWriteType.ALL,
    isLogging: props.isLogging ?? true,
    excludeOwnBucketFromDataEvents: props.excludeOwnBucketFromDataEvents ?? true,
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
  };
}
