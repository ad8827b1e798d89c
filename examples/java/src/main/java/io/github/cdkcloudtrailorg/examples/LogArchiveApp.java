package io.github.cdkcloudtrailorg.examples;

import java.util.List;

import io.github.cdkcloudtrailorg.CloudTrailTrustedAccess;
import io.github.cdkcloudtrailorg.DataEventSelectors;
import io.github.cdkcloudtrailorg.ILogArchive;
import io.github.cdkcloudtrailorg.NetworkActivityErrorCode;
import io.github.cdkcloudtrailorg.NetworkActivityEventSource;
import io.github.cdkcloudtrailorg.NetworkActivityOptions;
import io.github.cdkcloudtrailorg.OrganizationDelegatedAdmin;
import io.github.cdkcloudtrailorg.OrganizationTrail;
import io.github.cdkcloudtrailorg.TrailLogArchive;
import io.github.cdkcloudtrailorg.TrailProtectionPolicy;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.constructs.Construct;

/**
 * The Log Archive example app (examples/log-archive.ts) in Java: the Log Archive account's bucket and key, and the
 * management account's organization trail on them. Same stacks, construct ids and values as the TypeScript one.
 */
final class LogArchiveApp {
    /** The organization's management account, where the trail lives. */
    static final Environment MANAGEMENT_ENV = Environment.builder().account("111111111111").region("us-east-1").build();
    /** The Log Archive account, which keeps the log files and their key (AWS Control Tower's layout). */
    static final Environment LOG_ARCHIVE_ENV = Environment.builder().account("444444444444").region("us-east-1").build();
    static final String LOG_ARCHIVE_ORG_ID = "o-a1b2c3d4e5";
    static final String LOG_ARCHIVE_TRAIL_NAME = "organization-trail";
    /** The Security Tooling account, CloudTrail's delegated administrator, and its role that reads the logs. */
    static final String SECURITY_TOOLING_ACCOUNT_ID = "333333333333";
    static final String SECURITY_TOOLING_READER_ARN = "arn:aws:iam::" + SECURITY_TOOLING_ACCOUNT_ID + ":role/log-reader";
    /** The organization's root, which the trail protection policy is attached to. */
    static final String ORGANIZATION_ROOT_ID = "r-a1b2";

    private LogArchiveApp() {
    }

    /**
     * The Log Archive account's stack: the log bucket and key for the management account's organization trail, its log
     * files locked for a year (governance mode) and kept for seven, readable by the Security Tooling account's role.
     */
    static final class LogArchiveStack extends Stack {
        private final TrailLogArchive archive;

        LogArchiveStack(final Construct scope, final String id, final StackProps props) {
            super(scope, id, props);
            this.archive = TrailLogArchive.Builder.create(this, "TrailLogArchive")
                    .orgId(LOG_ARCHIVE_ORG_ID)
                    .managementAccountId(MANAGEMENT_ENV.getAccount())
                    .trailName(LOG_ARCHIVE_TRAIL_NAME)
                    .objectLockRetention(ObjectLockRetention.governance(Duration.days(365)))
                    .logFileExpiration(Duration.days(7 * 365))
                    .build();
            this.archive.grantRead(Role.fromRoleArn(this, "SecurityToolingReader", SECURITY_TOOLING_READER_ARN,
                    FromRoleArnOptions.builder().mutable(false).build()));
        }

        TrailLogArchive getArchive() {
            return archive;
        }
    }

    /**
     * The management account's stack: trusted access for CloudTrail, the organization trail writing to the Log Archive
     * account, a service control policy that keeps every member account from stopping the trail or opening its bucket,
     * and the Security Tooling account registered as CloudTrail delegated administrator.
     */
    static final class ManagementTrailStack extends Stack {
        ManagementTrailStack(final Construct scope, final String id, final StackProps props, final ILogArchive logArchive) {
            super(scope, id, props);
            CloudTrailTrustedAccess trustedAccess = new CloudTrailTrustedAccess(this, "TrustedAccess");
            // The trail takes its name and key prefix from the archive, whose policies admit it.
            OrganizationTrail trail = OrganizationTrail.Builder.create(this, "OrganizationTrail")
                    .orgId(LOG_ARCHIVE_ORG_ID)
                    .logArchive(logArchive)
                    // Calls to S3 and KMS that VPC endpoint policies denied: data leaving through an endpoint, or a
                    // broken policy
                    .dataEvents(new DataEventSelectors().addNetworkActivity(NetworkActivityOptions.builder()
                            .name("Denied by VPC endpoint policies")
                            .eventSources(List.of(NetworkActivityEventSource.S3, NetworkActivityEventSource.KMS))
                            .errorCodes(List.of(NetworkActivityErrorCode.VPCE_ACCESS_DENIED))
                            .build()))
                    .build();
            trail.getNode().addDependency(trustedAccess);
            TrailProtectionPolicy.Builder.create(this, "TrailProtection")
                    .trailArns(List.of(trail.getTrailArn()))
                    .logArchiveBuckets(List.of(logArchive.getBucket()))
                    .exemptPrincipalArns(List.of("arn:aws:iam::*:role/AWSControlTowerExecution"))
                    .targetIds(List.of(ORGANIZATION_ROOT_ID))
                    .build();
            OrganizationDelegatedAdmin.Builder.create(this, "SecurityToolingAdmin").memberAccountId(SECURITY_TOOLING_ACCOUNT_ID).build();
        }
    }

    /** Adds the example's two stacks to an app: the Log Archive account's, then the management account's. */
    static void build(final App app) {
        LogArchiveStack logArchive = new LogArchiveStack(app, "LogArchive", StackProps.builder().env(LOG_ARCHIVE_ENV).build());
        ManagementTrailStack management = new ManagementTrailStack(app, "ManagementTrail",
                StackProps.builder().env(MANAGEMENT_ENV).build(), logArchive.getArchive());
        // CreateTrail checks the bucket and key policies: deploy the Log Archive account's stack first.
        management.addStackDependency(logArchive);
    }
}
