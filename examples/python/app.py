"""The example organization audit app (examples/organization-audit.ts, examples/security-tooling.ts) in Python.

It builds the same stacks, with the same construct ids and values, against the wheel jsii-pacmak builds
(dist/python), and synthesizes it into examples/python/cdk.out; given a folder, it synthesizes the Log Archive and
Control Tower example apps (log_archive.py, control_tower.py) into it too. examples/languages/test-languages.sh runs
it and compares every template with the TypeScript one.
"""

import datetime
import os
import sys
from typing import Callable

from aws_cdk import Annotations, App, Duration, Environment, Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_scheduler as scheduler
from constructs import Construct

from cdk_cloudtrail_org import (
    AggregationTemplate,
    CloudTrailTelemetryRule,
    DashboardQueryParameter,
    DashboardRefreshSchedule,
    DashboardWidgetView,
    DataEventSelectors,
    DataResourceType,
    EventDataStoreKind,
    FieldConditions,
    InsightEventCategory,
    LakeChannel,
    LakeDashboard,
    LakeEventDataStore,
    LakeExportToCloudWatch,
    LakeImport,
    LakeQuery,
    OrganizationTrail,
    ScheduledLakeQuery,
)

from control_tower import build_control_tower_app
from log_archive import build_log_archive_app
from security_topic import security_alarm_topic

# Account and Region the example is synthesized for: the organization's management account.
EXAMPLE_ENV = Environment(account="111111111111", region="us-east-1")
EXAMPLE_ORG_ID = "o-a1b2c3d4e5"
# The member account the security team works from.
SECURITY_TOOLING_ACCOUNT = "333333333333"
# A member account whose workload the security team audits closely.
WORKLOAD_ACCOUNT = "222222222222"


class OrganizationAuditStack(Stack):
    """An organization trail with data events and CIS security alarms, the same events in CloudWatch Logs through
    an organization telemetry rule, and an organization event data store that the security tooling account may
    query, filled from the trail's logs."""

    def __init__(self, scope: Construct, id: str, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)

        # The workload lives in a member account; organization trails log it by ARN.
        payments = s3.Bucket.from_bucket_name(self, "PaymentsBucket", f"payments-{WORKLOAD_ACCOUNT}")
        ledger = dynamodb.Table.from_table_arn(
            self, "LedgerTable", f"arn:aws:dynamodb:us-east-1:{WORKLOAD_ACCOUNT}:table/ledger"
        )
        settle = lambda_.Function.from_function_arn(
            self, "SettleFunction", f"arn:aws:lambda:us-east-1:{WORKLOAD_ACCOUNT}:function:settle"
        )

        data_events = (
            DataEventSelectors()
            .add_s3_objects(
                name="Payment object writes",
                buckets=[payments],
                read_write_type=cloudtrail.ReadWriteType.WRITE_ONLY,
            )
            .add_dynamo_db_tables(name="Ledger item access", tables=[ledger])
            .add_lambda_functions(name="Settlement invocations", functions=[settle])
            .add_data_events(
                DataResourceType.SNS_TOPIC,
                name="SNS publishes",
                event_names=FieldConditions(equal_to=["Publish", "PublishBatch"]),
            )
        )

        self.trail = OrganizationTrail(
            self,
            "OrganizationTrail",
            org_id=EXAMPLE_ORG_ID,
            trail_name="organization-audit",
            exclude_management_event_sources=[cloudtrail.ManagementEventSources.KMS],
            insight_types=[cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
            insight_event_categories=[InsightEventCategory.MANAGEMENT, InsightEventCategory.DATA],
            data_events=data_events,
            data_event_aggregation=[AggregationTemplate.API_ACTIVITY, AggregationTemplate.USER_ACTIONS],
        )
        security_topic = security_alarm_topic(self)
        self.trail.add_security_alarms("SecurityAlarms", topic=security_topic)
        # Calls that stop, delete or weaken the trail reach the security team in real time.
        self.trail.on_tamper("TrailTampering", target=targets.SnsTopic(security_topic))

        # The trail's S3 archive is the record; CloudWatch Logs is where the same events are searched, in every
        # account and Region of the organization.
        CloudTrailTelemetryRule(
            self,
            "CloudWatchSearch",
            organization_enabled=True,
            exclude_management_event_sources=[cloudtrail.ManagementEventSources.KMS],
            data_events=data_events,
        )

        # CloudTrail Lake: two years of the organization's write management events and the workload's data
        # events, queryable with SQL from the security tooling account.
        self.lake = LakeEventDataStore(
            self,
            "OrganizationLake",
            event_data_store_name="organization-audit-lake",
            organization_enabled=True,
            retention=Duration.days(731),
            management_events=cloudtrail.ReadWriteType.WRITE_ONLY,
            data_events=data_events,
        )
        self.lake.grant_query(iam.AccountPrincipal(SECURITY_TOOLING_ACCOUNT))

        # Copy the trail's first half-year of logs into the lake, then count each account's write events at
        # deploy time, with the results next to the trail's logs. Times are timezone-aware datetimes.
        history = LakeImport(
            self,
            "TrailHistoryImport",
            event_data_store=self.lake,
            source_bucket=self.trail.bucket,
            source_key=self.trail.encryption_key,
            start_event_time=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc),
            end_event_time=datetime.datetime(2026, 7, 1, tzinfo=datetime.timezone.utc),
        )
        writes_by_account = LakeQuery(
            self,
            "WritesByAccount",
            event_data_store=self.lake,
            query_statement=f"SELECT recipientAccountId, count(*) AS writes FROM {self.lake.event_data_store_id} "
            "WHERE eventTime >= '2026-01-01 00:00:00' GROUP BY recipientAccountId ORDER BY writes DESC",
            delivery_bucket=self.trail.bucket,
            delivery_prefix="lake-query-results",
        )
        writes_by_account.node.add_dependency(history)


