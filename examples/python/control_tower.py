"""The Control Tower example app (examples/control-tower.ts) in Python: the same stack, construct ids and values."""

from aws_cdk import App, Environment, Stack
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_logs as logs
from constructs import Construct

from cdk_cloudtrail_org import OrganizationTrail, TrailProtectionPolicy

from security_topic import security_alarm_topic

# The management account of an organization that AWS Control Tower set up, and its home Region.
CONTROL_TOWER_ENV = Environment(account="111111111111", region="us-east-1")
# Control Tower's organization trail, as `aws cloudtrail describe-trails` shows it.
CONTROL_TOWER_TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/aws-controltower-BaselineCloudTrail"
# The log group Control Tower's trail delivers to, in the management account.
CONTROL_TOWER_LOG_GROUP = "aws-controltower/CloudTrailLogs"
# The organization's root, which the protection policy is attached to.
CONTROL_TOWER_ROOT_ID = "r-a1b2"


class ControlTowerTrailStack(Stack):
    """The trail Control Tower already runs, without a second trail: the CIS security alarms on its log group, a
    real-time rule for calls that tamper with it, and a service control policy that denies those calls to everyone but
    Control Tower's own role."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.trail = OrganizationTrail.from_trail_attributes(
            self,
            "ControlTowerTrail",
            trail_arn=CONTROL_TOWER_TRAIL_ARN,
            log_group=logs.LogGroup.from_log_group_name(self, "ControlTowerTrailLogs", CONTROL_TOWER_LOG_GROUP),
        )
        security_topic = security_alarm_topic(self)
        self.trail.add_security_alarms("SecurityAlarms", topic=security_topic)
        OrganizationTrail.on_event(
            self,
            "TrailTampering",
            target=targets.SnsTopic(security_topic),
            event_pattern=events.EventPattern(
                source=["aws.cloudtrail"], detail={"eventName": ["StopLogging", "DeleteTrail", "UpdateTrail"]}
            ),
        )
        TrailProtectionPolicy(
            self,
            "TrailProtection",
            trail_arns=[self.trail.trail_arn],
            exempt_principal_arns=["arn:aws:iam::*:role/AWSControlTowerExecution"],
            target_ids=[CONTROL_TOWER_ROOT_ID],
        )


def build_control_tower_app(app: App) -> None:
    """Adds the example's stack to an app."""
    ControlTowerTrailStack(app, "ControlTowerTrail", env=CONTROL_TOWER_ENV)
