import { Lazy } from 'aws-cdk-lib';
import { ArchivedTrail, archiveTrailProblems, logArchiveAgreementProblems, parseTrailArn } from '../../src/core/log-archive-rules';
import { Problem } from '../../src/core/problems';

const SOURCE = '(CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" and "Configure AWS KMS key policies for CloudTrail")';
const ARCHIVE: ArchivedTrail = {
  trailName: 'organization-audit', managementAccountId: '111111111111', orgId: 'o-a1b2c3d4e5', s3KeyPrefix: 'audit', region: 'us-east-1',
};
const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-audit';
/** A string only CloudFormation knows. */
const token = () => Lazy.string({ produce: () => 'resolved' });
const where = (problems: Problem[]) => problems.map(p => `${p.id} ${p.property}`);

describe('logArchiveAgreementProblems', () => {
  const agreement = (change: Partial<ArchivedTrail>) => logArchiveAgreementProblems({ ...ARCHIVE, ...change }, ARCHIVE);

  test('a trail that agrees with its archive has no problem', () => {
    expect(agreement({})).toEqual([]);
    expect(logArchiveAgreementProblems({ ...ARCHIVE, s3KeyPrefix: undefined }, { ...ARCHIVE, s3KeyPrefix: '' })).toEqual([]);
  });

  test.each<[string, Partial<ArchivedTrail>, Problem]>([
    ['trail name', { trailName: 'other-trail' }, {
      id: 'LogArchiveTrailName',
      property: 'trailName',
      value: 'other-trail',
      rule: `the log archive's policies admit the trail "organization-audit" only ${SOURCE}`,
      fix: 'leave trailName out to take the archive\'s, or give the archive this trail\'s name',
    }],
    ['management account', { managementAccountId: '222222222222' }, {
      id: 'LogArchiveManagementAccount',
      property: 'managementAccountId',
      value: '222222222222',
      rule: `the log archive's policies admit a trail of the management account 111111111111 only ${SOURCE}`,
      fix: 'deploy the trail in that account, set managementAccountId to it from a delegated administrator account, or correct the archive\'s managementAccountId',
    }],
    ['Region', { region: 'eu-west-1' }, {
      id: 'LogArchiveTrailRegion',
      property: 'logArchive',
      value: 'eu-west-1',
      rule: `the log archive's policies admit a trail whose ARN is in us-east-1, and this trail's stack is in eu-west-1 ${SOURCE}`,
      fix: 'deploy the trail in the archive\'s trailRegion, or set the archive\'s trailRegion to the trail\'s Region',
    }],
    ['organization', { orgId: 'o-f6g7h8i9j0' }, {
      id: 'LogArchiveOrgId',
      property: 'orgId',
      value: 'o-f6g7h8i9j0',
      rule: `the log archive's bucket policy admits the logs of the organization o-a1b2c3d4e5 only ${SOURCE}`,
      fix: 'use the same orgId on both sides',
    }],
    ['key prefix', { s3KeyPrefix: 'logs' }, {
      id: 'LogArchiveKeyPrefix',
      property: 's3KeyPrefix',
      value: 'logs',
      rule: `the log archive's bucket policy admits log files under "audit/AWSLogs/" only ${SOURCE}`,
      fix: 'leave s3KeyPrefix out to take the archive\'s, or give the archive the same s3KeyPrefix',
    }],
  ])('a different %s', (_, change, problem) => {
    expect(agreement(change)).toEqual([problem]);
  });

  test('a trail without a prefix, for an archive with one, and the other way round', () => {
    expect(agreement({ s3KeyPrefix: undefined })).toEqual([expect.objectContaining({ id: 'LogArchiveKeyPrefix', value: '' })]);
    expect(logArchiveAgreementProblems(ARCHIVE, { ...ARCHIVE, s3KeyPrefix: undefined })).toEqual([expect.objectContaining({
      id: 'LogArchiveKeyPrefix', value: 'audit', rule: `the log archive's bucket policy admits log files under "AWSLogs/" only ${SOURCE}`,
    })]);
  });

  test('every difference, in the order trail name, account, Region, organization, prefix', () => {
    expect(where(agreement({ trailName: 'x', managementAccountId: '2', region: 'eu-west-1', orgId: 'o-x', s3KeyPrefix: '' }))).toEqual([
      'LogArchiveTrailName trailName', 'LogArchiveManagementAccount managementAccountId', 'LogArchiveTrailRegion logArchive',
      'LogArchiveOrgId orgId', 'LogArchiveKeyPrefix s3KeyPrefix',
    ]);
  });

  test('a token on either side is not compared', () => {
    const tokens = (): ArchivedTrail => ({ trailName: token(), managementAccountId: token(), orgId: token(), s3KeyPrefix: token(), region: token() });
    expect(logArchiveAgreementProblems(tokens(), ARCHIVE)).toEqual([]);
    expect(logArchiveAgreementProblems(ARCHIVE, tokens())).toEqual([]);
  });
});

