import { App, Stack, Validations } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import { countByGate, GATES, GateFinding, ruleIds, runPolicyGates, unacknowledgedErrors } from './policy-gates';

// The baseline: aws-cdk-lib's own organization trail, measured against the project's policy gates. Every gate finding
// here is an error; none of the gates reports a warning for these resources.

// A cold first synthesis (CloudFormation Validate's engine, cdk-nag) takes several seconds.
jest.setTimeout(60_000);

function trailStack(app: App): Stack {
  return new Stack(app, 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
}

function defaultOrgTrail(app: App): cloudtrail.Trail {
  return new cloudtrail.Trail(trailStack(app), 'Trail', { isOrganizationTrail: true, orgId: 'o-a1b2c3d4e5' });
}

function encryptedOrgTrailWithLogs(app: App): cloudtrail.Trail {
  const stack = trailStack(app);
  return new cloudtrail.Trail(stack, 'Trail', {
    isOrganizationTrail: true,
    orgId: 'o-a1b2c3d4e5',
    sendToCloudWatchLogs: true,
    encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
  });
}

/** The rules every finding on the trail's bucket fails in the three compliance packs (prefixed with the pack name). */
const BUCKET_RULES = [
  'S3BucketLoggingEnabled',
  'S3BucketPublicReadProhibited',
  'S3BucketPublicWriteProhibited',
  'S3BucketReplicationEnabled',
  'S3BucketVersioningEnabled',
  'S3DefaultEncryptionKMS',
];

/** The Control Tower controls the trail's bucket fails. */
const BUCKET_CONTROLS = ['CT.S3.PR.1', 'CT.S3.PR.10', 'CT.S3.PR.11', 'CT.S3.PR.2', 'CT.S3.PR.3', 'CT.S3.PR.4', 'CT.S3.PR.5', 'CT.S3.PR.6', 'CT.S3.PR.9'];

function packRules(pack: string, rules: string[]): string[] {
  return rules.map(rule => `${pack}-${rule}`).sort();
}

function paths(findings: GateFinding[]): string[] {
  return [...new Set(findings.map(f => f.path))].sort();
}

describe('aws-cdk-lib organization trail, defaults (new bucket, no KMS, no CloudWatch Logs)', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      defaultOrgTrail(app);
    });
  });

  test('counts per gate', () => {
    expect(findings.every(f => !f.acknowledged)).toBe(true);
    expect(countByGate(findings)).toEqual({
      [GATES.controlTower]: { errors: 11, warnings: 0, acknowledged: 0 },
      [GATES.awsSolutions]: { errors: 1, warnings: 0, acknowledged: 0 },
      [GATES.nist80053r5]: { errors: 8, warnings: 0, acknowledged: 0 },
      [GATES.hipaaSecurity]: { errors: 8, warnings: 0, acknowledged: 0 },
      [GATES.pciDss321]: { errors: 8, warnings: 0, acknowledged: 0 },
      [GATES.cloudFormationValidate]: { errors: 0, warnings: 0, acknowledged: 0 },
    });
    expect(unacknowledgedErrors(findings)).toHaveLength(36);
    expect(paths(findings)).toEqual(['Stack/Trail/Resource', 'Stack/Trail/S3/Resource']);
  });

  test('failing rules', () => {
    const failing = unacknowledgedErrors(findings);
    expect(ruleIds(failing, GATES.controlTower, { controls: true })).toEqual(
      ['CT.CLOUDTRAIL.PR.1', 'CT.CLOUDTRAIL.PR.3', ...BUCKET_CONTROLS].sort());
    expect(ruleIds(failing, GATES.controlTower)).toEqual([
      'cloud_trail_cloud_watch_logs_enabled_check',
      'cloud_trail_encryption_enabled_check',
      's3_bucket_acl_prohibited_check',
      's3_bucket_default_encryption_kms_check',
      's3_bucket_level_public_access_prohibited_check',
      's3_bucket_logging_enabled_check',
      's3_bucket_object_lock_enabled_check',
      's3_bucket_versioning_enabled_check',
      's3_event_notifications_enabled_check',
      's3_lifecycle_policy_check',
      's3_version_lifecycle_policy_check',
    ]);
    expect(ruleIds(failing, GATES.awsSolutions)).toEqual(['AwsSolutions-S1']);
    const trailRules = ['CloudTrailCloudWatchLogsEnabled', 'CloudTrailEncryptionEnabled', ...BUCKET_RULES];
    for (const pack of [GATES.nist80053r5, GATES.hipaaSecurity, GATES.pciDss321]) {
      expect(ruleIds(failing, pack)).toEqual(packRules(pack, trailRules));
    }
  });
});

