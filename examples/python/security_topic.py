"""The security team's alarm topic (examples/security-topic.ts) in Python, for the example apps that alarm."""

from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sns as sns
from constructs import Construct


def security_alarm_topic(scope: Construct) -> sns.Topic:
    """An encrypted topic the security team subscribes to: CloudWatch alarms may publish to it (EventBridge is let
    in by its target), and only AWS services may create grants on its key (AWS Control Tower CT.KMS.PR.3)."""
    key = kms.Key(scope, "SecurityAlarmKey", enable_key_rotation=True, description="Encrypts the security alarm topic")
    key.add_to_resource_policy(
        iam.PolicyStatement(
            principals=[iam.ServicePrincipal("cloudwatch.amazonaws.com")],
            actions=["kms:Decrypt", "kms:GenerateDataKey*"],
            resources=["*"],
        )
    )
    key.add_to_resource_policy(
        iam.PolicyStatement(
            effect=iam.Effect.DENY,
            principals=[iam.AnyPrincipal()],
            actions=["kms:CreateGrant"],
            resources=["*"],
            conditions={"BoolIfExists": {"kms:GrantIsForAWSResource": "false", "aws:PrincipalIsAWSService": "false"}},
        )
    )
    return sns.Topic(scope, "SecurityAlarmTopic", master_key=key, enforce_ssl=True)
