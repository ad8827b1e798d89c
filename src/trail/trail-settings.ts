import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnTrail, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import type { OrganizationTrailProps } from './organization-trail-props';
import { trailNameProblems } from '../core/names';
import { accountIdProblems, delegatedAdminsOfApp, delegatedAdminTrailProblems, organizationIdProblems } from '../core/organization';
import { placedInAccount, placementOf, renderedTags } from '../core/placement';
import { isUnresolved, Problem } from '../core/problems';
import { constructPropProblems, isConstructOf, shownProp } from '../core/prop-types';
import { removalPolicyProblems } from '../core/removal-policy';
import { tagProblems } from '../core/tags';
import {
  globalServiceEventsProblems, insightProblems, logFileExpirationProblems, PlacedTrail, s3KeyPrefixProblems, snsTopicNameProblems, trailQuotaProblems,
} from '../core/trail-rules';
import { DataEventSelectors } from '../selectors/data-event-selectors';

/** An organization trail's props, and each optional prop that has a default with the default applied. */
export interface TrailSettings {
  readonly props: OrganizationTrailProps;
  readonly sendToCloudWatchLogs: boolean;
  readonly cloudWatchLogsRetention: logs.RetentionDays;
  readonly isMultiRegionTrail: boolean;
  readonly includeGlobalServiceEvents: boolean;
  readonly enableFileValidation: boolean;
  readonly managementEvents: ReadWriteType;
  readonly isLogging: boolean;
  readonly excludeOwnBucketFromDataEvents: boolean;
  readonly removalPolicy: RemovalPolicy;
}

const BOOLEAN_PROPS = ['sendToCloudWatchLogs', 'isMultiRegionTrail', 'includeGlobalServiceEvents', 'enableFileValidation',
  'isLogging', 'excludeOwnBucketFromDataEvents'] as const;

/** The settings of a trail: the props, with the defaults the construct documents. */
export function trailSettings(props: OrganizationTrailProps): TrailSettings {
  const flag = (value: boolean | undefined) => value ?? true;
  return {
    props,
    sendToCloudWatchLogs: flag(props.sendToCloudWatchLogs),
    cloudWatchLogsRetention: props.cloudWatchLogsRetention ?? logs.RetentionDays.ONE_YEAR,
    isMultiRegionTrail: flag(props.isMultiRegionTrail),
    includeGlobalServiceEvents: flag(props.includeGlobalServiceEvents),
    enableFileValidation: flag(props.enableFileValidation),
    managementEvents: props.managementEvents ?? ReadWriteType.ALL,
    isLogging: flag(props.isLogging),
    excludeOwnBucketFromDataEvents: flag(props.excludeOwnBucketFromDataEvents),
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
  };
}