describe('aws-cdk-lib organization trail with CloudWatch Logs and a rotating KMS key', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      encryptedOrgTrailWithLogs(app);
    });
  });

  test('counts per gate', () => {
    expect(findings.every(f => !f.acknowledged)).toBe(true);
    expect(countByGate(findings)).toEqual({
      [GATES.controlTower]: { errors: 11, warnings: 0, acknowledged: 0 },
      [GATES.awsSolutions]: { errors: 1, warnings: 0, acknowledged: 0 },
      [GATES.nist80053r5]: { errors: 8, warnings: 0, acknowledged: 0 },
      [GATES.hipaaSecurity]: { errors: 8, warnings: 0, acknowledged: 0 },
      [GATES.pciDss321]: { errors: 8, warnings: 0, acknowledged: 0 },
      [GATES.cloudFormationValidate]: { errors: 0, warnings: 0, acknowledged: 0 },
    });
    expect(unacknowledgedErrors(findings)).toHaveLength(36);
    expect(paths(findings)).toEqual([
      'Stack/Key/Resource',
      'Stack/Trail/LogGroup/Resource',
      'Stack/Trail/LogsRole/DefaultPolicy/Resource',
      'Stack/Trail/S3/Resource',
    ]);
  });

  test('failing rules', () => {
    const failing = unacknowledgedErrors(findings);
    expect(ruleIds(failing, GATES.controlTower, { controls: true })).toEqual(
      ['CT.CLOUDWATCH.PR.3', 'CT.KMS.PR.3', ...BUCKET_CONTROLS].sort());
    expect(ruleIds(failing, GATES.controlTower)).toEqual([
      'cloudwatch_log_group_encrypted_check',
      'kms_create_grant_aws_service_check',
      's3_bucket_acl_prohibited_check',
      's3_bucket_default_encryption_kms_check',
      's3_bucket_level_public_access_prohibited_check',
      's3_bucket_logging_enabled_check',
      's3_bucket_object_lock_enabled_check',
      's3_bucket_versioning_enabled_check',
      's3_event_notifications_enabled_check',
      's3_lifecycle_policy_check',
      's3_version_lifecycle_policy_check',
    ]);
    expect(ruleIds(failing, GATES.awsSolutions)).toEqual(['AwsSolutions-S1']);
    const trailRules = ['CloudWatchLogGroupEncrypted', 'IAMNoInlinePolicy', ...BUCKET_RULES];
    for (const pack of [GATES.nist80053r5, GATES.hipaaSecurity, GATES.pciDss321]) {
      expect(ruleIds(failing, pack)).toEqual(packRules(pack, trailRules));
    }
  });

  test('handing cfn-guard only the rules for the templates\' resource types finds the same', () => {
    expect(runPolicyGates(app => {
      encryptedOrgTrailWithLogs(app);
    }, { allControlTowerRules: true })).toEqual(findings);
  });
});

describe('acknowledgements', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      const trail = defaultOrgTrail(app);
      const bucket = trail.node.findChild('S3');
      // cdk-nag, bare rule id: cdk-nag matches it on the resource or any scope above it.
      Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'bare nag id' });
      // cdk-nag, namespaced with the pack name: aws-cdk-lib matches it and lists it as suppressed in its report.
      Validations.of(trail).acknowledge({ id: 'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled', reason: 'namespaced nag id' });
      // Control Tower: only the namespaced cfn-guard rule name works.
      Validations.of(bucket).acknowledge({ id: 'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check', reason: 'guard rule' });
      Validations.of(bucket).acknowledge({ id: 's3_event_notifications_enabled_check', reason: 'not namespaced: no effect' });
      Validations.of(bucket).acknowledge({ id: 'CT.S3.PR.6', reason: 'a control id: no effect' });
    });
  });

  test('are reported acknowledged, with their reason', () => {
    const acknowledged = findings.filter(f => f.acknowledged).map(f => [f.gate, f.ruleId, f.path, f.reason]);
    expect(acknowledged).toEqual([
      [GATES.awsSolutions, 'AwsSolutions-S1', 'Stack/Trail/S3/Resource', 'bare nag id'],
      [GATES.nist80053r5, 'NIST.800.53.R5-S3BucketReplicationEnabled', 'Stack/Trail/S3/Resource', 'namespaced nag id'],
      [GATES.controlTower, 's3_bucket_object_lock_enabled_check', 'Stack/Trail/S3/Resource', 'guard rule'],
    ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    expect(countByGate(findings)).toMatchObject({
      [GATES.controlTower]: { errors: 10, warnings: 0, acknowledged: 1 },
      [GATES.awsSolutions]: { errors: 0, warnings: 0, acknowledged: 1 },
      [GATES.nist80053r5]: { errors: 7, warnings: 0, acknowledged: 1 },
      [GATES.hipaaSecurity]: { errors: 8, warnings: 0, acknowledged: 0 },
    });
  });

  test('only apply to their own rule', () => {
    const failing = unacknowledgedErrors(findings);
    expect(ruleIds(failing, GATES.hipaaSecurity)).toContain('HIPAA.Security-S3BucketReplicationEnabled');
    expect(ruleIds(failing, GATES.controlTower, { controls: true })).toEqual(expect.arrayContaining(['CT.S3.PR.4', 'CT.S3.PR.6']));
  });
});