describe('parseTrailArn', () => {
  test.each([
    [TRAIL_ARN, { region: 'us-east-1', account: '111111111111', trailName: 'organization-audit' }],
    ['arn:aws-us-gov:cloudtrail:us-gov-west-1:222222222222:trail/a/b', { region: 'us-gov-west-1', account: '222222222222', trailName: 'a/b' }],
  ])('%s', (arn, parsed) => {
    expect(parseTrailArn(arn)).toEqual(parsed);
  });

  test.each([
    'organization-audit',
    'arn:aws:cloudtrail:us-east-1:111111111111:trail/',
    'arn:aws:cloudtrail:us-east-1:11111111111:trail/organization-audit',
    'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/organization-audit',
    `x${TRAIL_ARN}`,
  ])('%s is no trail ARN', arn => {
    expect(parseTrailArn(arn)).toBeUndefined();
  });

  test('a token is not parsed, even one that renders as a trail ARN', () => {
    expect(parseTrailArn(Lazy.string({ produce: () => TRAIL_ARN }))).toBeUndefined();
    expect(parseTrailArn(`arn:aws:cloudtrail:us-east-1:111111111111:trail/${token()}`)).toBeUndefined();
  });
});

describe('archiveTrailProblems', () => {
  const identity = (given: string): Problem => ({
    id: 'LogArchiveTrailIdentity',
    property: 'trailName',
    rule: `names the trail the policies admit, by trailName or by trailArn: ${given} given (This library: TrailLogArchive)`,
    fix: 'give trailName, or trailArn',
  });

  test('a trail named by name, with or without its Region, or by ARN', () => {
    expect(archiveTrailProblems({ trailName: 'organization-audit', managementAccountId: '111111111111' })).toEqual([]);
    expect(archiveTrailProblems({ trailName: 'organization-audit', trailRegion: 'eu-west-1', managementAccountId: '111111111111' })).toEqual([]);
    expect(archiveTrailProblems({ trailArn: TRAIL_ARN, managementAccountId: '111111111111' })).toEqual([]);
  });

  test('neither name nor ARN', () => {
    expect(archiveTrailProblems({ managementAccountId: '111111111111' })).toEqual([identity('neither is')]);
  });

  test('both name and ARN', () => {
    expect(archiveTrailProblems({ trailName: 'organization-audit', trailArn: TRAIL_ARN, managementAccountId: '111111111111' }))
      .toEqual([identity('both are')]);
  });

  test('an ARN with a Region', () => {
    expect(archiveTrailProblems({ trailArn: TRAIL_ARN, trailRegion: 'us-east-1', managementAccountId: '111111111111' })).toEqual([{
      id: 'LogArchiveTrailIdentity',
      property: 'trailRegion',
      value: 'us-east-1',
      rule: 'the trail ARN holds the trail\'s Region already (This library: TrailLogArchive)',
      fix: 'leave trailRegion out',
    }]);
  });

  test('an ARN that is no trail ARN', () => {
    const arn = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/organization-audit';
    expect(archiveTrailProblems({ trailArn: arn, managementAccountId: '111111111111' })).toEqual([{
      id: 'LogArchiveTrailArn',
      property: 'trailArn',
      value: arn,
      rule: 'must be a trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (Service Authorization Reference, AWS CloudTrail resource types)',
      fix: 'give the ARN of the organization trail, or its name as trailName',
    }]);
  });

  test('the trail of another account than the management account', () => {
    expect(archiveTrailProblems({ trailArn: TRAIL_ARN, managementAccountId: '222222222222' })).toEqual([{
      id: 'LogArchiveTrailArn',
      property: 'trailArn',
      value: TRAIL_ARN,
      rule: 'belongs to the account 111111111111, and managementAccountId is 222222222222: an organization trail belongs to the management account '
        + '(CloudTrail User Guide, "Organization trails")',
      fix: 'give the ARN of the management account\'s trail, or correct managementAccountId',
    }]);
  });

  test('a token ARN is not checked, not even against a Region; a token account is not compared', () => {
    expect(archiveTrailProblems({ trailArn: token(), trailRegion: 'us-east-1', managementAccountId: '222222222222' })).toEqual([]);
    expect(archiveTrailProblems({ trailArn: TRAIL_ARN, managementAccountId: token() })).toEqual([]);
  });
});
