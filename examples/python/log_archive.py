"""The Log Archive example app (examples/log-archive.ts) in Python: the same stacks, construct ids and values."""

from aws_cdk import App, Duration, Environment, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct

from cdk_cloudtrail_org import (
    CloudTrailTrustedAccess,
    DataEventSelectors,
    ILogArchive,
    NetworkActivityErrorCode,
    NetworkActivityEventSource,
    OrganizationDelegatedAdmin,
    OrganizationTrail,
    TrailLogArchive,
    TrailProtectionPolicy,
)

# The organization's management account, where the trail lives.
MANAGEMENT_ENV = Environment(account="111111111111", region="us-east-1")
# The Log Archive account, which keeps the log files and their key (AWS Control Tower's layout).
LOG_ARCHIVE_ENV = Environment(account="444444444444", region="us-east-1")
LOG_ARCHIVE_ORG_ID = "o-a1b2c3d4e5"
LOG_ARCHIVE_TRAIL_NAME = "organization-trail"
# The Security Tooling account, CloudTrail's delegated administrator, and its role that reads the logs.
SECURITY_TOOLING_ACCOUNT_ID = "333333333333"
SECURITY_TOOLING_READER_ARN = f"arn:aws:iam::{SECURITY_TOOLING_ACCOUNT_ID}:role/log-reader"
# The organization's root, which the trail protection policy is attached to.
ORGANIZATION_ROOT_ID = "r-a1b2"


class LogArchiveStack(Stack):
    """The Log Archive account's stack: the log bucket and key for the management account's organization trail, its
    log files locked for a year (governance mode) and kept for seven, readable by the Security Tooling account's
    role."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.archive = TrailLogArchive(
            self,
            "TrailLogArchive",
            org_id=LOG_ARCHIVE_ORG_ID,
            management_account_id=MANAGEMENT_ENV.account,
            trail_name=LOG_ARCHIVE_TRAIL_NAME,
            object_lock_retention=s3.ObjectLockRetention.governance(Duration.days(365)),
            log_file_expiration=Duration.days(7 * 365),
        )
        self.archive.grant_read(
            iam.Role.from_role_arn(self, "SecurityToolingReader", SECURITY_TOOLING_READER_ARN, mutable=False)
        )


class ManagementTrailStack(Stack):
    """The management account's stack: trusted access for CloudTrail, the organization trail writing to the Log
    Archive account, a service control policy that keeps every member account from stopping the trail or opening its
    bucket, and the Security Tooling account registered as CloudTrail delegated administrator."""

    def __init__(self, scope: Construct, construct_id: str, *, log_archive: ILogArchive, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        trusted_access = CloudTrailTrustedAccess(self, "TrustedAccess")
        # The trail takes its name and key prefix from the archive, whose policies admit it.
        self.trail = OrganizationTrail(
            self,
            "OrganizationTrail",
            org_id=LOG_ARCHIVE_ORG_ID,
            log_archive=log_archive,
            # Calls to S3 and KMS that VPC endpoint policies denied: data leaving through an endpoint, or a broken
            # policy
            data_events=DataEventSelectors().add_network_activity(
                name="Denied by VPC endpoint policies",
                event_sources=[NetworkActivityEventSource.S3, NetworkActivityEventSource.KMS],
                error_codes=[NetworkActivityErrorCode.VPCE_ACCESS_DENIED],
            ),
        )
        self.trail.node.add_dependency(trusted_access)
        TrailProtectionPolicy(
            self,
            "TrailProtection",
            trail_arns=[self.trail.trail_arn],
            log_archive_buckets=[log_archive.bucket],
            exempt_principal_arns=["arn:aws:iam::*:role/AWSControlTowerExecution"],
            target_ids=[ORGANIZATION_ROOT_ID],
        )
        OrganizationDelegatedAdmin(self, "SecurityToolingAdmin", member_account_id=SECURITY_TOOLING_ACCOUNT_ID)


def build_log_archive_app(app: App) -> None:
    """Adds the example's two stacks to an app: the Log Archive account's, then the management account's."""
    log_archive = LogArchiveStack(app, "LogArchive", env=LOG_ARCHIVE_ENV)
    management = ManagementTrailStack(app, "ManagementTrail", env=MANAGEMENT_ENV, log_archive=log_archive.archive)
    # CreateTrail checks the bucket and key policies: deploy the Log Archive account's stack first.
    management.add_stack_dependency(log_archive)
