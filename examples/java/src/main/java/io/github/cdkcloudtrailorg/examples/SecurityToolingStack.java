package io.github.cdkcloudtrailorg.examples;

import java.time.Instant;
import java.util.List;

import io.github.cdkcloudtrailorg.DashboardQueryParameter;
import io.github.cdkcloudtrailorg.DashboardRefreshSchedule;
import io.github.cdkcloudtrailorg.DashboardWidget;
import io.github.cdkcloudtrailorg.DashboardWidgetView;
import io.github.cdkcloudtrailorg.EventDataStoreKind;
import io.github.cdkcloudtrailorg.LakeChannel;
import io.github.cdkcloudtrailorg.LakeDashboard;
import io.github.cdkcloudtrailorg.LakeEventDataStore;
import io.github.cdkcloudtrailorg.LakeExportToCloudWatch;
import io.github.cdkcloudtrailorg.ScheduledLakeQuery;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.constructs.Construct;

/**
 * The example security tooling stack (examples/security-tooling.ts) in Java: the on-premises directory's sign-in
 * events in CloudTrail Lake, sent through a channel by a collector in another account; a dashboard of failed sign-ins;
 * a copy of their first half-year in CloudWatch Logs; and an hourly query for locked-out accounts. Same construct ids and values as the TypeScript one.
 */
public class SecurityToolingStack extends Stack {
    /** The account whose collector sends the on-premises directory's sign-in events. */
    static final String DIRECTORY_COLLECTOR_ACCOUNT = "444455556666";
    /** The external ID the collector passes, which the channel's resource policy requires. */
    static final String DIRECTORY_COLLECTOR_EXTERNAL_ID = "directory-collector";
    /** The security team's findings bucket, which another stack manages with the policy CloudTrail needs. */
    static final String FINDINGS_BUCKET_NAME = "security-findings-333333333333";

    private final LakeEventDataStore directoryEvents;

    public SecurityToolingStack(final Construct scope, final String id, final StackProps props) {
        super(scope, id, props);

        this.directoryEvents = LakeEventDataStore.Builder.create(this, "DirectoryEvents")
                .eventDataStoreName("directory-sign-ins")
                .kind(EventDataStoreKind.EXTERNAL_EVENTS)
                .retention(Duration.days(365))
                .build();
        LakeChannel channel = LakeChannel.Builder.create(this, "DirectoryChannel")
                .source("Custom")
                .destinations(List.of(this.directoryEvents))
                .build();
        channel.grantPutAuditEvents(new AccountPrincipal(DIRECTORY_COLLECTOR_ACCOUNT), DIRECTORY_COLLECTOR_EXTERNAL_ID);

        LakeDashboard dashboard = LakeDashboard.Builder.create(this, "SignInDashboard")
                .dashboardName("directory-sign-ins")
                .refreshSchedule(DashboardRefreshSchedule.builder().frequency(Duration.hours(6)).build())
                .build();
        dashboard.addWidget(DashboardWidget.builder()
                .title("Failed sign-ins by user")
                .queryStatement("SELECT eventData.userIdentity.principalId AS principal, count(*) AS failures "
                        + "FROM " + this.directoryEvents.getEventDataStoreId() + " "
                        + "WHERE eventData.errorCode IS NOT NULL AND eventData.eventTime > '?' GROUP BY 1 ORDER BY failures DESC")
                .queryParameters(List.of(DashboardQueryParameter.START_TIME))
                .eventDataStores(List.of(this.directoryEvents))
                .view(DashboardWidgetView.BAR_CHART)
                .labelColumn("principal")
                .valueColumn("failures")
                .build());

        LakeExportToCloudWatch.Builder.create(this, "SignInHistory")
                .eventDataStore(this.directoryEvents)
                .startEventTime(Instant.parse("2026-01-01T00:00:00Z"))
                .endEventTime(Instant.parse("2026-07-01T00:00:00Z"))
                .build();

        // Every hour, the last hour's sign-ins that failed for an account locked out, to the findings bucket; the
        // security team's topic hears of each run that finds any.
        ScheduledLakeQuery lockouts = ScheduledLakeQuery.Builder.create(this, "LockoutsHourly")
                .eventDataStore(this.directoryEvents)
                .queryStatement("SELECT eventData.userIdentity.principalId, eventData.eventTime "
                        + "FROM " + this.directoryEvents.getEventDataStoreId() + " "
                        + "WHERE eventData.errorCode = 'AccountLockedOut' AND eventTime > date_add('hour', -1, now())")
                .schedule(ScheduleExpression.rate(Duration.hours(1)))
                .deliveryBucket(Bucket.fromBucketName(this, "FindingsBucket", FINDINGS_BUCKET_NAME))
                .deliveryPrefix("directory-lockouts")
                .topic(SecurityTopic.securityAlarmTopic(this))
                .description("Directory accounts locked out in the last hour")
                .build();
        Annotations.of(lockouts).acknowledgeWarning("cdk-cloudtrail-org:BucketPolicyNotManaged",
                "The findings bucket's own stack gives CloudTrail the statements this warning lists");
    }

    public LakeEventDataStore getDirectoryEvents() {
        return directoryEvents;
    }
}