/** Every problem with a trail's props that its constructor can see. */
export function trailSettingsProblems(settings: TrailSettings): Problem[] {
  const props = settings.props;
  const problems: Problem[] = [];
  if (props.orgId === undefined) {
    problems.push({ property: 'orgId', rule: 'is required: an organization trail logs the accounts of one organization', fix: "pass the organization ID, e.g. orgId: 'o-a1b2c3d4e5'" });
  } else {
    problems.push(...organizationIdProblems('orgId', props.orgId));
  }
  problems.push(...accountIdProblems('managementAccountId', props.managementAccountId));
  if (props.trailName !== undefined) {
    problems.push(...(typeof props.trailName === 'string' ? trailNameProblems('trailName', props.trailName)
      : [{ property: 'trailName', value: props.trailName, rule: 'must be a string (CreateTrail Name)', fix: 'pass a name, or leave trailName out for a generated one' }]));
  }
  problems.push(...s3KeyPrefixProblems('s3KeyPrefix', props.s3KeyPrefix));
  problems.push(...constructPropProblems('bucket', props.bucket, 's3.IBucket', ['bucketArn', 'bucketName']));
  problems.push(...constructPropProblems('encryptionKey', props.encryptionKey, 'kms.IKey', ['keyArn']));
  problems.push(...constructPropProblems('snsTopic', props.snsTopic, 'sns.ITopic', ['topicArn', 'topicName']));
  problems.push(...constructPropProblems('cloudWatchLogGroup', props.cloudWatchLogGroup, 'logs.ILogGroup', ['logGroupArn', 'logGroupName']));
  if (isConstructOf(props.snsTopic, ['topicName'])) {
    problems.push(...snsTopicNameProblems('snsTopic', props.snsTopic!.topicName));
  }
  for (const name of BOOLEAN_PROPS) {
    const value: unknown = props[name];
    if (value !== undefined && typeof value !== 'boolean' && !isUnresolved(value)) {
      problems.push({ property: name, value, rule: 'must be true or false', fix: `pass a boolean, or leave ${name} out for the default` });
    }
  }
  if (!Object.values(ReadWriteType).includes(settings.managementEvents)) {
    problems.push({
      property: 'managementEvents',
      value: settings.managementEvents,
      rule: 'must be a ReadWriteType (PutEventSelectors ReadWriteType)',
      fix: 'use ReadWriteType.ALL, READ_ONLY, WRITE_ONLY or NONE',
    });
  }
  if (props.dataEvents !== undefined && !(props.dataEvents instanceof DataEventSelectors)) {
    problems.push({
      property: 'dataEvents',
      value: props.dataEvents,
      rule: 'must be a DataEventSelectors',
      fix: 'build it with new DataEventSelectors().add…(), or DataEventSelectors.fromAdvancedEventSelectors([...])',
    });
  }
  problems.push(...logDeliveryProblems(settings));
  problems.push(...globalServiceEventsProblems(settings.isMultiRegionTrail === true, settings.includeGlobalServiceEvents === true));
  problems.push(...insightProblems(props.insightTypes, settings.managementEvents));
  problems.push(...removalPolicyProblems(props.removalPolicy, 'the trail\'s bucket, key and log group have no snapshots',
    'use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY'));
  problems.push(...logFileExpirationProblems('logFileExpiration', props.logFileExpiration));
  if (props.logFileExpiration !== undefined && props.bucket !== undefined) {
    problems.push({
      property: 'logFileExpiration',
      value: props.logFileExpiration instanceof Duration ? props.logFileExpiration.toHumanString() : props.logFileExpiration,
      rule: 'expires log files in the bucket the trail creates, and a bucket is given',
      fix: 'add a lifecycle rule to the given bucket, or leave logFileExpiration out',
    });
  }
  return problems;
}

function logDeliveryProblems(settings: TrailSettings): Problem[] {
  const props = settings.props;
  const problems: Problem[] = [];
  if (!settings.sendToCloudWatchLogs && props.cloudWatchLogGroup !== undefined) {
    problems.push({
      property: 'cloudWatchLogGroup',
      value: shownProp(props.cloudWatchLogGroup),
      rule: 'names a log group, but sendToCloudWatchLogs is false (CreateTrail sets CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn together)',
      fix: 'set sendToCloudWatchLogs to true, or leave cloudWatchLogGroup out',
    });
  }
  const retention: unknown = props.cloudWatchLogsRetention;
  if (retention !== undefined && !isUnresolved(retention) && !Object.values(logs.RetentionDays).includes(retention as logs.RetentionDays)) {
    problems.push({
      property: 'cloudWatchLogsRetention',
      value: retention,
      rule: 'must be a logs.RetentionDays (AWS::Logs::LogGroup RetentionInDays takes only its values)',
      fix: 'use e.g. logs.RetentionDays.ONE_YEAR',
    });
  } else if (retention !== undefined && (!settings.sendToCloudWatchLogs || props.cloudWatchLogGroup !== undefined)) {
    problems.push({
      property: 'cloudWatchLogsRetention',
      value: props.cloudWatchLogsRetention,
      rule: props.cloudWatchLogGroup !== undefined
        ? 'sets the retention of a log group the trail creates, and cloudWatchLogGroup is given'
        : 'sets the retention of the trail\'s log group, and sendToCloudWatchLogs is false',
      fix: props.cloudWatchLogGroup !== undefined ? 'set the retention on the given log group' : 'leave cloudWatchLogsRetention out',
    });
  }
  return problems;
}

/**
 * Problems only the finished app shows: the tags `Tags.of(...)` put on the trail, and the number of
 * trails in the trail's account and Region.
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
  const placement = placementOf(trail);
  return placement && { ...placement, isMultiRegionTrail: Stack.of(trail).resolve(trail.isMultiRegionTrail) === true };
}
