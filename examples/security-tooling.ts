import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import {
  DashboardQueryParameter, DashboardWidgetView, EventDataStoreKind, LakeChannel, LakeDashboard, LakeEventDataStore, LakeExportToCloudWatch,
} from '../src';

/** The account whose collector sends the on-premises directory's sign-in events. */
export const DIRECTORY_COLLECTOR_ACCOUNT = '444455556666';
/** The external ID the collector passes, which the channel's resource policy requires. */
export const DIRECTORY_COLLECTOR_EXTERNAL_ID = 'directory-collector';

/**
 * A stack for the security tooling account: the sign-in events of the on-premises directory in CloudTrail Lake, sent
 * through a channel by a collector in another account; a dashboard of failed sign-ins; and, since CloudTrail Lake takes
 * no new customers, a copy of the first half-year of those events in CloudWatch Logs, where they can stay searchable
 * without Lake.
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
  }
}
