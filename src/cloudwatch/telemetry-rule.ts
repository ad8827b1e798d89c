import { IResolvable, Names, PhysicalName, Resource, Stack } from 'aws-cdk-lib';
import { ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CfnOrganizationTelemetryRule, CfnTelemetryRule } from 'aws-cdk-lib/aws-observabilityadmin';
import { Construct, IConstruct } from 'constructs';
import { CloudTrailTelemetryRuleProps } from './telemetry-rule-props';
import { TELEMETRY_RULE_NAME_LENGTH } from '../core/limits';
import { placedInAccount, placementOf, renderedTags } from '../core/placement';
import { Problem, throwIfProblems, validateAtSynth } from '../core/problems';
import { OBSERVABILITY_TAG_RULES, tagProblems } from '../core/tags';
import {
  duplicateTelemetryRuleProblems, PlacedTelemetryRule, telemetryKeyArnProblems, telemetryRegionsProblems, telemetryRetentionProblems,
  telemetryRuleNameProblems,
} from '../core/telemetry-rules';
import { DataEventSelectors } from '../selectors/data-event-selectors';
import { bindSelectors, SelectorSet, selectorSetProblems } from '../selectors/selector-binding';

// CloudWatch Observability Admin API TelemetryRule: CloudTrail events are the resource type AWS::CloudTrail, of
// telemetry type Logs, delivered to CloudWatch Logs (DestinationType's only value); CloudTrail has no telemetry source type
const RESOURCE_TYPE = 'AWS::CloudTrail';
const TELEMETRY_TYPE = 'Logs';
const DESTINATION_TYPE = 'cloud-watch-logs';

/** The props with their defaults applied, once; the constructor renders from this only. */
interface ResolvedTelemetryRule {
  readonly ruleName?: string;
  readonly organizationEnabled: boolean;
  readonly regions?: string[];
  readonly retention: logs.RetentionDays;
  readonly keyArn?: string;
  readonly destinationPattern?: string;
  readonly managementEvents: ReadWriteType;
  readonly excludeManagementEventSources?: ManagementEventSources[];
  readonly dataEvents?: DataEventSelectors;
}

function resolveTelemetryRule(props: CloudTrailTelemetryRuleProps): ResolvedTelemetryRule {
  return {
    ruleName: props.ruleName,
    organizationEnabled: props.organizationEnabled ?? false,
    regions: props.regions === undefined ? undefined : [...props.regions],
    retention: props.retention ?? logs.RetentionDays.ONE_YEAR,
    keyArn: props.encryptionKey?.keyArn,
    destinationPattern: props.destinationPattern,
    managementEvents: props.managementEvents ?? ReadWriteType.ALL,
    excludeManagementEventSources: props.excludeManagementEventSources,
    dataEvents: props.dataEvents,
  };
}

function ruleProblems(rule: ResolvedTelemetryRule): Problem[] {
  return [
    ...(rule.ruleName === undefined ? [] : telemetryRuleNameProblems('ruleName', rule.ruleName)),
    ...telemetryRegionsProblems('regions', rule.regions),
    ...telemetryRetentionProblems('retention', rule.retention),
    ...telemetryKeyArnProblems('encryptionKey', rule.keyArn),
  ];
}

function ruleSelectors(rule: ResolvedTelemetryRule): SelectorSet {
  return {
    target: 'telemetryRule',
    managementEvents: rule.managementEvents,
    excludeManagementEventSources: rule.excludeManagementEventSources,
    dataEvents: rule.dataEvents,
  };
}

