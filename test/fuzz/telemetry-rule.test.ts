import { Stack } from 'aws-cdk-lib';
import { ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as fc from 'fast-check';
import {
  adversarialString, anyDataEventSelectors, constantly, excludedSources, key, lift, make, merged, nearValid, propsOf, tokenString, uniqueId,
  validDataEventSelectors, validRecord,
} from './arbitraries';
import { expectAccepted, expectNoProblems, propertiesOf, selectorsOf, stackEnv, Subject, Tally, trial } from './harness';
import { CloudTrailTelemetryRule, CloudTrailTelemetryRuleProps } from '../../src';
import { telemetryKeyArnProblems, telemetryRegionsProblems, telemetryRetentionProblems, telemetryRuleNameProblems } from '../../src/core/telemetry-rules';
import { advancedSelectorProblems } from '../../src/selectors/selector-validation';

const TYPES = ['AWS::ObservabilityAdmin::TelemetryRule', 'AWS::ObservabilityAdmin::OrganizationTelemetryRule'];
const ruleName = fc.stringMatching(/^[0-9A-Za-z-]{1,100}$/);
const region = fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2');
const READ_WRITE = fc.constantFrom(ReadWriteType.ALL, ReadWriteType.READ_ONLY, ReadWriteType.WRITE_ONLY);

// Telemetry rules take a trail's selectors without network activity events: the valid builder calls but addNetworkActivity
const telemetryDataEvents = validDataEventSelectors.filter(made => !String(made).includes('addNetworkActivity'));

const validProps = merged(
  validRecord({
    ruleName: fc.oneof({ weight: 5, arbitrary: lift(ruleName) }, { weight: 1, arbitrary: tokenString(ruleName) }),
    organizationEnabled: lift(fc.boolean()),
    regions: lift(fc.uniqueArray(region, { minLength: 1, maxLength: 4 })),
    // a numeric enum's values hold its names too
    retention: lift(fc.constantFrom(...Object.values(logs.RetentionDays)
      .filter((days): days is logs.RetentionDays => typeof days === 'number' && days !== logs.RetentionDays.INFINITE))),
    encryptionKey: key,
    destinationPattern: lift(fc.string({ minLength: 1, maxLength: 60 })),
  }),
  fc.oneof(
    validRecord({ managementEvents: lift(READ_WRITE), excludeManagementEventSources: excludedSources, dataEvents: telemetryDataEvents }),
    validRecord({ managementEvents: constantly(ReadWriteType.NONE), dataEvents: telemetryDataEvents }, ['managementEvents', 'dataEvents']),
  ),
);

const props = propsOf(validProps, {
  ruleName: lift(fc.oneof(nearValid(fc.constant('cloudtrail-events')), adversarialString, fc.constant(''), fc.constant('r'.repeat(101)))),
  regions: lift(fc.oneof(fc.constant<string[]>([]), fc.constant(['us-east-1', '']))),
  retention: lift(fc.constantFrom(logs.RetentionDays.INFINITE, 0 as logs.RetentionDays, 3654 as logs.RetentionDays, 1.5 as logs.RetentionDays)),
  encryptionKey: fc.oneof(nearValid(fc.constant('alias/logs')), adversarialString).map(name => make(`kms.Key.fromKeyArn(alias/${name})`,
    (stack: Stack) => kms.Key.fromKeyArn(stack, uniqueId(stack, 'Key'), `arn:aws:kms:us-east-1:111111111111:alias/${name}`))),
  managementEvents: constantly(ReadWriteType.NONE),
  dataEvents: anyDataEventSelectors,
}, { optional: ['ruleName', 'regions', 'retention', 'encryptionKey', 'managementEvents', 'dataEvents'] });

const SUBJECT: Subject = {
  path: 'Stack/Rule',
  properties: ['ruleName', 'regions', 'retention', 'encryptionKey', 'managementEvents', 'excludeManagementEventSources', 'dataEvents', 'tags'],
  owner: ['CloudTrailTelemetryRule', 'DataEventSelectors'],
};

let rule: CloudTrailTelemetryRule | undefined;

function build(stack: Stack, made: Record<string, unknown>): void {
  rule = new CloudTrailTelemetryRule(stack, 'Rule', made as unknown as CloudTrailTelemetryRuleProps);
}

/** Every rule, read back from what the template holds. */
function templateProblems(outcome: ReturnType<typeof expectAccepted>, organizationEnabled: boolean): void {
  const rules = TYPES.flatMap(type => propertiesOf(outcome.template, type).map(properties => ({ type, properties })));
  expect(rules.map(r => r.type)).toEqual([TYPES[organizationEnabled ? 1 : 0]]);
  const { properties } = rules[0];
  const destination = properties.Rule.DestinationConfiguration;
  expect(properties.Rule.ResourceType).toBe('AWS::CloudTrail');
  expect(destination.DestinationType).toBe('cloud-watch-logs');
  expect(properties.Rule.AllRegions === true).toBe(properties.Rule.Regions === undefined);
  const selectors = selectorsOf(destination.CloudtrailParameters.AdvancedEventSelectors);
  expect(selectors.length).toBeGreaterThan(0);
  expectNoProblems(rules[0].type, [
    ...telemetryRuleNameProblems('RuleName', properties.RuleName),
    ...telemetryRegionsProblems('Regions', properties.Rule.Regions),
    ...telemetryRetentionProblems('RetentionInDays', destination.RetentionInDays),
    ...telemetryKeyArnProblems('KmsKeyArn', destination.KmsKeyArn),
    ...advancedSelectorProblems(selectors.map((selector, i) => ({ selector, property: `AdvancedEventSelectors[${i}]` })), { target: 'telemetryRule', declaredTypes: [] }),
  ]);
}

describe('CloudTrailTelemetryRule under fuzzing', () => {
  test('rejects only with ValidationErrors in the library format; every accepted rule keeps every rule', () => {
    const tally = new Tally();
    fc.assert(fc.property(stackEnv, props, (env, made) => {
      rule = undefined;
      const outcome = tally.count(trial(env, made, build, SUBJECT));
      if (outcome.accepted) {
        templateProblems(outcome, rule!.node.defaultChild!.constructor.name === 'CfnOrganizationTelemetryRule');
      }
    }), { seed: 1717, numRuns: 80 });
    expect(tally.accepted).toBeGreaterThanOrEqual(20);
    expect(tally.rejected).toBeGreaterThanOrEqual(20);
  });

  test('accepts every valid props object', () => {
    fc.assert(fc.property(stackEnv, validProps, (env, valid) => {
      const made = make(String(Object.keys(valid)), stack => Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, v(stack)])));
      const outcome = expectAccepted(trial(env, made, build, SUBJECT));
      templateProblems(outcome, rule!.node.defaultChild!.constructor.name === 'CfnOrganizationTelemetryRule');
    }), { seed: 1727, numRuns: 25 });
  });
});
