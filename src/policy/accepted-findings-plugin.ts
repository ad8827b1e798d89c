import * as path from 'path';
import {
  CfnResource,
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolatingResource,
  PolicyViolation,
  Stack,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACCEPTED_FINDINGS_METADATA_KEY, ACCEPTED_REASON_RULE_METADATA_KEY } from './gate-acknowledgements';

/**
 * A policy validation plugin that runs another one and accepts, among its findings, exactly those this
 * library documents for its own resources (GATES.md lists them with their reasons); every other finding is
 * reported, and decides the outcome, as the wrapped plugin reported it.
 *
 * The library acknowledges no AWS Control Tower (cfn-guard) finding by itself, because aws-cdk-lib passes a
 * whole cfn-guard report once any one of its findings is acknowledged. Wrap the plugin to accept the
 * library's documented findings without that side effect (`CfnGuardValidator` is `@cdklabs/cdk-validator-cfnguard`'s):
 *
 * @example
 * /// fixture=gates
 * Validations.of(app).addPlugins(new AcceptedFindingsPlugin(new CfnGuardValidator()));
 */
export class AcceptedFindingsPlugin implements IPolicyValidationPlugin {
  /** The wrapped plugin's name, so that reports and acknowledgements name it as before. */
  public readonly name: string;
  /** The wrapped plugin's version. */
  public readonly version?: string;
  /** The wrapped plugin's rule ids. */
  public readonly ruleIds?: string[];

  /**
   * @param plugin the plugin whose findings on the library's resources are accepted
   */
  constructor(private readonly plugin: IPolicyValidationPlugin) {
    this.name = plugin.name;
    this.version = plugin.version;
    this.ruleIds = plugin.ruleIds;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = this.plugin.validate(context);
    // Older aws-cdk-lib releases hand plugins no construct tree: nothing can be matched, so nothing is accepted.
    const app: IConstruct | undefined = context.appConstruct;
    if (!app || report.violations.length === 0) {
      return report;
    }
    const resources = new ResourceIndex(app);
    const violations: PolicyViolation[] = [];
    const accepted: PolicyViolation[] = [];
    for (const violation of report.violations) {
      const ruleId = `${this.name.replace(/ /g, '-')}::${violation.ruleName}`;
      const kept: PolicyViolatingResource[] = [];
      const byReason = new Map<string, PolicyViolatingResource[]>();
      for (const resource of violation.violatingResources) {
        const reason = acceptedReason(resources.constructOf(resource), ruleId);
        if (reason === undefined) {
          kept.push(resource);
        } else {
          byReason.set(reason, [...byReason.get(reason) ?? [], resource]);
        }
      }
      if (kept.length > 0) {
        violations.push({ ...violation, violatingResources: kept });
      }
      for (const [reason, acceptedResources] of byReason) {
        accepted.push({
          ...violation,
          description: `Accepted for a resource of cdk-cloudtrail-org: ${reason}. ${violation.description}`,
          severity: 'info',
          ruleMetadata: { ...violation.ruleMetadata, [ACCEPTED_REASON_RULE_METADATA_KEY]: reason },
          violatingResources: acceptedResources,
        });
      }
    }
    return {
      ...report,
      success: report.success || violations.length === 0,
      violations: [...violations, ...accepted],
    };
  }
}

/** The reason the library recorded for accepting a rule on a construct or one of its scopes. */
function acceptedReason(construct: IConstruct | undefined, ruleId: string): string | undefined {
  for (let current = construct; current; current = current.node.scope) {
    for (const entry of current.node.metadata) {
      const data = entry.data as Record<string, string> | undefined;
      if (entry.type === ACCEPTED_FINDINGS_METADATA_KEY && data && ruleId in data) {
        return data[ruleId];
      }
    }
  }
  return undefined;
}

/** The app's CloudFormation resources by construct path and by template file and logical id. */
class ResourceIndex {
  private readonly byPath = new Map<string, IConstruct>();
  private readonly byLogicalId = new Map<string, IConstruct>();

  constructor(app: IConstruct) {
    for (const construct of app.node.findAll()) {
      this.byPath.set(construct.node.path, construct);
      if (CfnResource.isCfnResource(construct)) {
        const stack = Stack.of(construct);
        this.byLogicalId.set(`${stack.templateFile}|${stack.resolve(construct.logicalId)}`, construct);
      }
    }
  }

  public constructOf(resource: PolicyViolatingResource): IConstruct | undefined {
    if (resource.constructPath) {
      return this.byPath.get(resource.constructPath);
    }
    if (resource.templatePath && resource.resourceLogicalId) {
      return this.byLogicalId.get(`${path.basename(resource.templatePath)}|${resource.resourceLogicalId}`);
    }
    return undefined;
  }
}