/**
 * A CloudWatch telemetry rule that sends CloudTrail management and data events to CloudWatch Logs, for this account
 * or (with `organizationEnabled`) every account of the organization: the path AWS points to for new customers since
 * CloudTrail Lake stopped taking them on 2026-05-31. Its advanced event selectors are checked against the rules of a
 * trail's selectors, without network activity events.
 *
 * Prerequisites (CloudWatch User Guide, "Setting up telemetry configuration"): telemetry evaluation turned on for the
 * account (StartTelemetryEvaluation) or, for an organization rule, trusted access for `observabilityadmin.amazonaws.com`
 * and telemetry evaluation for the organization (StartTelemetryEvaluationForOrganization), from the management
 * account or a CloudWatch delegated administrator account.
 *
 * @example
 * new CloudTrailTelemetryRule(this, 'ToCloudWatch', {
 *   organizationEnabled: true,
 *   managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
 *   retention: logs.RetentionDays.TWO_YEARS,
 * });
 */
export class CloudTrailTelemetryRule extends Resource {
  /**
   * The rule's ARN.
   * @attribute
   */
  public readonly ruleArn: string;
  /**
   * The rule's name.
   * @attribute
   */
  public readonly ruleName: string;

  /** Where the rule is created and what makes it unique in its scope; undefined when the stack's account or Region is unknown. */
  private readonly place: () => PlacedTelemetryRule | undefined;

  constructor(scope: Construct, id: string, props: CloudTrailTelemetryRuleProps = {}) {
    super(scope, id, { physicalName: props.ruleName ?? PhysicalName.GENERATE_IF_NEEDED });
    const rule = resolveTelemetryRule(props);
    const selectors = ruleSelectors(rule);
    throwIfProblems(this, [...ruleProblems(rule), ...selectorSetProblems(selectors)]);
    this.ruleName = rule.ruleName ?? Names.uniqueResourceName(this, { maxLength: TELEMETRY_RULE_NAME_LENGTH.max, separator: '-', allowedSpecialCharacters: '-' });

    let advancedEventSelectors: IResolvable | undefined;
    bindSelectors(this, selectors, rendered => { advancedEventSelectors = rendered; });
    const properties = {
      ruleName: this.ruleName,
      rule: {
        resourceType: RESOURCE_TYPE,
        telemetryType: TELEMETRY_TYPE,
        destinationConfiguration: {
          destinationType: DESTINATION_TYPE,
          retentionInDays: rule.retention,
          destinationPattern: rule.destinationPattern,
          cloudtrailParameters: { advancedEventSelectors: advancedEventSelectors! },
        },
      },
    };
    const resource = rule.organizationEnabled
      ? new CfnOrganizationTelemetryRule(this, 'Resource', properties)
      : new CfnTelemetryRule(this, 'Resource', properties);
    // The L1s of aws-cdk-lib 2.252 (the peer floor) know neither AllRegions, Regions nor KmsKeyArn and would drop them
    // without a word, leaving a rule of one Region and unencrypted log groups: they are written to the template directly.
    if (rule.regions === undefined) {
      resource.addPropertyOverride('Rule.AllRegions', true);
    } else {
      resource.addPropertyOverride('Rule.Regions', rule.regions);
    }
    if (rule.keyArn !== undefined) {
      resource.addPropertyOverride('Rule.DestinationConfiguration.KmsKeyArn', rule.keyArn);
    }
    this.ruleArn = resource.attrRuleArn;
    this.place = () => {
      const placed = placementOf(this);
      const destination = { ...properties.rule, destinationConfiguration: { ...properties.rule.destinationConfiguration, kmsKeyArn: rule.keyArn } };
      return placed && { ...placed, organization: rule.organizationEnabled, identity: JSON.stringify(Stack.of(this).resolve(destination)) };
    };
    validateAtSynth(this, () => {
      const placed = this.place();
      return [
        ...tagProblems('tags', renderedTags(this, resource.cdkTagManager), OBSERVABILITY_TAG_RULES),
        ...(placed ? duplicateTelemetryRuleProblems(placed, placedInAccount(this, placed.account, isTelemetryRule, other => other.place())) : []),
      ];
    });
  }

}

function isTelemetryRule(construct: IConstruct): construct is CloudTrailTelemetryRule {
  return construct instanceof CloudTrailTelemetryRule;
}
