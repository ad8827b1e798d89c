import { TELEMETRY_RETENTION_DAYS, TELEMETRY_RULE_NAME_LENGTH } from './limits';
import { lengthProblems, quoteList } from './names';
import type { Placement } from './placement';
import { isUnresolved, Problem } from './problems';

// The rules of CloudWatch telemetry rules (AWS::ObservabilityAdmin::TelemetryRule and OrganizationTelemetryRule) that
// CloudTrailTelemetryRule checks; the rules of their advanced event selectors are the selectors' own (target
// 'telemetryRule' in selectors/field-rules.ts).

const RULE_NAME_SOURCE = 'AWS::ObservabilityAdmin::TelemetryRule RuleName';

/**
 * The rules of a telemetry rule's name: 1 to 100 ASCII letters, digits and '-' (CloudFormation's pattern
 * ^[0-9A-Za-z-]+$; the API model allows also '_', '.', '#' and '/', which CloudFormation rejects). Tokens are not checked.
 */
export function telemetryRuleNameProblems(property: string, name: string): Problem[] {
  if (isUnresolved(name)) {
    return [];
  }
  const problems = lengthProblems('TelemetryRuleNameLength', property, name, TELEMETRY_RULE_NAME_LENGTH, RULE_NAME_SOURCE);
  const invalid = [...new Set(name.match(/[^0-9A-Za-z-]/gu) ?? [])];
  if (invalid.length > 0) {
    problems.push({
      id: 'TelemetryRuleNameCharacters',
      property,
      value: name,
      rule: `contains ${quoteList(invalid, 'and')}; only ASCII letters, digits and '-' are allowed (${RULE_NAME_SOURCE}, pattern ^[0-9A-Za-z-]+$)`,
      fix: "replace them with '-'",
    });
  }
  return problems;
}

/**
 * The Regions a telemetry rule is replicated to, when given: at least one, each named (API model Regions, min 1 item;
 * Region, min length 1). Tokens are not checked.
 */
export function telemetryRegionsProblems(property: string, regions: string[] | undefined): Problem[] {
  if (regions === undefined || isUnresolved(regions)) {
    return [];
  }
  const source = 'CloudWatch Observability Admin API TelemetryRule Regions';
  if (regions.length === 0) {
    return [{
      id: 'TelemetryRuleRegions',
      property,
      value: regions,
      rule: `lists no Region; a rule is replicated to at least one (${source}, minimum 1 item)`,
      fix: 'leave regions out to replicate the rule to every Region, or name the Regions',
    }];
  }
  return regions.flatMap((region, i) => region === '' ? [{
    id: 'TelemetryRuleRegions' as const,
    property: `${property}[${i}]`,
    value: region,
    rule: `is empty; a Region is named by its code, such as 'us-east-1' (${source}, Region minimum length 1)`,
    fix: 'remove the empty entry',
  }] : []);
}

/**
 * How long the destination log groups keep events: 1 to 3653 days (API model TelemetryDestinationConfiguration
 * RetentionInDays), so not `RetentionDays.INFINITE`. Tokens are not checked.
 */
export function telemetryRetentionProblems(property: string, days: number | undefined): Problem[] {
  const { min, max } = TELEMETRY_RETENTION_DAYS;
  if (days === undefined || isUnresolved(days) || (Number.isInteger(days) && days >= min && days <= max)) {
    return [];
  }
  return [{
    id: 'TelemetryRetention',
    property,
    value: days,
    rule: `a telemetry rule keeps events ${min} to ${max} whole days, so RetentionDays.INFINITE and other values are not accepted `
      + '(CloudWatch Observability Admin API TelemetryDestinationConfiguration RetentionInDays)',
    fix: 'use a logs.RetentionDays of at most TEN_YEARS',
  }];
}

// API model KmsKeyArn pattern: the ARN of a key, not of an alias
const KMS_KEY_ARN = /^arn:aws[a-zA-Z-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-)?[a-f0-9-]+$/;

/** The key that encrypts the destination log groups is named by its key ARN (API model KmsKeyArn). Tokens are not checked. */
export function telemetryKeyArnProblems(property: string, keyArn: string | undefined): Problem[] {
  if (keyArn === undefined || isUnresolved(keyArn) || KMS_KEY_ARN.test(keyArn)) {
    return [];
  }
  return [{
    id: 'TelemetryKmsKeyArn',
    property,
    value: keyArn,
    rule: 'must be the ARN of a KMS key, arn:<partition>:kms:<region>:<account>:key/<key id>, not an alias or a key ID '
      + '(CloudWatch Observability Admin API TelemetryDestinationConfiguration KmsKeyArn)',
    fix: 'import the key with kms.Key.fromKeyArn and its key ARN',
  }];
}

/** A telemetry rule where it is created, with what makes it unique in its scope. */
export interface PlacedTelemetryRule extends Placement {
  /** An organization rule, or a rule of its account. */
  readonly organization: boolean;
  /** Its resource type, telemetry type and destination configuration, as text to compare. */
  readonly identity: string;
}

/**
 * Within one scope (the organization, or one account) rules are unique by resource type, telemetry type and destination
 * configuration; a duplicate fails with a conflict (CloudWatch User Guide, "Telemetry enablement rules"). Rules are
 * compared within one account and home Region; the first one is left alone, the others are reported.
 */
export function duplicateTelemetryRuleProblems(rule: PlacedTelemetryRule, all: PlacedTelemetryRule[]): Problem[] {
  const same = all.filter(other => other.account === rule.account && other.region === rule.region
    && other.organization === rule.organization && other.identity === rule.identity);
  if (same.length < 2 || same[0].path === rule.path) {
    return [];
  }
  return [{
    id: 'TelemetryRuleDuplicate',
    property: 'dataEvents',
    value: same.map(other => other.path),
    rule: `sends the same CloudTrail events to the same destination as ${same[0].path}; within ${rule.organization ? 'the organization' : `account ${rule.account}`} `
      + 'rules are unique by resource type, telemetry type and destination configuration, and a duplicate fails with a conflict '
      + '(CloudWatch User Guide, "Telemetry enablement rules")',
    fix: 'remove one of the rules, or give them different selectors or destinations',
  }];
}
