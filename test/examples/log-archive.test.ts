import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  buildLogArchiveApp, LOG_ARCHIVE_ENV, LOG_ARCHIVE_ORG_ID, LOG_ARCHIVE_TRAIL_NAME, MANAGEMENT_ENV, ORGANIZATION_ROOT_ID, SECURITY_TOOLING_ACCOUNT_ID,
  SECURITY_TOOLING_READER_ARN,
} from '../../examples/log-archive';
import { validatingApp } from '../util';

describe('example Log Archive app (two accounts)', () => {
  const app = validatingApp();
  const { logArchive, management } = buildLogArchiveApp(app);
  const archiveTemplate = Template.fromStack(logArchive);
  const managementTemplate = Template.fromStack(management);
  const trailArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cloudtrail:${MANAGEMENT_ENV.region}:${MANAGEMENT_ENV.account}:trail/${LOG_ARCHIVE_TRAIL_NAME}`]] };

  test('the stacks are in the Log Archive and the management accounts', () => {
    expect(logArchive.account).toBe(LOG_ARCHIVE_ENV.account);
    expect(management.account).toBe(MANAGEMENT_ENV.account);
    expect(management.dependencies).toEqual([logArchive]);
  });

  test('the Log Archive account holds the bucket, locked for a year and kept for seven, and the key', () => {
    archiveTemplate.resourceCountIs('AWS::S3::Bucket', 2);
    archiveTemplate.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Days: 365, Mode: 'GOVERNANCE' } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 2555 })] },
    });
    archiveTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'CloudTrailWriteOrganizationLogs',
          Resource: { 'Fn::Join': ['', [Match.anyValue(), `/AWSLogs/${LOG_ARCHIVE_ORG_ID}/*`]] },
          Condition: { StringEquals: Match.objectLike({ 'aws:SourceArn': trailArn }) },
        })]),
      },
    });
    archiveTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CloudTrailEncryptLogs', Condition: Match.objectLike({ StringEquals: { 'aws:SourceArn': trailArn } }) })]) },
    });
  });

  test('the Security Tooling account\'s role may read and decrypt', () => {
    const reader = { AWS: SECURITY_TOOLING_READER_ARN };
    archiveTemplate.hasResourceProperties('AWS::S3::BucketPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: reader })]) } });
    archiveTemplate.hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: reader, Action: ['kms:Decrypt', 'kms:DescribeKey'] })]) } });
  });

  test('the management account\'s organization trail writes to the archive by name, with no bucket or key policy of its own', () => {
    const bucketName = Object.values(archiveTemplate.findResources('AWS::S3::Bucket', { Properties: { BucketName: Match.anyValue() } }))
      .map((r: any) => r.Properties.BucketName);
    expect(bucketName).toHaveLength(1);
    managementTemplate.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: LOG_ARCHIVE_TRAIL_NAME,
      IsOrganizationTrail: true,
      S3BucketName: bucketName[0],
      KMSKeyId: Match.stringLikeRegexp(`^arn:aws:kms:us-east-1:${LOG_ARCHIVE_ENV.account}:alias/LogArchive-TrailLogArchive-[0-9A-F]{8}$`),
    });
    managementTemplate.resourceCountIs('AWS::S3::Bucket', 0);
    const selectors = Object.values(managementTemplate.findResources('AWS::CloudTrail::Trail'))[0].Properties.AdvancedEventSelectors;
    expect(selectors.slice(1).map((s: any) => s.FieldSelectors.map((fs: any) => `${fs.Field}=${fs.Equals}`))).toEqual(['s3', 'kms'].map(service => [
      'eventCategory=NetworkActivity', `eventSource=${service}.amazonaws.com`, 'errorCode=VpceAccessDenied',
    ]));
    managementTemplate.resourceCountIs('AWS::S3::BucketPolicy', 0);
    managementTemplate.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrganizationTrailLogGroupKey'), 'Arn'] } });
  });

  test('trusted access comes first, and a service control policy on the root denies tampering with the trail and the archive bucket', () => {
    const trail = Object.values(managementTemplate.findResources('AWS::CloudTrail::Trail'))[0];
    expect(trail.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^TrustedAccess/)]));
    managementTemplate.hasResourceProperties('AWS::Organizations::Policy', {
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: [ORGANIZATION_ROOT_ID],
      Content: {
        Statement: [
          Match.objectLike({ Sid: 'DenyTrailTampering', Effect: 'Deny', Resource: Match.anyValue(), Action: Match.arrayWith(['cloudtrail:StopLogging']) }),
          Match.objectLike({
            Sid: 'DenyLogBucketTampering',
            Action: Match.arrayWith(['s3:PutBucketPolicy', 's3:DeleteBucket']),
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, Match.stringLikeRegexp('^:s3:::logarchive')]] },
            Condition: { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/AWSControlTowerExecution'] } },
          }),
        ],
      },
    });
  });

  test('the Security Tooling account is registered as CloudTrail delegated administrator', () => {
    managementTemplate.hasResourceProperties('Custom::CloudTrailDelegatedAdmin', { Operation: 'OrganizationDelegatedAdmin', MemberAccountId: SECURITY_TOOLING_ACCOUNT_ID });
  });

  test('the app synthesizes with CloudFormation schema validation as errors and no warnings', () => {
    expect(() => app.synth()).not.toThrow();
    Annotations.fromStack(logArchive).hasNoWarning('*', Match.anyValue());
    Annotations.fromStack(management).hasNoWarning('*', Match.anyValue());
  });

  test('snapshot', () => {
    expect({ logArchive: archiveTemplate.toJSON(), management: managementTemplate.toJSON() }).toMatchSnapshot();
  });
});
