import { Annotations, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import {
  DashboardQueryParameter, DashboardWidgetView, EventDataStoreKind, LakeChannel, LakeDashboard, LakeEventDataStore, LakeExportToCloudWatch,
  ScheduledLakeQuery,
} from '../src';
import { securityAlarmTopic } from './security-topic';

/** The account whose collector sends the on-premises directory's sign-in events. */
export const DIRECTORY_COLLECTOR_ACCOUNT = '444455556666';
/** The external ID the collector passes, which the channel's resource policy requires. */
export const DIRECTORY_COLLECTOR_EXTERNAL_ID = 'directory-collector';
/** The security team's findings bucket, which another stack manages with the policy CloudTrail needs. */
export const FINDINGS_BUCKET_NAME = 'security-findings-333333333333';

/**
 * A stack for the security tooling account: the sign-in events of the on-premises directory in CloudTrail Lake, sent
 * through a channel by a collector in another account; a dashboard of failed sign-ins; an hourly query for locked-out
 * accounts; and, since CloudTrail Lake takes no new customers, a copy of the first half-year of those events in
 * CloudWatch Logs, where they can stay searchable without Lake.
 */
export class SecurityToolingStack extends Stack {
  public readonly directoryEvents: LakeEventDataStore;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    this.directoryEvents = new LakeEventDataStore(this, 'DirectoryEvents', {
      eventDataStoreName: 'directory-sign-ins',
      kind: EventDataStoreKind.EXTERNAL_EVENTS,
      retention: Duration.days(365),
    });
    const channel = new LakeChannel(this, 'DirectoryChannel', { source: 'Custom', destinations: [this.directoryEvents] });
    channel.grantPutAuditEvents(new iam.AccountPrincipal(DIRECTORY_COLLECTOR_ACCOUNT), DIRECTORY_COLLECTOR_EXTERNAL_ID);

    const dashboard = new LakeDashboard(this, 'SignInDashboard', {
      dashboardName: 'directory-sign-ins',
      refreshSchedule: { frequency: Duration.hours(6) },
    });
    dashboard.addWidget({
      title: 'Failed sign-ins by user',
      queryStatement: 'SELECT eventData.userIdentity.principalId AS principal, count(*) AS failures '
        + `FROM ${this.directoryEvents.eventDataStoreId} WHERE eventData.errorCode IS NOT NULL AND eventData.eventTime > '?' `
        + 'GROUP BY 1 ORDER BY failures DESC',
      queryParameters: [DashboardQueryParameter.START_TIME],
      eventDataStores: [this.directoryEvents],
      view: DashboardWidgetView.BAR_CHART,
      labelColumn: 'principal',
      valueColumn: 'failures',
    });

    new LakeExportToCloudWatch(this, 'SignInHistory', {
      eventDataStore: this.directoryEvents,
      startEventTime: new Date('2026-01-01T00:00:00Z'),
      endEventTime: new Date('2026-07-01T00:00:00Z'),
    });

    // Every hour, the last hour's sign-ins that failed for an account locked out, to the findings bucket; the
    // security team's topic hears of each run that finds any.
    const lockouts = new ScheduledLakeQuery(this, 'LockoutsHourly', {
      eventDataStore: this.directoryEvents,
      queryStatement: `SELECT eventData.userIdentity.principalId, eventData.eventTime FROM ${this.directoryEvents.eventDataStoreId} `
        + "WHERE eventData.errorCode = 'AccountLockedOut' AND eventTime > date_add('hour', -1, now())",
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      deliveryBucket: s3.Bucket.fromBucketName(this, 'FindingsBucket', FINDINGS_BUCKET_NAME),
      deliveryPrefix: 'directory-lockouts',
      topic: securityAlarmTopic(this),
      description: 'Directory accounts locked out in the last hour',
    });
    Annotations.of(lockouts).acknowledgeWarning('cdk-cloudtrail-org:BucketPolicyNotManaged',
      'The findings bucket\'s own stack gives CloudTrail the statements this warning lists');
  }
}
