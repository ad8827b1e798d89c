import { App, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CloudTrailTelemetryRule, CloudTrailTelemetryRuleProps, DataEventSelectors, NetworkActivityEventSource } from '../../src';
import { errorOf, testStack, validatingApp } from '../util';

const ENV = { account: '111111111111', region: 'us-east-1' };
const KEY_ARN = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MANAGEMENT_SELECTOR = { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };

function rule(props: CloudTrailTelemetryRuleProps = {}) {
  const stack = testStack();
  const construct = new CloudTrailTelemetryRule(stack, 'Rule', props);
  return { stack, construct };
}

describe('CloudTrailTelemetryRule', () => {
  test('by default, this account\'s management events go to CloudWatch Logs in every Region for a year, under a generated name', () => {
    const stack = new Stack(validatingApp(), 'Stack', { env: ENV });
    const construct = new CloudTrailTelemetryRule(stack, 'Rule');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ObservabilityAdmin::OrganizationTelemetryRule', 0);
    template.templateMatches({
      Resources: {
        [stack.getLogicalId(construct.node.defaultChild as any)]: {
          Type: 'AWS::ObservabilityAdmin::TelemetryRule',
          Properties: {
            RuleName: construct.ruleName,
            Rule: {
              ResourceType: 'AWS::CloudTrail',
              TelemetryType: 'Logs',
              AllRegions: true,
              DestinationConfiguration: {
                DestinationType: 'cloud-watch-logs',
                RetentionInDays: 365,
                CloudtrailParameters: { AdvancedEventSelectors: [MANAGEMENT_SELECTOR] },
              },
            },
          },
        },
      },
    });
    expect(construct.ruleName).toMatch(/^Stack-Rule-[A-F0-9]{8}$/);
    expect(stack.resolve(construct.ruleArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as any), 'RuleArn'] });
    expect(() => (stack.node.root as any).synth()).not.toThrow();
  });

  test('the full organization form: data events, Regions, retention, key, destination pattern and tags', () => {
    const stack = new Stack(validatingApp(), 'Stack', { env: ENV });
    const construct = new CloudTrailTelemetryRule(stack, 'Rule', {
      ruleName: 'organization-cloudtrail-events',
      organizationEnabled: true,
      regions: ['us-east-1', 'eu-west-1'],
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
      dataEvents: new DataEventSelectors().addS3Objects({ readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY }),
      retention: logs.RetentionDays.TEN_YEARS,
      encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      destinationPattern: 'aws/cloudtrail/<accountId>',
    });
    Tags.of(construct).add('team', 'security');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ObservabilityAdmin::TelemetryRule', 0);
    template.hasResourceProperties('AWS::ObservabilityAdmin::OrganizationTelemetryRule', {
      RuleName: 'organization-cloudtrail-events',
      Rule: {
        ResourceType: 'AWS::CloudTrail',
        TelemetryType: 'Logs',
        AllRegions: Match.absent(),
        Regions: ['us-east-1', 'eu-west-1'],
        DestinationConfiguration: {
          DestinationType: 'cloud-watch-logs',
          RetentionInDays: 3653,
          KmsKeyArn: KEY_ARN,
          DestinationPattern: 'aws/cloudtrail/<accountId>',
          CloudtrailParameters: {
            AdvancedEventSelectors: [
              {
                Name: 'Management events',
                FieldSelectors: [
                  { Field: 'eventCategory', Equals: ['Management'] },
                  { Field: 'readOnly', Equals: ['false'] },
                  { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
                ],
              },
              {
                FieldSelectors: [
                  { Field: 'eventCategory', Equals: ['Data'] },
                  { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
                  { Field: 'readOnly', Equals: ['false'] },
                ],
              },
            ],
          },
        },
      },
      Tags: [{ Key: 'team', Value: 'security' }],
    });
    expect(construct.ruleName).toBe('organization-cloudtrail-events');
    expect(() => (stack.node.root as any).synth()).not.toThrow();
  });

  test('the template of the default and the organization form (snapshot)', () => {
    const stack = testStack();
    new CloudTrailTelemetryRule(stack, 'Account');
    new CloudTrailTelemetryRule(stack, 'Organization', { organizationEnabled: true, dataEvents: new DataEventSelectors().addLambdaFunctions() });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test('data events added to the selectors after the rule was created are rendered and checked at synth', () => {
    const dataEvents = new DataEventSelectors();
    const { stack } = rule({ dataEvents });
    dataEvents.addNetworkActivity({ eventSources: [NetworkActivityEventSource.S3] });
    expect(() => Template.fromStack(stack)).toThrow('[Stack/Rule] [EventCategoryValue] dataEvents.addNetworkActivity(#1 s3.amazonaws.com).eventCategory.equalTo "NetworkActivity": '
      + 'eventCategory NetworkActivity is not for CloudWatch telemetry rules, which take only \'Management\' or \'Data\' events '
      + '(CloudWatch User Guide, "Telemetry discovery and enablement"). Fix: log these events with an OrganizationTrail or a LakeEventDataStore');
  });

  test.each<[string, CloudTrailTelemetryRuleProps | ((stack: Stack) => CloudTrailTelemetryRuleProps), string]>([
    ['TelemetryRuleNameLength', { ruleName: '' }, 'ruleName "": must be 1 to 100 characters long, got 0 (AWS::ObservabilityAdmin::TelemetryRule RuleName). Fix: use at least 1 character'],
    ['TelemetryRuleNameLength', { ruleName: 'r'.repeat(101) }, 'got 101 (AWS::ObservabilityAdmin::TelemetryRule RuleName)'],
    ['TelemetryRuleNameCharacters', { ruleName: 'cloudtrail_events.v1' }, 'ruleName "cloudtrail_events.v1": contains \'_\' and \'.\'; only ASCII letters, digits and \'-\' are allowed '
      + '(AWS::ObservabilityAdmin::TelemetryRule RuleName, pattern ^[0-9A-Za-z-]+$). Fix: replace them with \'-\''],
    ['TelemetryRuleRegions', { regions: [] }, 'regions []: lists no Region; a rule is replicated to at least one (CloudWatch Observability Admin API TelemetryRule Regions, minimum 1 item). '
      + 'Fix: leave regions out to replicate the rule to every Region, or name the Regions'],
    ['TelemetryRuleRegions', { regions: ['us-east-1', ''] }, 'regions[1] "": is empty'],
    ['TelemetryRetention', { retention: logs.RetentionDays.INFINITE }, 'retention 9999: a telemetry rule keeps events 1 to 3653 whole days, so RetentionDays.INFINITE and other values are not accepted '
      + '(CloudWatch Observability Admin API TelemetryDestinationConfiguration RetentionInDays). Fix: use a logs.RetentionDays of at most TEN_YEARS'],
    ['TelemetryKmsKeyArn', stack => ({ encryptionKey: kms.Key.fromKeyArn(stack, 'Alias', 'arn:aws:kms:us-east-1:111111111111:alias/logs') }),
      'encryptionKey "arn:aws:kms:us-east-1:111111111111:alias/logs": must be the ARN of a KMS key'],
    ['ManagementEventsNoneNeedsData', { managementEvents: cloudtrail.ReadWriteType.NONE }, 'managementEvents "None": ReadWriteType.NONE leaves no selector, and a CloudWatch telemetry rule '
      + 'needs at least one (CloudtrailParameters AdvancedEventSelectors, required). Fix: add data events, or log management events'],
    ['EventCategoryValue', { dataEvents: DataEventSelectors.fromAdvancedEventSelectors([{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Insight'] }] }]) },
      'eventCategory Insight is not for CloudWatch telemetry rules, which take only \'Management\' or \'Data\' events'],
    ['SelectorFieldOperator', { dataEvents: DataEventSelectors.fromAdvancedEventSelectors([{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'eventSource', equalTo: ['iam.amazonaws.com'] }] }]) },
      'eventSource in Management selectors on a CloudWatch telemetry rule takes only NotEquals, not Equals'],
  ])('[%s] %#', (id, props, message) => {
    const build = () => {
      const stack = testStack();
      return new CloudTrailTelemetryRule(stack, 'Rule', typeof props === 'function' ? props(stack) : props);
    };
    expect(build).toThrow(new RegExp(`\\[${id}\\]`));
    expect(errorOf(build).message).toContain(message);
  });

  test('all problems are reported together, each with the construct path', () => {
    const message = errorOf(() => rule({ ruleName: 'a_b', regions: [], retention: logs.RetentionDays.INFINITE })).message;
    expect(message).toMatch(/^3 problems:/);
    expect(message).toContain('[Stack/Rule] [TelemetryRuleNameCharacters]');
    expect(message).toContain('[Stack/Rule] [TelemetryRuleRegions]');
    expect(message).toContain('[Stack/Rule] [TelemetryRetention]');
  });

  test('a key of this stack (a token) and every logs.RetentionDays up to ten years pass', () => {
    for (const retention of [logs.RetentionDays.ONE_DAY, logs.RetentionDays.TEN_YEARS]) {
      const stack = testStack();
      expect(() => new CloudTrailTelemetryRule(stack, 'Rule', { retention, encryptionKey: new kms.Key(stack, 'Key') })).not.toThrow();
    }
  });

  test('[TagCount] tags added with Tags.of are checked at synth: at most 50, and empty values allowed', () => {
    const tagged = (count: number) => {
      const { stack, construct } = rule();
      Tags.of(construct).add('empty', '');
      for (let i = 1; i < count; i++) {
        Tags.of(construct).add(`k${i}`, 'v');
      }
      return () => Template.fromStack(stack);
    };
    expect(tagged(50)).not.toThrow();
    expect(tagged(51)).toThrow(/\[TagCount\] tags \["empty","k1",.* \(length 51\): 51 tags, but a CloudWatch telemetry rule takes at most 50 \(CloudWatch Observability Admin API TagMapInput\)/);
  });

  describe('[TelemetryRuleDuplicate] rules of one scope are unique by their destination configuration', () => {
    function synthesized(build: (first: Stack, second: Stack) => void): () => void {
      const app = new App();
      const first = new Stack(app, 'First', { env: ENV });
      const second = new Stack(app, 'Second', { env: ENV });
      build(first, second);
      return () => app.synth();
    }

    test('the same events to the same destination twice in one account: the second rule is reported, wherever its stack', () => {
      const sameStack = synthesized(first => {
        new CloudTrailTelemetryRule(first, 'Rule');
        new CloudTrailTelemetryRule(first, 'Again', { ruleName: 'cloudtrail-events' });
      });
      expect(sameStack).toThrow('[First/Again] [TelemetryRuleDuplicate] dataEvents ["First/Rule","First/Again"]: sends the same CloudTrail events to the same '
        + 'destination as First/Rule; within account 111111111111 rules are unique by resource type, telemetry type and destination configuration, and a '
        + 'duplicate fails with a conflict (CloudWatch User Guide, "Telemetry enablement rules"). Fix: remove one of the rules, or give them different '
        + 'selectors or destinations');
      expect(sameStack).not.toThrow(/\[First\/Rule\] \[TelemetryRuleDuplicate\]/);
      const twoStacks = synthesized((first, second) => {
        new CloudTrailTelemetryRule(first, 'Rule', { organizationEnabled: true });
        new CloudTrailTelemetryRule(second, 'Rule', { organizationEnabled: true });
      });
      expect(twoStacks).toThrow(/\[Second\/Rule\] \[TelemetryRuleDuplicate\] .*within the organization rules are unique/);
    });

    test('other selectors, another retention, an organization rule beside an account rule, or another account: no conflict', () => {
      expect(synthesized(first => {
        new CloudTrailTelemetryRule(first, 'Rule');
        new CloudTrailTelemetryRule(first, 'Writes', { managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY });
        new CloudTrailTelemetryRule(first, 'Longer', { retention: logs.RetentionDays.TWO_YEARS });
        new CloudTrailTelemetryRule(first, 'Organization', { organizationEnabled: true });
      })).not.toThrow();
      const app = new App();
      new CloudTrailTelemetryRule(new Stack(app, 'Management', { env: ENV }), 'Rule');
      new CloudTrailTelemetryRule(new Stack(app, 'Member', { env: { account: '222222222222', region: 'us-east-1' } }), 'Rule');
      new CloudTrailTelemetryRule(new Stack(app, 'Agnostic'), 'Rule');
      expect(() => app.synth()).not.toThrow();
    });
  });
});
