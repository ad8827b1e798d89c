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

/** The trail a log archive admits, as its props name it: by name (and Region), or by ARN. */
export interface ArchiveTrailReference {
  readonly trailName?: string;
  readonly trailArn?: string;
  readonly trailRegion?: string;
  readonly managementAccountId: string;
}

// CloudTrail trail ARNs: arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (Service Authorization Reference,
// "Resource types defined by AWS CloudTrail").
const TRAIL_ARN = /^arn:[a-z-]+:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/(.+)$/;

/** The name and Region in a trail ARN, when it is one and is not a token. */
export function parseTrailArn(arn: string): { trailName: string; region: string; account: string } | undefined {
  const match = isUnresolved(arn) ? null : TRAIL_ARN.exec(arn);
  return match ? { region: match[1], account: match[2], trailName: match[3] } : undefined;
}

/**
 * A log archive names its trail once: by `trailName` (with `trailRegion`) or by `trailArn`, whose account is the
 * management account the archive admits. A token ARN is not checked.
 */
export function archiveTrailProblems(ref: ArchiveTrailReference): Problem[] {
  if ((ref.trailName === undefined) === (ref.trailArn === undefined)) {
    return [{
      id: 'LogArchiveTrailIdentity',
      property: 'trailName',
      rule: `names the trail the policies admit, by trailName or by trailArn: ${ref.trailName === undefined ? 'neither is' : 'both are'} given (This library: TrailLogArchive)`,
      fix: 'give trailName, or trailArn',
    }];
  }
  if (ref.trailArn === undefined || isUnresolved(ref.trailArn)) {
    return [];
  }
  if (ref.trailRegion !== undefined) {
    return [{
      id: 'LogArchiveTrailIdentity',
      property: 'trailRegion',
      value: ref.trailRegion,
      rule: 'the trail ARN holds the trail\'s Region already (This library: TrailLogArchive)',
      fix: 'leave trailRegion out',
    }];
  }
  const parsed = parseTrailArn(ref.trailArn);
  if (!parsed) {
    return [{
      id: 'LogArchiveTrailArn',
      property: 'trailArn',
      value: ref.trailArn,
      rule: 'must be a trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (Service Authorization Reference, AWS CloudTrail resource types)',
      fix: 'give the ARN of the organization trail, or its name as trailName',
    }];
  }
  if (!isUnresolved(ref.managementAccountId) && parsed.account !== ref.managementAccountId) {
    return [{
      id: 'LogArchiveTrailArn',
      property: 'trailArn',
      value: ref.trailArn,
      rule: `belongs to the account ${parsed.account}, and managementAccountId is ${ref.managementAccountId}: an organization trail belongs to the management account (CloudTrail User Guide, "Organization trails")`,
      fix: 'give the ARN of the management account\'s trail, or correct managementAccountId',
    }];
  }
  return [];
}
