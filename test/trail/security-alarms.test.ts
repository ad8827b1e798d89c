import { Errors, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlarmCheck, SecurityAlarms, SecurityAlarmsProps } from '../../src/trail/security-alarms';
import { errorOf, testStack } from '../util';

interface Fixture {
  readonly stack: Stack;
  readonly logGroup: logs.LogGroup;
  readonly topic: sns.Topic;
}

function fixture(): Fixture {
  const stack = testStack();
  return { stack, logGroup: new logs.LogGroup(stack, 'TrailLogs'), topic: new sns.Topic(stack, 'SecurityTopic') };
}

function alarms(f: Fixture, props: Partial<SecurityAlarmsProps> = {}): SecurityAlarms {
  return new SecurityAlarms(f.stack, 'Alarms', { logGroup: f.logGroup, topic: f.topic, ...props });
}

function refOf(stack: Stack, resource: logs.LogGroup | sns.Topic): { Ref: string } {
  return { Ref: stack.getLogicalId(resource.node.defaultChild as logs.CfnLogGroup | sns.CfnTopic) };
}

describe('SecurityAlarmCheck', () => {
  test('all() lists the fifteen checks once each, in CIS order', () => {
    expect(SecurityAlarmCheck.all().map(c => c.id)).toEqual([
      'UnauthorizedApiCalls',
      'ConsoleSignInWithoutMfa',
      'RootAccountUsage',
      'IamPolicyChanges',
      'CloudTrailConfigurationChanges',
      'ConsoleAuthenticationFailures',
      'CmkDisablingOrDeletion',
      'S3BucketPolicyChanges',
      'ConfigConfigurationChanges',
      'SecurityGroupChanges',
      'NaclChanges',
      'NetworkGatewayChanges',
      'RouteTableChanges',
      'VpcChanges',
      'OrganizationsChanges',
    ]);
  });

  test('all() returns a copy that callers cannot use to change the catalogue', () => {
    SecurityAlarmCheck.all().pop();
    expect(SecurityAlarmCheck.all()).toHaveLength(15);
  });

  // Independent copies of the documented text, so an edit to a pattern in the source fails here
  test.each([
    ['UnauthorizedApiCalls', SecurityAlarmCheck.UNAUTHORIZED_API_CALLS, '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}'],
    ['RootAccountUsage', SecurityAlarmCheck.ROOT_ACCOUNT_USAGE,
      '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}'],
    ['ConsoleAuthenticationFailures', SecurityAlarmCheck.CONSOLE_AUTHENTICATION_FAILURES,
      '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}'],
    ['CmkDisablingOrDeletion', SecurityAlarmCheck.CMK_DISABLING_OR_DELETION,
      '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}'],
  ])('%s has the documented filter pattern', (id, check, pattern) => {
    expect(check.id).toBe(id);
    expect(check.filterPattern).toBe(pattern);
  });

  test('the Organizations pattern names organizations.amazonaws.com and the eighteen CIS 4.15 event names', () => {
    const pattern = SecurityAlarmCheck.ORGANIZATIONS_CHANGES.filterPattern;
    expect(pattern.startsWith('{ ($.eventSource = organizations.amazonaws.com) && ((')).toBe(true);
    expect([...pattern.matchAll(/\$\.eventName = "(\w+)"/g)].map(m => m[1])).toEqual([
      'AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake',
      'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType',
      'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy',
      'UpdateOrganizationalUnit',
    ]);
  });

  // The event names each control of the CIS AWS Foundations Benchmark v1.4.0 (4.4 to 4.14; Security Hub CloudWatch.4 to
  // CloudWatch.14, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html) monitors, typed
  // from the benchmark's text rather than read from the patterns: a name dropped, added or misspelt in a pattern fails.
  // The lists of 4.4 (IAM policies), 4.10 (security groups) and 4.11 (network ACLs) were checked against the benchmark
  // text quoted by Tenable (AC_AWS_0561) and the AWS Secure Environment Accelerator's sample configuration.
  test.each([
    [SecurityAlarmCheck.IAM_POLICY_CHANGES, 'CloudWatch.4', undefined, ['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy',
      'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy',
      'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy']],
    [SecurityAlarmCheck.CLOUDTRAIL_CONFIGURATION_CHANGES, 'CloudWatch.5', undefined, ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging']],
    [SecurityAlarmCheck.CMK_DISABLING_OR_DELETION, 'CloudWatch.7', 'kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion']],
    [SecurityAlarmCheck.S3_BUCKET_POLICY_CHANGES, 'CloudWatch.8', 's3.amazonaws.com', ['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle',
      'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication']],
    [SecurityAlarmCheck.CONFIG_CONFIGURATION_CHANGES, 'CloudWatch.9', 'config.amazonaws.com', ['StopConfigurationRecorder', 'DeleteDeliveryChannel',
      'PutDeliveryChannel', 'PutConfigurationRecorder']],
    [SecurityAlarmCheck.SECURITY_GROUP_CHANGES, 'CloudWatch.10', undefined, ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup']],
    [SecurityAlarmCheck.NACL_CHANGES, 'CloudWatch.11', undefined, ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation']],
    [SecurityAlarmCheck.NETWORK_GATEWAY_CHANGES, 'CloudWatch.12', undefined, ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway',
      'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway']],
    [SecurityAlarmCheck.ROUTE_TABLE_CHANGES, 'CloudWatch.13', undefined, ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation',
      'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable']],
    [SecurityAlarmCheck.VPC_CHANGES, 'CloudWatch.14', undefined, ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc',
      'DisableVpcClassicLink', 'EnableVpcClassicLink']],
  ] as Array<[SecurityAlarmCheck, string, string | undefined, string[]]>)('%s (Security Hub %s) watches the event names the benchmark lists, and no other',
    (check, control, eventSource, eventNames) => {
      expect(check.description).toContain(`Security Hub ${control})`);
      expect([...check.filterPattern.matchAll(/\$\.eventName\s*=\s*"?(\w+)"?/g)].map(m => m[1]).sort()).toEqual([...eventNames].sort());
      expect([...check.filterPattern.matchAll(/\$\.eventSource\s*=\s*([\w.]+)/g)].map(m => m[1])).toEqual(eventSource ? [eventSource] : []);
    });

  test.each(SecurityAlarmCheck.all().map(c => [c.id, c] as const))('%s: pattern is one balanced JSON filter, description names its control', (_id, check) => {
    let depth = 0;
    for (const ch of check.filterPattern) {
      depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(check.filterPattern).toMatch(/^\{.*\}$/);
    expect(check.filterPattern.slice(1, -1)).not.toMatch(/[{}]/);
    expect(check.description).toMatch(/\(CIS [^)]+\)$/);
  });
});

