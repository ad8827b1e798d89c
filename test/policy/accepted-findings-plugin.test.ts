import * as path from 'path';
import { App, Validations, IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AcceptedFindingsPlugin } from '../../src';
import { acknowledgeGateFindings } from '../../src/policy/gate-acknowledgements';

/** A plugin that reports what it is told to, as cfn-guard does: no severity, resources by template and logical id. */
class FakeGate implements IPolicyValidationPlugin {
  public readonly name = 'cdk-validator-cfnguard';
  public readonly version = '1.0.0';
  constructor(private readonly report: PolicyValidationPluginReport) {}
  public validate(): PolicyValidationPluginReport {
    return this.report;
  }
}

function appWithBuckets(): { app: App; stack: Stack; library: s3.CfnBucket; user: s3.CfnBucket } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const library = new s3.CfnBucket(stack, 'LibraryBucket');
  const user = new s3.CfnBucket(stack, 'UserBucket');
  acknowledgeGateFindings(library, { ids: ['cdk-validator-cfnguard::s3_bucket_logging_enabled_check'], reason: 'it receives access logs' });
  return { app, stack, library, user };
}

function byLogicalId(stack: Stack, resource: s3.CfnBucket) {
  return { templatePath: path.join('/tmp/cdk.out', stack.templateFile), resourceLogicalId: stack.resolve(resource.logicalId), locations: [] };
}

function context(app: App | undefined): IPolicyValidationContext {
  return { templatePaths: [], appConstruct: app } as unknown as IPolicyValidationContext;
}

function violation(ruleName: string, resources: PolicyViolation['violatingResources']): PolicyViolation {
  return { ruleName, description: `${ruleName} failed`, violatingResources: resources };
}

describe('AcceptedFindingsPlugin', () => {
  test('accepts a finding the library recorded for its resource, and keeps the same rule failing on the user\'s', () => {
    const { app, stack, library, user } = appWithBuckets();
    const gate = new AcceptedFindingsPlugin(new FakeGate({
      success: false,
      violations: [violation('s3_bucket_logging_enabled_check', [byLogicalId(stack, library), byLogicalId(stack, user)])],
    }));
    const report = gate.validate(context(app));
    expect(report.success).toBe(false);
    expect(report.violations).toEqual([
      violation('s3_bucket_logging_enabled_check', [byLogicalId(stack, user)]),
      {
        ruleName: 's3_bucket_logging_enabled_check',
        description: 'Accepted for a resource of cdk-cloudtrail-org: it receives access logs. s3_bucket_logging_enabled_check failed',
        severity: 'info',
        ruleMetadata: { 'cdk-cloudtrail-org:accepted': 'it receives access logs' },
        violatingResources: [byLogicalId(stack, library)],
      },
    ]);
  });

  test('passes when only accepted findings are left', () => {
    const { app, stack, library } = appWithBuckets();
    const report = new AcceptedFindingsPlugin(new FakeGate({
      success: false,
      violations: [violation('s3_bucket_logging_enabled_check', [byLogicalId(stack, library)])],
    })).validate(context(app));
    expect(report.success).toBe(true);
    expect(report.violations.map(v => v.severity)).toEqual(['info']);
  });

  test('accepts only the rule recorded: another rule on the library\'s resource still fails', () => {
    const { app, stack, library } = appWithBuckets();
    const report = new AcceptedFindingsPlugin(new FakeGate({
      success: false,
      violations: [violation('s3_bucket_versioning_enabled_check', [byLogicalId(stack, library)])],
    })).validate(context(app));
    expect(report.success).toBe(false);
    expect(report.violations).toEqual([violation('s3_bucket_versioning_enabled_check', [byLogicalId(stack, library)])]);
  });

  test('accepts nothing for a plugin of another name', () => {
    const { app, stack, library } = appWithBuckets();
    const other = new FakeGate({ success: false, violations: [violation('s3_bucket_logging_enabled_check', [byLogicalId(stack, library)])] });
    Object.defineProperty(other, 'name', { value: 'my-guard-rules' });
    const report = new AcceptedFindingsPlugin(other).validate(context(app));
    expect(report.success).toBe(false);
    expect(report.violations[0].severity).toBeUndefined();
  });

  test('finds resources by construct path too, and below the construct the finding was recorded on', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const bucket = new s3.Bucket(stack, 'AccessLogs');
    acknowledgeGateFindings(bucket, { ids: ['cdk-validator-cfnguard::s3_bucket_logging_enabled_check'], reason: 'it receives access logs' });
    const report = new AcceptedFindingsPlugin(new FakeGate({
      success: false,
      violations: [violation('s3_bucket_logging_enabled_check', [{ constructPath: 'Stack/AccessLogs/Resource', locations: [] }])],
    })).validate(context(app));
    expect(report.success).toBe(true);
  });

  test('leaves the report as it is without a construct tree (older aws-cdk-lib), and passes the plugin\'s identity through', () => {
    const { stack, library } = appWithBuckets();
    const original: PolicyValidationPluginReport = { success: false, violations: [violation('s3_bucket_logging_enabled_check', [byLogicalId(stack, library)])] };
    const gate = new AcceptedFindingsPlugin(new FakeGate(original));
    expect(gate.validate(context(undefined))).toBe(original);
    expect([gate.name, gate.version]).toEqual(['cdk-validator-cfnguard', '1.0.0']);
  });

  test('keeps a plugin failure (no violations, an error in the metadata) a failure', () => {
    const { app } = appWithBuckets();
    const failure: PolicyValidationPluginReport = { success: false, violations: [], metadata: { error: 'cfn-guard did not run' } };
    expect(new AcceptedFindingsPlugin(new FakeGate(failure)).validate(context(app))).toEqual(failure);
  });

  test('the library records cdk-nag findings as acknowledgements and Control Tower findings as accepted, never acknowledged', () => {
    const app = new App();
    const bucket = new s3.CfnBucket(new Stack(app, 'Stack'), 'Bucket');
    acknowledgeGateFindings(bucket, {
      ids: ['AwsSolutions::AwsSolutions-IAM5[Resource::*]', 'cdk-validator-cfnguard::lambda_inside_vpc_check'],
      reason: 'by design',
    });
    const metadata = bucket.node.metadata.filter(m => /acknowledged|accepted/.test(m.type)).map(m => ({ type: m.type, data: m.data }));
    expect(metadata).toEqual([
      { type: 'aws:cdk:acknowledged-rules', data: { 'Annotation::AwsSolutions-IAM5[Resource::*]': 'by design' } },
      { type: 'cdk-cloudtrail-org:accepted-findings', data: { 'cdk-validator-cfnguard::lambda_inside_vpc_check': 'by design' } },
    ]);
  });

  test('on aws-cdk-lib before 2.269, which rejects ids with \'::\' inside brackets, the finding is left unacknowledged; other errors surface', () => {
    const bucket = new s3.CfnBucket(new Stack(new App(), 'Stack'), 'Bucket');
    const acknowledge = jest.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => {
      throw new Error('«InvalidValidationId» Invalid validation rule ID \'AwsSolutions-IAM5[Resource::*]\'.');
    });
    try {
      expect(() => acknowledgeGateFindings(bucket, { ids: ['AwsSolutions::AwsSolutions-IAM5[Resource::*]'], reason: 'by design' })).not.toThrow();
      acknowledge.mockImplementation(() => {
        throw new Error('something else');
      });
      expect(() => acknowledgeGateFindings(bucket, { ids: ['AwsSolutions::AwsSolutions-S1'], reason: 'by design' })).toThrow('something else');
    } finally {
      acknowledge.mockRestore();
    }
  });
});
