import { App, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  CloudTrailTrustedAccess, DataEventSelectors, ILogArchive, NetworkActivityErrorCode, NetworkActivityEventSource, OrganizationDelegatedAdmin,
  OrganizationTrail, TrailLogArchive, TrailProtectionPolicy,
} from '../src';

/** The organization's management account, where the trail lives. */
export const MANAGEMENT_ENV = { account: '111111111111', region: 'us-east-1' };
/** The Log Archive account, which keeps the log files and their key (AWS Control Tower's layout). */
export const LOG_ARCHIVE_ENV = { account: '444444444444', region: 'us-east-1' };
export const LOG_ARCHIVE_ORG_ID = 'o-a1b2c3d4e5';
export const LOG_ARCHIVE_TRAIL_NAME = 'organization-trail';
/** The Security Tooling account, CloudTrail's delegated administrator, and its role that reads the logs. */
export const SECURITY_TOOLING_ACCOUNT_ID = '333333333333';
export const SECURITY_TOOLING_READER_ARN = `arn:aws:iam::${SECURITY_TOOLING_ACCOUNT_ID}:role/log-reader`;
/** The organization's root, which the trail protection policy is attached to. */
export const ORGANIZATION_ROOT_ID = 'r-a1b2';

/**
 * The Log Archive account's stack: the log bucket and key for the management account's organization trail, its log
 * files locked for a year (governance mode) and kept for seven, readable by the Security Tooling account's role.
 */
export class LogArchiveStack extends Stack {
  public readonly archive: TrailLogArchive;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    this.archive = new TrailLogArchive(this, 'TrailLogArchive', {
      orgId: LOG_ARCHIVE_ORG_ID,
      managementAccountId: MANAGEMENT_ENV.account,
      trailName: LOG_ARCHIVE_TRAIL_NAME,
      objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(365)),
      logFileExpiration: Duration.days(7 * 365),
    });
    this.archive.grantRead(iam.Role.fromRoleArn(this, 'SecurityToolingReader', SECURITY_TOOLING_READER_ARN, { mutable: false }));
  }
}

/** Properties of the management account's stack. */
export interface ManagementTrailStackProps extends StackProps {
  /** The Log Archive account's bucket and key. */
  readonly logArchive: ILogArchive;
}

/**
 * The management account's stack: trusted access for CloudTrail, the organization trail writing to the Log Archive
 * account, a service control policy that keeps every member account from stopping the trail or opening its bucket, and
 * the Security Tooling account registered as CloudTrail delegated administrator, from where the security team manages
 * the organization's trails and Lake.
 */
export class ManagementTrailStack extends Stack {
  public readonly trail: OrganizationTrail;

  constructor(scope: Construct, id: string, props: ManagementTrailStackProps) {
    super(scope, id, props);
    const trustedAccess = new CloudTrailTrustedAccess(this, 'TrustedAccess');
    // The trail takes its name and key prefix from the archive, whose policies admit it.
    this.trail = new OrganizationTrail(this, 'OrganizationTrail', {
      orgId: LOG_ARCHIVE_ORG_ID,
      logArchive: props.logArchive,
      // Calls to S3 and KMS that VPC endpoint policies denied: data leaving through an endpoint, or a broken policy
      dataEvents: new DataEventSelectors().addNetworkActivity({
        name: 'Denied by VPC endpoint policies',
        eventSources: [NetworkActivityEventSource.S3, NetworkActivityEventSource.KMS],
        errorCodes: [NetworkActivityErrorCode.VPCE_ACCESS_DENIED],
      }),
    });
    this.trail.node.addDependency(trustedAccess);
    new TrailProtectionPolicy(this, 'TrailProtection', {
      trailArns: [this.trail.trailArn],
      logArchiveBuckets: [props.logArchive.bucket],
      exemptPrincipalArns: ['arn:aws:iam::*:role/AWSControlTowerExecution'],
      targetIds: [ORGANIZATION_ROOT_ID],
    });
    new OrganizationDelegatedAdmin(this, 'SecurityToolingAdmin', { memberAccountId: SECURITY_TOOLING_ACCOUNT_ID });
  }
}

/** Adds the example's two stacks to an app: the Log Archive account's, then the management account's. */
export function buildLogArchiveApp(app: App): { logArchive: LogArchiveStack; management: ManagementTrailStack } {
  const logArchive = new LogArchiveStack(app, 'LogArchive', { env: LOG_ARCHIVE_ENV });
  const management = new ManagementTrailStack(app, 'ManagementTrail', { env: MANAGEMENT_ENV, logArchive: logArchive.archive });
  // CreateTrail checks the bucket and key policies: deploy the Log Archive account's stack first.
  management.addStackDependency(logArchive);
  return { logArchive, management };
}
