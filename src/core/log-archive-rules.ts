import { isUnresolved, Problem } from './problems';

/** The trail a log archive's bucket and key policies are written for, or the trail that uses the archive. */
export interface ArchivedTrail {
  readonly trailName: string;
  readonly managementAccountId: string;
  readonly orgId: string;
  /** The trail's S3 key prefix; absent or empty for none. */
  readonly s3KeyPrefix?: string;
  /** The trail's home Region, part of the trail ARN the policies name. */
  readonly region: string;
}

const SOURCE = 'CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" and "Configure AWS KMS key policies for CloudTrail"';

/**
 * An organization trail and the log archive it writes to must agree on everything the archive's bucket and key
 * policies name: the trail ARN (name, management account, Region), the organization and the key prefix. Otherwise
 * CreateTrail fails with InsufficientS3BucketPolicyException or InsufficientEncryptionPolicyException. A value that
 * is a token on either side is not compared.
 */
export function logArchiveAgreementProblems(trail: ArchivedTrail, archive: ArchivedTrail): Problem[] {
  const problems: Problem[] = [];
  const differs = (a: string, b: string) => !isUnresolved(a) && !isUnresolved(b) && a !== b;
  if (differs(trail.trailName, archive.trailName)) {
    problems.push({
      id: 'LogArchiveTrailName',
      property: 'trailName',
      value: trail.trailName,
      rule: `the log archive's policies admit the trail "${archive.trailName}" only (${SOURCE})`,
      fix: 'leave trailName out to take the archive\'s, or give the archive this trail\'s name',
    });
  }
  if (differs(trail.managementAccountId, archive.managementAccountId)) {
    problems.push({
      id: 'LogArchiveManagementAccount',
      property: 'managementAccountId',
      value: trail.managementAccountId,
      rule: `the log archive's policies admit a trail of the management account ${archive.managementAccountId} only (${SOURCE})`,
      fix: 'deploy the trail in that account, set managementAccountId to it from a delegated administrator account, or correct the archive\'s managementAccountId',
    });
  }
  if (differs(trail.region, archive.region)) {
    problems.push({
      id: 'LogArchiveTrailRegion',
      property: 'logArchive',
      value: trail.region,
      rule: `the log archive's policies admit a trail whose ARN is in ${archive.region}, and this trail's stack is in ${trail.region} (${SOURCE})`,
      fix: 'deploy the trail in the archive\'s trailRegion, or set the archive\'s trailRegion to the trail\'s Region',
    });
  }
  if (differs(trail.orgId, archive.orgId)) {
    problems.push({
      id: 'LogArchiveOrgId',
      property: 'orgId',
      value: trail.orgId,
      rule: `the log archive's bucket policy admits the logs of the organization ${archive.orgId} only (${SOURCE})`,
      fix: 'use the same orgId on both sides',
    });
  }
  const trailPrefix = trail.s3KeyPrefix ?? '';
  const archivePrefix = archive.s3KeyPrefix ?? '';
  if (differs(trailPrefix, archivePrefix)) {
    problems.push({
      id: 'LogArchiveKeyPrefix',
      property: 's3KeyPrefix',
      value: trailPrefix,
      rule: `the log archive's bucket policy admits log files under ${archivePrefix ? `"${archivePrefix}/AWSLogs/"` : '"AWSLogs/"'} only (${SOURCE})`,
      fix: 'leave s3KeyPrefix out to take the archive\'s, or give the archive the same s3KeyPrefix',
    });
  }
  return problems;
}
