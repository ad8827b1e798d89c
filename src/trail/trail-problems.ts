import { Stack } from 'aws-cdk-lib';
import { CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';
import { IConstruct } from 'constructs';
import type { ResolvedTrail } from './resolved-trail';
import { trailNameProblems } from '../core/names';
import { accountIdProblems, delegatedAdminsOfApp, delegatedAdminTrailProblems, organizationIdProblems } from '../core/organization';
import { placedInAccount, placementOf, renderedTags } from '../core/placement';
import { Problem } from '../core/problems';
import { removalPolicyProblems } from '../core/removal-policy';
import { tagProblems } from '../core/tags';
import {
  aggregationTemplateProblems, dataEventFeatureProblems, globalServiceEventsProblems, insightProblems, logFileExpirationProblems,
  objectLockRetentionProblems, PlacedTrail, s3KeyPrefixProblems, snsTopicNameProblems, trailQuotaProblems,
} from '../core/trail-rules';

/** Every problem with a trail that its constructor can see. */
export function trailProblems(trail: ResolvedTrail): Problem[] {
  const problems: Problem[] = [
    ...organizationIdProblems('orgId', trail.orgId),
    ...accountIdProblems('managementAccountId', trail.managementAccountId),
    ...(trail.trailName === undefined ? [] : trailNameProblems('trailName', trail.trailName)),
    ...s3KeyPrefixProblems('s3KeyPrefix', trail.s3KeyPrefix),
    ...(trail.snsTopic === undefined ? [] : snsTopicNameProblems('snsTopic', trail.snsTopic.topicName)),
    ...logDeliveryProblems(trail),
    ...globalServiceEventsProblems(trail.isMultiRegionTrail, trail.includeGlobalServiceEvents),
    ...insightProblems(trail.insightTypes, trail.managementEvents, trail.insightEventCategories),
    ...aggregationTemplateProblems(trail.dataEventAggregation?.map(template => template.value)),
    ...removalPolicyProblems(trail.removalPolicy, 'the trail\'s bucket, key and log group have no snapshots', 'use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY'),
    ...logFileExpirationProblems('logFileExpiration', trail.logFileExpiration),
    ...objectLockRetentionProblems('objectLockRetention', trail.objectLockRetention, trail.logFileExpiration),
    ...logArchiveProblems(trail),
  ];
  const givenBucket = trail.logArchive !== undefined ? 'a log archive is given' : trail.bucket !== undefined ? 'a bucket is given' : undefined;
  if (trail.logFileExpiration !== undefined && givenBucket) {
    problems.push({
      id: 'LogFileExpirationNeedsOwnBucket',
      property: 'logFileExpiration',
      value: trail.logFileExpiration.toHumanString(),
      rule: `expires log files in the bucket the trail creates, and ${givenBucket}`,
      fix: trail.logArchive ? 'set logFileExpiration on the TrailLogArchive, or leave it out' : 'add a lifecycle rule to the given bucket, or leave logFileExpiration out',
    });
  }
  if (trail.objectLockRetention !== undefined && givenBucket) {
    problems.push({
      id: 'ObjectLockRetentionNeedsOwnBucket',
      property: 'objectLockRetention',
      value: `${trail.objectLockRetention.mode} ${trail.objectLockRetention.duration.toHumanString()}`,
      rule: `sets the default retention of the bucket the trail creates, and ${givenBucket} (AWS::S3::Bucket ObjectLockConfiguration)`,
      fix: trail.logArchive ? 'set objectLockRetention on the TrailLogArchive, or leave it out' : 'set the retention on the given bucket, or leave objectLockRetention out',
    });
  }
  return problems;
}

/** A log archive gives the bucket and the key: the trail takes neither of its own. */
function logArchiveProblems(trail: ResolvedTrail): Problem[] {
  if (trail.logArchive === undefined) {
    return [];
  }
  const given = [['bucket', trail.bucket?.node.path], ['encryptionKey', trail.encryptionKey?.node.path]] as const;
  return given.filter(([, path]) => path !== undefined).map(([property, path]) => ({
    id: 'LogArchiveExclusive',
    property,
    value: path,
    rule: `the log archive ${trail.logArchive!.node.path} gives the trail its ${property === 'bucket' ? 'bucket' : 'key'}, whose policies admit it (This library: TrailLogArchive)`,
    fix: `leave ${property} out, or leave logArchive out`,
  }));
}

function logDeliveryProblems(trail: ResolvedTrail): Problem[] {
  const problems: Problem[] = [];
  if (!trail.sendToCloudWatchLogs && trail.cloudWatchLogGroup !== undefined) {
    problems.push({
      id: 'LogGroupNeedsDelivery',
      property: 'cloudWatchLogGroup',
      value: trail.cloudWatchLogGroup.node.path,
      rule: 'names a log group, but sendToCloudWatchLogs is false (CreateTrail sets CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn together)',
      fix: 'set sendToCloudWatchLogs to true, or leave cloudWatchLogGroup out',
    });
  }
  if (trail.cloudWatchLogsRetention !== undefined && (!trail.sendToCloudWatchLogs || trail.cloudWatchLogGroup !== undefined)) {
    problems.push({
      id: 'LogsRetentionNeedsOwnLogGroup',
      property: 'cloudWatchLogsRetention',
      value: trail.cloudWatchLogsRetention,
      rule: trail.cloudWatchLogGroup !== undefined
        ? 'sets the retention of a log group the trail creates, and cloudWatchLogGroup is given'
        : 'sets the retention of the trail\'s log group, and sendToCloudWatchLogs is false',
      fix: trail.cloudWatchLogGroup !== undefined ? 'set the retention on the given log group' : 'leave cloudWatchLogsRetention out',
    });
  }
  return problems;
}

/** What needs the trail's data events, once every selector is added (selectors can be added after construction). */
export function trailDataEventProblems(trail: ResolvedTrail, logsDataEvents: boolean): Problem[] {
  return dataEventFeatureProblems(trail.dataEventAggregation?.map(template => template.value), trail.insightEventCategories, logsDataEvents);
}

/**
 * Problems only the finished app shows: the tags `Tags.of(...)` put on the trail, the trail's owner when the app
 * registers delegated administrators, and the number of trails in the trail's account and Region.
 */
export function trailSynthProblems(scope: IConstruct, trail: CfnTrail, managementAccountId: string | undefined): Problem[] {
  const problems = tagProblems('tags', renderedTags(scope, trail.tags));
  problems.push(...delegatedAdminTrailProblems(Stack.of(trail).account, managementAccountId, delegatedAdminsOfApp(scope)));
  const placed = placeTrail(trail);
  if (placed) {
    problems.push(...trailQuotaProblems(placed, placedInAccount(scope, placed.account, CfnTrail.isCfnTrail, placeTrail)));
  }
  return problems;
}

/** Where a trail lands, when its stack's account and Region are known. */
function placeTrail(trail: CfnTrail): PlacedTrail | undefined {
  const placement = placementOf(trail, Stack.of(trail).resolve(trail.isOrganizationTrail) === true);
  return placement && { ...placement, isMultiRegionTrail: Stack.of(trail).resolve(trail.isMultiRegionTrail) === true };
}