# The account whose collector sends the on-premises directory's sign-in events, and the external ID it passes.
DIRECTORY_COLLECTOR_ACCOUNT = "444455556666"
DIRECTORY_COLLECTOR_EXTERNAL_ID = "directory-collector"
# The security team's findings bucket, which another stack manages with the policy CloudTrail needs.
FINDINGS_BUCKET_NAME = "security-findings-333333333333"


class SecurityToolingStack(Stack):
    """The security tooling account's stack: the on-premises directory's sign-in events in CloudTrail Lake, sent
    through a channel; a dashboard of failed sign-ins; a copy of their first half-year in CloudWatch Logs; and an
    hourly query for locked-out accounts."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.directory_events = LakeEventDataStore(
            self,
            "DirectoryEvents",
            event_data_store_name="directory-sign-ins",
            kind=EventDataStoreKind.EXTERNAL_EVENTS,
            retention=Duration.days(365),
        )
        channel = LakeChannel(self, "DirectoryChannel", source="Custom", destinations=[self.directory_events])
        channel.grant_put_audit_events(
            iam.AccountPrincipal(DIRECTORY_COLLECTOR_ACCOUNT), DIRECTORY_COLLECTOR_EXTERNAL_ID
        )

        dashboard = LakeDashboard(
            self,
            "SignInDashboard",
            dashboard_name="directory-sign-ins",
            refresh_schedule=DashboardRefreshSchedule(frequency=Duration.hours(6)),
        )
        dashboard.add_widget(
            title="Failed sign-ins by user",
            query_statement="SELECT eventData.userIdentity.principalId AS principal, count(*) AS failures "
            f"FROM {self.directory_events.event_data_store_id} "
            "WHERE eventData.errorCode IS NOT NULL AND eventData.eventTime > '?' GROUP BY 1 ORDER BY failures DESC",
            query_parameters=[DashboardQueryParameter.START_TIME],
            event_data_stores=[self.directory_events],
            view=DashboardWidgetView.BAR_CHART,
            label_column="principal",
            value_column="failures",
        )

        LakeExportToCloudWatch(
            self,
            "SignInHistory",
            event_data_store=self.directory_events,
            start_event_time=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc),
            end_event_time=datetime.datetime(2026, 7, 1, tzinfo=datetime.timezone.utc),
        )

        # Every hour, the last hour's sign-ins that failed for an account locked out, to the findings bucket; the
        # security team's topic hears of each run that finds any.
        lockouts = ScheduledLakeQuery(
            self,
            "LockoutsHourly",
            event_data_store=self.directory_events,
            query_statement="SELECT eventData.userIdentity.principalId, eventData.eventTime "
            f"FROM {self.directory_events.event_data_store_id} "
            "WHERE eventData.errorCode = 'AccountLockedOut' AND eventTime > date_add('hour', -1, now())",
            schedule=scheduler.ScheduleExpression.rate(Duration.hours(1)),
            delivery_bucket=s3.Bucket.from_bucket_name(self, "FindingsBucket", FINDINGS_BUCKET_NAME),
            delivery_prefix="directory-lockouts",
            topic=security_alarm_topic(self),
            description="Directory accounts locked out in the last hour",
        )
        Annotations.of(lockouts).acknowledge_warning(
            "cdk-cloudtrail-org:BucketPolicyNotManaged",
            "The findings bucket's own stack gives CloudTrail the statements this warning lists",
        )


def build_organization_audit_app(app: App) -> None:
    """Adds the example's stacks to an app: the management account's, and the security tooling account's."""
    OrganizationAuditStack(app, "OrganizationAudit", env=EXAMPLE_ENV)
    SecurityToolingStack(
        app, "SecurityTooling", env=Environment(account=SECURITY_TOOLING_ACCOUNT, region=EXAMPLE_ENV.region)
    )


def synthesize(build: Callable[[App], None], outdir: str) -> None:
    """Synthesizes one example app into outdir, with CloudFormation schema validation as errors; says what it made."""
    app = App(outdir=outdir, context={"@aws-cdk/core:validateAgainstDefaultRules": True})
    build(app)
    assembly = app.synth()
    print(f"Synthesized {len(assembly.stacks)} stack(s) into {assembly.directory}")
    for stack in assembly.stacks:
        resources = stack.template.get("Resources", {})
        print(f"  {stack.stack_name}: {len(resources)} resources, template {stack.template_file}")


def main() -> None:
    synthesize(build_organization_audit_app, os.path.join(os.path.dirname(os.path.abspath(__file__)), "cdk.out"))
    # The Log Archive and Control Tower example apps too, into the folder given (test-languages.sh compares them)
    if len(sys.argv) > 1:
        synthesize(build_log_archive_app, os.path.join(sys.argv[1], "log-archive"))
        synthesize(build_control_tower_app, os.path.join(sys.argv[1], "control-tower"))


if __name__ == "__main__":
    main()
