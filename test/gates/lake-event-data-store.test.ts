import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import { countByGate, GATES, GateFinding, ruleIds, runPolicyGates, unacknowledgedErrors } from './policy-gates';
import { ContextKeyType, EventDataStoreKind, LakeEventDataStore } from '../../src';

// A cold first synthesis (CloudFormation Validate's engine, cdk-nag) takes several seconds.
jest.setTimeout(60_000);

const ENV = { account: '111111111111', region: 'us-east-1' };

/** Every gate with no finding at all. */
const CLEAN = {
  [GATES.controlTower]: { errors: 0, warnings: 0, acknowledged: 0 },
  [GATES.awsSolutions]: { errors: 0, warnings: 0, acknowledged: 0 },
  [GATES.nist80053r5]: { errors: 0, warnings: 0, acknowledged: 0 },
  [GATES.hipaaSecurity]: { errors: 0, warnings: 0, acknowledged: 0 },
  [GATES.pciDss321]: { errors: 0, warnings: 0, acknowledged: 0 },
  [GATES.cloudFormationValidate]: { errors: 0, warnings: 0, acknowledged: 0 },
};

function storeStack(app: App): Stack {
  return new Stack(app, 'Stack', { env: ENV });
}

function describeFindings(findings: GateFinding[]): string[] {
  return findings.map(f => `${f.gate} ${f.ruleId} ${f.control ?? ''} ${f.path}`);
}

function paths(findings: GateFinding[]): string[] {
  return [...new Set(findings.map(f => f.path))].sort();
}

function resourceTypes(stack: Stack): string[] {
  return [...new Set(stack.node.findAll().filter(CfnResource.isCfnResource).map(r => r.cfnResourceType))].sort();
}

describe('the default LakeEventDataStore', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      const stack = storeStack(app);
      new LakeEventDataStore(stack, 'Store');
      expect(resourceTypes(stack)).toEqual(['AWS::CloudTrail::EventDataStore', 'AWS::KMS::Key']);
    });
  });

  test('has no unacknowledged error in any gate', () => {
    expect(describeFindings(unacknowledgedErrors(findings))).toEqual([]);
  });

  test('has no finding at all, and acknowledges none', () => {
    expect(countByGate(findings)).toEqual(CLEAN);
    expect(findings).toEqual([]);
  });

  test('handing cfn-guard all Control Tower rules finds the same', () => {
    expect(runPolicyGates(app => {
      new LakeEventDataStore(storeStack(app), 'Store');
    }, { allControlTowerRules: true })).toEqual(findings);
  });
});

describe('a LakeEventDataStore with every feature', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      const stack = storeStack(app);
      const insights = new LakeEventDataStore(stack, 'Insights', { kind: EventDataStoreKind.INSIGHTS });
      const store = new LakeEventDataStore(stack, 'Store', {
        organizationEnabled: true,
        federationEnabled: true,
        insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
        insightsDestination: insights,
        contextKeySelectors: [{ type: ContextKeyType.TAG_CONTEXT, keys: ['team'] }],
      });
      store.grantQuery(new iam.Role(stack, 'Auditors', { assumedBy: new iam.AccountPrincipal(ENV.account) }));
      store.grantQuery(new iam.AccountPrincipal('222222222222'));
      expect(resourceTypes(stack)).toEqual([
        'AWS::CloudTrail::EventDataStore',
        'AWS::CloudTrail::ResourcePolicy',
        'AWS::IAM::ManagedPolicy',
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::KMS::Key',
      ]);
    });
  });

  test('has no unacknowledged error in any gate on the library\'s resources', () => {
    const ours = findings.filter(f => !f.path.startsWith('Stack/Auditors/'));
    expect(describeFindings(unacknowledgedErrors(ours))).toEqual([]);
    expect(countByGate(ours)).toEqual(CLEAN);
  });

  test('fails only on the test\'s own grantee role', () => {
    // The role is the app's own: grantQuery adds to its inline default policy, which the packs' IAMNoInlinePolicy fails.
    expect(paths(unacknowledgedErrors(findings))).toEqual(['Stack/Auditors/DefaultPolicy/Resource']);
    expect(countByGate(findings)).toEqual({
      ...CLEAN,
      [GATES.nist80053r5]: { errors: 1, warnings: 0, acknowledged: 0 },
      [GATES.hipaaSecurity]: { errors: 1, warnings: 0, acknowledged: 0 },
      [GATES.pciDss321]: { errors: 1, warnings: 0, acknowledged: 0 },
    });
    for (const pack of [GATES.nist80053r5, GATES.hipaaSecurity, GATES.pciDss321]) {
      expect(ruleIds(findings, pack)).toEqual([`${pack}-IAMNoInlinePolicy`]);
    }
  });
});

describe('aws-cdk-lib CfnEventDataStore with no properties, as written by hand', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      new cloudtrail.CfnEventDataStore(storeStack(app), 'Store', {});
    });
  });

  test('counts per gate', () => {
    expect(findings.every(f => !f.acknowledged)).toBe(true);
    expect(countByGate(findings)).toEqual({
      ...CLEAN,
      [GATES.controlTower]: { errors: 1, warnings: 0, acknowledged: 0 },
    });
    expect(unacknowledgedErrors(findings)).toHaveLength(1);
    expect(paths(findings)).toEqual(['Stack/Store']);
  });

  test('failing rules: no KMS key at rest', () => {
    const failing = unacknowledgedErrors(findings);
    expect(ruleIds(failing, GATES.controlTower, { controls: true })).toEqual(['CT.CLOUDTRAIL.PR.4']);
    expect(ruleIds(failing, GATES.controlTower)).toEqual(['cloud_trail_event_datastore_encrypted_at_rest_kms_check']);
    for (const gate of [GATES.awsSolutions, GATES.nist80053r5, GATES.hipaaSecurity, GATES.pciDss321, GATES.cloudFormationValidate]) {
      expect(ruleIds(failing, gate)).toEqual([]);
    }
  });

  test('handing cfn-guard all Control Tower rules finds the same', () => {
    expect(runPolicyGates(app => {
      new cloudtrail.CfnEventDataStore(storeStack(app), 'Store', {});
    }, { allControlTowerRules: true })).toEqual(findings);
  });
});
