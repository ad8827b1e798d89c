import { App, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as sns from 'aws-cdk-lib/aws-sns';
import { countByGate, GATES, GateFinding, runPolicyGates, unacknowledgedErrors } from './policy-gates';
import { buildOrganizationAuditApp } from '../../examples/organization-audit';
import { DataEventSelectors, OrganizationTrail } from '../../src';
import { GATE_ACKNOWLEDGEMENTS, LOG_STREAM_WILDCARDS_REASON } from '../../src/policy/gate-acknowledgements';

// A cold first synthesis (CloudFormation Validate's engine, cdk-nag) takes several seconds.
jest.setTimeout(60_000);

const ENV = { account: '111111111111', region: 'us-east-1' };
const KNOWN_REASONS = [...Object.values(GATE_ACKNOWLEDGEMENTS).map(a => a.reason), LOG_STREAM_WILDCARDS_REASON];

function describeFindings(findings: GateFinding[]): string[] {
  return findings.map(f => `${f.gate} ${f.ruleId} ${f.control ?? ''} ${f.path}`);
}

describe('the default OrganizationTrail', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      new OrganizationTrail(new Stack(app, 'Stack', { env: ENV }), 'Trail', { orgId: 'o-a1b2c3d4e5' });
    });
  });

  test('has no unacknowledged error in any gate', () => {
    expect(describeFindings(unacknowledgedErrors(findings))).toEqual([]);
  });

  test('acknowledges exactly these findings, each with a documented reason', () => {
    expect(countByGate(findings)).toEqual({
      [GATES.controlTower]: { errors: 0, warnings: 0, acknowledged: 2 },
      [GATES.awsSolutions]: { errors: 0, warnings: 0, acknowledged: 2 },
      [GATES.nist80053r5]: { errors: 0, warnings: 0, acknowledged: 3 },
      [GATES.hipaaSecurity]: { errors: 0, warnings: 0, acknowledged: 3 },
      [GATES.pciDss321]: { errors: 0, warnings: 0, acknowledged: 3 },
      [GATES.cloudFormationValidate]: { errors: 0, warnings: 0, acknowledged: 0 },
    });
    expect(findings.filter(f => !KNOWN_REASONS.includes(f.reason ?? ''))).toEqual([]);
  });
});

describe('an OrganizationTrail with every feature', () => {
  test('has no unacknowledged error in any gate', () => {
    const findings = runPolicyGates(app => {
      const stack = new Stack(app, 'Stack', { env: ENV });
      const topic = new sns.Topic(stack, 'Notifications', { enforceSSL: true });
      const trail = new OrganizationTrail(stack, 'Trail', {
        orgId: 'o-a1b2c3d4e5',
        trailName: 'org-trail',
        s3KeyPrefix: 'audit',
        dataEvents: new DataEventSelectors().addS3Objects().addLambdaFunctions(),
        insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      });
      trail.addSecurityAlarms('SecurityAlarms', { topic });
    });
    const ours = unacknowledgedErrors(findings).filter(f => f.path.startsWith('Stack/Trail/'));
    expect(describeFindings(ours)).toEqual([]);
    // The topic is the app's own: an SNS topic without a KMS key fails AwsSolutions-SNS2 and the packs' SNSEncryptedKMS.
    expect([...new Set(unacknowledgedErrors(findings).map(f => f.path))]).toEqual(['Stack/Notifications/Resource']);
  });
});

describe('the example app', () => {
  test('has no unacknowledged error in any gate', () => {
    const findings = runPolicyGates((app: App) => buildOrganizationAuditApp(app));
    expect(describeFindings(unacknowledgedErrors(findings))).toEqual([]);
  });
});