describe('SecurityAlarms', () => {
  test('creates a metric filter and an alarm for every check by default', () => {
    const f = fixture();
    const construct = alarms(f);
    const template = Template.fromStack(f.stack);
    template.resourceCountIs('AWS::Logs::MetricFilter', 15);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 15);
    expect(construct.metricFilters).toHaveLength(15);
    expect(construct.alarms).toHaveLength(15);
  });

  describe('every check', () => {
    const f = fixture();
    alarms(f);
    const template = Template.fromStack(f.stack);
    const checks = SecurityAlarmCheck.all().map(c => [c.id, c] as const);

    test.each(checks)('%s: the metric filter counts events of the log group that match the check\'s own pattern', (_id, check) => {
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: refOf(f.stack, f.logGroup),
        FilterPattern: check.filterPattern,
        MetricTransformations: [{ MetricNamespace: 'CloudTrailMetrics', MetricName: check.id, MetricValue: '1' }],
      });
    });

    test.each(checks)('%s: the alarm fires on the first event in 5 minutes and notifies the topic', (_id, check) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'CloudTrailMetrics',
        MetricName: check.id,
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmDescription: check.description,
        AlarmActions: [refOf(f.stack, f.topic)],
      });
    });
  });

  test('a subset of checks creates only those, in the given order, with stable construct ids', () => {
    const f = fixture();
    const construct = alarms(f, { checks: [SecurityAlarmCheck.VPC_CHANGES, SecurityAlarmCheck.ROOT_ACCOUNT_USAGE] });
    const template = Template.fromStack(f.stack);
    template.resourceCountIs('AWS::Logs::MetricFilter', 2);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    expect(construct.metricFilters.map(m => m.node.id)).toEqual(['VpcChangesFilter', 'RootAccountUsageFilter']);
    expect(construct.alarms.map(a => a.node.id)).toEqual(['VpcChangesAlarm', 'RootAccountUsageAlarm']);
    template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: SecurityAlarmCheck.VPC_CHANGES.filterPattern });
    template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: SecurityAlarmCheck.ROOT_ACCOUNT_USAGE.filterPattern });
  });

  test('metricNamespace puts every metric and alarm in that namespace', () => {
    const f = fixture();
    alarms(f, { metricNamespace: 'Security/CIS' });
    const template = Template.fromStack(f.stack);
    expect(Object.keys(template.findResources('AWS::Logs::MetricFilter', {
      Properties: { MetricTransformations: [Match.objectLike({ MetricNamespace: 'Security/CIS' })] },
    }))).toHaveLength(15);
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'Security/CIS' } }))).toHaveLength(15);
  });

  test('a namespace token is not checked', () => {
    const f = fixture();
    expect(() => alarms(f, { metricNamespace: Lazy.string({ produce: () => 'AWS/Foo' }) })).not.toThrow();
  });

  describe('invalid input', () => {
    function messageOf(props: Partial<SecurityAlarmsProps>): string {
      const error = errorOf(() => alarms(fixture(), props));
      expect(Errors.isValidationError(error)).toBe(true);
      return error.message;
    }

    test('an empty checks list', () => {
      expect(messageOf({ checks: [] })).toBe('[Stack/Alarms] [SecurityAlarmChecksEmpty] checks []: an empty list creates no metric filter or alarm. '
        + 'Fix: name at least one check, or leave checks out to get SecurityAlarmCheck.all()');
    });

    test('a check listed twice', () => {
      const checks = [SecurityAlarmCheck.ROOT_ACCOUNT_USAGE, SecurityAlarmCheck.VPC_CHANGES, SecurityAlarmCheck.ROOT_ACCOUNT_USAGE];
      expect(messageOf({ checks })).toBe('[Stack/Alarms] [SecurityAlarmChecksUnique] checks[2] "RootAccountUsage": repeats checks[0]; each check has one metric filter and one alarm. '
        + 'Fix: list each check once');
    });

    test("a namespace starting with 'AWS/'", () => {
      expect(messageOf({ metricNamespace: 'AWS/Foo' })).toBe("[Stack/Alarms] [MetricNamespaceNotReserved] metricNamespace \"AWS/Foo\": must not start with 'AWS/', which is reserved "
        + 'for AWS services (CloudWatch API PutMetricData Namespace). Fix: use a namespace of your own, e.g. "CloudTrailMetrics"');
    });

    test('a namespace longer than 255 characters', () => {
      expect(messageOf({ metricNamespace: 'n'.repeat(256) })).toBe(`[Stack/Alarms] [MetricNamespaceLength] metricNamespace "${'n'.repeat(58)}… (length 256): `
        + 'must be 1 to 255 characters long, got 256 (CloudWatch API Metric Namespace). Fix: shorten it to at most 255 characters');
    });

    test('a namespace of 255 characters is accepted', () => {
      expect(() => alarms(fixture(), { metricNamespace: 'n'.repeat(255) })).not.toThrow();
    });

    test('an empty namespace', () => {
      expect(messageOf({ metricNamespace: '' })).toBe('[Stack/Alarms] [MetricNamespaceLength] metricNamespace "": must be 1 to 255 characters long, got 0 '
        + '(CloudWatch API Metric Namespace). Fix: use at least 1 character');
    });

    test("a namespace with ':', '*' or '$'", () => {
      expect(messageOf({ metricNamespace: 'a:b*c:$' })).toBe("[Stack/Alarms] [MetricNamespaceCharacters] metricNamespace \"a:b*c:$\": contains ':', '*' and '$'; ':', '*' and '$' "
        + 'are not allowed (CloudWatch Logs API MetricTransformation metricNamespace, pattern [^:*$]*). Fix: remove those characters');
    });

    test('every problem is reported at once', () => {
      expect(messageOf({ checks: [], metricNamespace: 'AWS/*' }).split('\n')).toEqual([
        '3 problems:',
        '  [Stack/Alarms] [SecurityAlarmChecksEmpty] checks []: an empty list creates no metric filter or alarm. Fix: name at least one check, or leave checks out to get SecurityAlarmCheck.all()',
        "  [Stack/Alarms] [MetricNamespaceCharacters] metricNamespace \"AWS/*\": contains '*'; ':', '*' and '$' are not allowed (CloudWatch Logs API MetricTransformation metricNamespace, pattern [^:*$]*). Fix: remove those characters",
        "  [Stack/Alarms] [MetricNamespaceNotReserved] metricNamespace \"AWS/*\": must not start with 'AWS/', which is reserved for AWS services (CloudWatch API PutMetricData Namespace). Fix: use a namespace of your own, e.g. \"CloudTrailMetrics\"",
      ]);
    });
  });
});
