import { Token } from 'aws-cdk-lib';
import { Problem } from '../../src/core/problems';
import {
  duplicateTelemetryRuleProblems, PlacedTelemetryRule, telemetryKeyArnProblems, telemetryRegionsProblems, telemetryRetentionProblems,
  telemetryRuleNameProblems,
} from '../../src/core/telemetry-rules';

const ids = (problems: Problem[]) => problems.map(problem => problem.id);

describe('telemetry rule name', () => {
  test.each(['a', 'cloudtrail-events', 'Rule-0123456789-ABCxyz', '-', 'r'.repeat(100)])('%s is accepted', name => {
    expect(telemetryRuleNameProblems('ruleName', name)).toEqual([]);
  });

  test('[TelemetryRuleNameCharacters] lists each other character once, in order', () => {
    expect(telemetryRuleNameProblems('ruleName', 'my_rule.v2/my_rule')).toEqual([{
      id: 'TelemetryRuleNameCharacters',
      property: 'ruleName',
      value: 'my_rule.v2/my_rule',
      rule: "contains '_', '.' and '/'; only ASCII letters, digits and '-' are allowed "
        + '(AWS::ObservabilityAdmin::TelemetryRule RuleName, pattern ^[0-9A-Za-z-]+$)',
      fix: "replace them with '-'",
    }]);
  });

  test.each([
    ['a space', 'my rule', ["' '"]],
    ['a non-ASCII letter', 'règle', ["'è'"]],
    ['a character outside the BMP', 'rule-\u{1F600}', ["'\u{1F600}'"]],
    ['# and _ (the API model allows them, CloudFormation does not)', 'a#b_c', ["'#'", "'_'"]],
  ])('[TelemetryRuleNameCharacters] %s', (_, name, shown) => {
    const problems = telemetryRuleNameProblems('ruleName', name);
    expect(ids(problems)).toEqual(['TelemetryRuleNameCharacters']);
    for (const character of shown) {
      expect(problems[0].rule).toContain(character);
    }
  });

  test('[TelemetryRuleNameLength] with its source, beside the character problem', () => {
    expect(telemetryRuleNameProblems('ruleName', '_'.repeat(101)).map(problem => [problem.id, problem.rule])).toEqual([
      ['TelemetryRuleNameLength', 'must be 1 to 100 characters long, got 101 (AWS::ObservabilityAdmin::TelemetryRule RuleName)'],
      ['TelemetryRuleNameCharacters', "contains '_'; only ASCII letters, digits and '-' are allowed "
        + '(AWS::ObservabilityAdmin::TelemetryRule RuleName, pattern ^[0-9A-Za-z-]+$)'],
    ]);
  });

  test('a token is not checked', () => {
    expect(telemetryRuleNameProblems('ruleName', Token.asString({ Ref: 'RuleName' }))).toEqual([]);
  });
});

describe('[TelemetryRuleRegions]', () => {
  test.each<[string, string[] | undefined]>([
    ['left out', undefined],
    ['one Region', ['us-east-1']],
    ['several Regions', ['us-east-1', 'eu-west-1']],
    ['a token list', Token.asList({ Ref: 'Regions' })],
  ])('%s: accepted', (_, regions) => {
    expect(telemetryRegionsProblems('regions', regions)).toEqual([]);
  });

  test('an empty list', () => {
    expect(telemetryRegionsProblems('regions', [])).toEqual([{
      id: 'TelemetryRuleRegions',
      property: 'regions',
      value: [],
      rule: 'lists no Region; a rule is replicated to at least one (CloudWatch Observability Admin API TelemetryRule Regions, minimum 1 item)',
      fix: 'leave regions out to replicate the rule to every Region, or name the Regions',
    }]);
  });

  test('each empty entry, by its index', () => {
    const problem = (i: number): Problem => ({
      id: 'TelemetryRuleRegions',
      property: `regions[${i}]`,
      value: '',
      rule: "is empty; a Region is named by its code, such as 'us-east-1' (CloudWatch Observability Admin API TelemetryRule Regions, Region minimum length 1)",
      fix: 'remove the empty entry',
    });
    expect(telemetryRegionsProblems('regions', ['us-east-1', '', 'eu-west-1', ''])).toEqual([problem(1), problem(3)]);
  });
});

describe('[TelemetryRetention]', () => {
  test.each<[string, number | undefined]>([
    ['left out', undefined],
    ['1 day', 1],
    ['30 days', 30],
    ['3653 days (TEN_YEARS)', 3653],
    ['a token', Token.asNumber({ Ref: 'Retention' })],
  ])('%s: accepted', (_, days) => {
    expect(telemetryRetentionProblems('retention', days)).toEqual([]);
  });

  test.each([['0 days', 0], ['-1 days', -1], ['3654 days', 3654], ['INFINITE (9999)', 9999], ['1.5 days', 1.5], ['NaN', NaN], ['Infinity', Infinity]])(
    '%s: refused', (_, days) => {
      expect(telemetryRetentionProblems('retention', days)).toEqual([{
        id: 'TelemetryRetention',
        property: 'retention',
        value: days,
        rule: 'a telemetry rule keeps events 1 to 3653 whole days, so RetentionDays.INFINITE and other values are not accepted '
          + '(CloudWatch Observability Admin API TelemetryDestinationConfiguration RetentionInDays)',
        fix: 'use a logs.RetentionDays of at most TEN_YEARS',
      }]);
    });
});

describe('[TelemetryKmsKeyArn]', () => {
  test.each<[string, string | undefined]>([
    ['left out', undefined],
    ['a key ARN', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a multi-Region key ARN', 'arn:aws:kms:eu-west-1:111111111111:key/mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['a key ARN in aws-us-gov', 'arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a key ARN in aws-cn', 'arn:aws-cn:kms:cn-north-1:111111111111:key/0f'],
    ['a token', Token.asString({ 'Fn::GetAtt': ['Key', 'Arn'] })],
  ])('%s: accepted', (_, keyArn) => {
    expect(telemetryKeyArnProblems('encryptionKey', keyArn)).toEqual([]);
  });

  test.each([
    ['an alias ARN', 'arn:aws:kms:us-east-1:111111111111:alias/logs'],
    ['a key ID', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['text before the ARN', 'xarn:aws:kms:us-east-1:111111111111:key/1234abcd'],
    ['text after the key ID', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd/x'],
    ['an upper-case key ID', 'arn:aws:kms:us-east-1:111111111111:key/1234ABCD'],
    ['an account of 11 digits', 'arn:aws:kms:us-east-1:11111111111:key/1234abcd'],
    ['an account of 13 digits', 'arn:aws:kms:us-east-1:1111111111111:key/1234abcd'],
    ['another service', 'arn:aws:s3:us-east-1:111111111111:key/1234abcd'],
    ['no Region', 'arn:aws:kms::111111111111:key/1234abcd'],
    ['no key ID', 'arn:aws:kms:us-east-1:111111111111:key/'],
    ['a partition with a digit', 'arn:aws2:kms:us-east-1:111111111111:key/1234abcd'],
  ])('%s: refused', (_, keyArn) => {
    expect(telemetryKeyArnProblems('encryptionKey', keyArn)).toEqual([{
      id: 'TelemetryKmsKeyArn',
      property: 'encryptionKey',
      value: keyArn,
      rule: 'must be the ARN of a KMS key, arn:<partition>:kms:<region>:<account>:key/<key id>, not an alias or a key ID '
        + '(CloudWatch Observability Admin API TelemetryDestinationConfiguration KmsKeyArn)',
      fix: 'import the key with kms.Key.fromKeyArn and its key ARN',
    }]);
  });
});

describe('[TelemetryRuleDuplicate]', () => {
  const placed = (path: string, overrides: Partial<PlacedTelemetryRule> = {}): PlacedTelemetryRule => ({
    path, account: '111111111111', region: 'us-east-1', organization: false, identity: 'AWS::CloudTrail Logs aws/cloudtrail', ...overrides,
  });
  const rule = (i: number) => `sends the same CloudTrail events to the same destination as Stack/A; within ${i === 0 ? 'the organization' : 'account 111111111111'} `
    + 'rules are unique by resource type, telemetry type and destination configuration, and a duplicate fails with a conflict '
    + '(CloudWatch User Guide, "Telemetry enablement rules")';

  test('the first rule of a scope is left alone, the others are reported with every path', () => {
    const all = [placed('Stack/A'), placed('Stack/B'), placed('Stack/C')];
    expect(duplicateTelemetryRuleProblems(all[0], all)).toEqual([]);
    const expected: Problem = {
      id: 'TelemetryRuleDuplicate',
      property: 'dataEvents',
      value: ['Stack/A', 'Stack/B', 'Stack/C'],
      rule: rule(1),
      fix: 'remove one of the rules, or give them different selectors or destinations',
    };
    expect(duplicateTelemetryRuleProblems(all[1], all)).toEqual([expected]);
    expect(duplicateTelemetryRuleProblems(all[2], all)).toEqual([expected]);
  });

  test('organization rules name the organization as their scope', () => {
    const all = [placed('Stack/A', { organization: true }), placed('Stack/B', { organization: true })];
    expect(duplicateTelemetryRuleProblems(all[1], all).map(problem => problem.rule)).toEqual([rule(0)]);
  });

  test('a rule alone in its scope is accepted', () => {
    const only = placed('Stack/A');
    expect(duplicateTelemetryRuleProblems(only, [only])).toEqual([]);
  });

  test.each<[string, Partial<PlacedTelemetryRule>]>([
    ['another account', { account: '222222222222' }],
    ['another Region', { region: 'eu-west-1' }],
    ['an organization rule beside an account rule', { organization: true }],
    ['another destination', { identity: 'AWS::CloudTrail Logs aws/other' }],
  ])('%s is no duplicate', (_, difference) => {
    const all = [placed('Stack/A'), placed('Stack/B', difference)];
    expect(duplicateTelemetryRuleProblems(all[1], all)).toEqual([]);
    // and the rules of the first one's scope still are compared: a third like the first is its duplicate
    const three = [...all, placed('Stack/C')];
    expect(duplicateTelemetryRuleProblems(three[1], three)).toEqual([]);
    expect(ids(duplicateTelemetryRuleProblems(three[2], three))).toEqual(['TelemetryRuleDuplicate']);
    expect(duplicateTelemetryRuleProblems(three[2], three)[0].value).toEqual(['Stack/A', 'Stack/C']);
  });
});
