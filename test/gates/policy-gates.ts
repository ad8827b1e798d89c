import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import {
  App,
  CloudFormationValidatePlugin,
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { AcceptedFindingsPlugin } from '../../src';
import { ACCEPTED_REASON_RULE_METADATA_KEY } from '../../src/policy/gate-acknowledgements';

/**
 * The policy gates of the project, by the name aws-cdk-lib reports them under (the validation plugin's `name`).
 *
 * The name is also the namespace of an acknowledgement that aws-cdk-lib matches itself: `Validations.of(c).acknowledge({
 * id: '<gate>::<ruleId>', reason })` (spaces in the gate name become `-`).
 */
export const GATES = {
  /** AWS Control Tower proactive controls run by the cfn-guard binary of `@cdklabs/cdk-validator-cfnguard`. */
  controlTower: 'cdk-validator-cfnguard',
  awsSolutions: 'AwsSolutions',
  nist80053r5: 'NIST.800.53.R5',
  hipaaSecurity: 'HIPAA.Security',
  pciDss321: 'PCI.DSS.321',
  /** aws-cdk-lib's built-in CloudFormation schema and rule validation (`@aws-cdk/core:validateAgainstDefaultRules`). */
  cloudFormationValidate: CloudFormationValidatePlugin.PLUGIN_NAME,
} as const;

/** Every gate, in report order. */
export const GATE_NAMES: readonly string[] = Object.values(GATES);

/** One rule failing on one resource. */
export interface GateFinding {
  /** The gate (validation plugin) that reported it, one of `GATE_NAMES`. */
  readonly gate: string;
  /**
   * The rule, as the gate names it: a cdk-nag rule id (`AwsSolutions-S1`, `AwsSolutions-IAM5[Action::s3:*]`) or a
   * cfn-guard rule name (`s3_bucket_versioning_enabled_check`).
   */
  readonly ruleId: string;
  /** For Control Tower rules, the control id (`CT.S3.PR.11`). */
  readonly control?: string;
  /** Errors fail synthesis; cfn-guard reports no severity and every one of its findings fails synthesis, so is an error. */
  readonly level: 'error' | 'warning';
  /** The construct path of the failing L1 resource (`Stack/Trail/S3/Resource`). */
  readonly path: string;
  /** The resource's logical id, when the gate reported it (cfn-guard and CloudFormation Validate do, cdk-nag does not). */
  readonly logicalId?: string;
  /** Whether a `Validations.of(...).acknowledge(...)` on the resource or one of its scopes covers the finding. */
  readonly acknowledged: boolean;
  /** The reason given with the acknowledgement. */
  readonly reason?: string;
  readonly message: string;
}

export interface PolicyGateOptions {
  /**
   * Register the Control Tower gate wrapped in the library's `AcceptedFindingsPlugin` (the README's opt-in), so that
   * the Control Tower findings the library documents for its own resources are reported as acknowledged.
   *
   * @default true
   */
  readonly acceptLibraryFindings?: boolean;

  /**
   * Hand cfn-guard all 237 Control Tower rules rather than only those naming a resource type of the templates. Same
   * findings, about a second slower.
   *
   * @default false
   */
  readonly allControlTowerRules?: boolean;
}

/**
 * Builds a fresh app with every gate registered, lets `build` add stacks to it, synthesizes it and returns every finding,
 * acknowledged ones included, sorted by gate, rule and path.
 *
 * Synthesis does not fail on findings (`@aws-cdk/core:failSynthOnValidationErrors` is off): the findings are read back
 * from the `validation-report.json` aws-cdk-lib writes to the cloud assembly. A gate that fails to run throws.
 */
export function runPolicyGates(build: (app: App) => void, options: PolicyGateOptions = {}): GateFinding[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-gates-'));
  try {
    const app = new App({
      outdir,
      context: {
        '@aws-cdk/core:validateAgainstDefaultRules': true,
        '@aws-cdk/core:failSynthOnValidationErrors': false,
      },
    });
    const ran = new Set<string>();
    const controlTower = new ControlTowerGate(options.allControlTowerRules ?? false);
    Validations.of(app).addPlugins(
      // aws-cdk-lib leaves a gate that found nothing out of the report: each gate records that it ran
      new RecordingGate(options.acceptLibraryFindings ?? true ? new AcceptedFindingsPlugin(controlTower) : controlTower, ran),
      new RecordingCloudFormationValidate(ran),
      ...[new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()].map(
        pack => new RecordingGate(new NagPackReportingAcknowledged(pack), ran)),
    );
    build(app);
    const assembly = app.synth();
    const reportFile = path.join(assembly.directory, 'validation-report.json');
    if (!fs.existsSync(reportFile)) {
      throw new Error(`no policy gate reported: aws-cdk-lib wrote no ${path.basename(reportFile)}`);
    }
    checkEveryGateRan(ran);
    return findingsOf(JSON.parse(fs.readFileSync(reportFile, 'utf-8')) as ValidationReport, app);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The findings that must go: errors nobody acknowledged. (aws-cdk-lib 2.276 itself stops failing synthesis on any
 * cfn-guard finding once one cfn-guard finding is acknowledged, as cfn-guard reports no severity; this does not.)
 */
export function unacknowledgedErrors(findings: readonly GateFinding[]): GateFinding[] {
  return findings.filter(f => !f.acknowledged && f.level === 'error');
}

/** Per gate (every gate, with zeros), the unacknowledged errors and warnings and the acknowledged findings. */
export function countByGate(findings: readonly GateFinding[]): Record<string, { errors: number; warnings: number; acknowledged: number }> {
  const counts: Record<string, { errors: number; warnings: number; acknowledged: number }> = {};
  for (const gate of [...GATE_NAMES, ...findings.map(f => f.gate)]) {
    counts[gate] ??= { errors: 0, warnings: 0, acknowledged: 0 };
  }
  for (const f of findings) {
    const c = counts[f.gate];
    if (f.acknowledged) {
      c.acknowledged++;
    } else if (f.level === 'error') {
      c.errors++;
    } else {
      c.warnings++;
    }
  }
  return counts;
}

/** The sorted, distinct rule ids of some findings (control ids for Control Tower, when `controls` is set). */
export function ruleIds(findings: readonly GateFinding[], gate: string, options: { controls?: boolean } = {}): string[] {
  const ids = findings.filter(f => f.gate === gate).map(f => (options.controls ? f.control ?? f.ruleId : f.ruleId));
  return [...new Set(ids)].sort();
}

// ---------------------------------------------------------------------------------------------------
// Control Tower

/**
 * `CfnGuardValidator` with the Control Tower rules, under its own name (so `cdk-validator-cfnguard::<rule>`
 * acknowledgements apply), handing cfn-guard only the rule files that name a resource type found in the templates.
 *
 * Every rule file selects resources by type constants it spells out, so a file naming none of the templates' types
 * cannot fail; parsing all 237 files costs cfn-guard about 0.9 s a run, the few relevant ones about 0.05 s.
 */
class ControlTowerGate implements IPolicyValidationPlugin {
  public readonly name = GATES.controlTower;

  constructor(private readonly allRules: boolean) {}

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const types = new Set(context.templatePaths.flatMap(resourceTypes));
    const irrelevant = controlTowerRules().filter(rule => ![...types].some(type => rule.text.includes(`"${type}"`)));
    if (!this.allRules && irrelevant.length === controlTowerRules().length) {
      return { success: true, violations: [] };
    }
    const guard = new CfnGuardValidator({ disabledRules: this.allRules ? [] : irrelevant.map(rule => rule.name) });
    return guard.validate(context);
  }
}

let controlTowerRuleFiles: Array<{ name: string; text: string }> | undefined;

/** The bundled Control Tower rule files: name (`ct-s3-pr-1`, what `disabledRules` takes) and text. */
function controlTowerRules(): Array<{ name: string; text: string }> {
  if (!controlTowerRuleFiles) {
    const dir = path.join(path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard')), '..', 'rules', 'control-tower', 'cfn-guard');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.guard')).sort();
    controlTowerRuleFiles = files.map(f => ({ name: path.basename(f, '.guard'), text: fs.readFileSync(path.join(dir, f), 'utf-8') }));
  }
  return controlTowerRuleFiles;
}

function resourceTypes(templatePath: string): string[] {
  const template = JSON.parse(fs.readFileSync(templatePath, 'utf-8')) as { Resources?: Record<string, { Type: string }> };
  return Object.values(template.Resources ?? {}).map(r => r.Type);
}

// ---------------------------------------------------------------------------------------------------
// cdk-nag acknowledgements

/**
 * A cdk-nag pack that reports acknowledged findings too.
 *
 * cdk-nag 3 drops a finding acknowledged with the bare rule id (`Validations.of(c).acknowledge({ id: 'AwsSolutions-S1',
 * reason })`) before reporting it, so it would not show up at all. This wrapper turns that off on its own pack instance,
 * and `findingsOf` marks those findings acknowledged with the same rule cdk-nag applies (`nagAcknowledgement`).
 * Acknowledgements namespaced with the pack name (`AwsSolutions::AwsSolutions-S1`) are matched by aws-cdk-lib itself.
 */
class NagPackReportingAcknowledged implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];

  constructor(private readonly pack: NagPack) {
    this.name = pack.name;
    this.version = pack.version;
    this.ruleIds = pack.ruleIds;
    if (typeof (NagPack.prototype as unknown as Record<string, unknown>).isAcknowledged !== 'function') {
      throw new Error('cdk-nag no longer has NagPack#isAcknowledged: update NagPackReportingAcknowledged in test/gates/policy-gates.ts');
    }
    Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.pack.validate(context);
  }
}

/** The reason of the acknowledgement cdk-nag 3 honours for a rule on a resource, if any (see `NagPack#isAcknowledged`). */
function nagAcknowledgement(resource: IConstruct | undefined, ruleId: string): string | undefined {
  for (let current = resource; current; current = current.node.scope) {
    for (const entry of current.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) {
        continue;
      }
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        if (id.replace(/^annotation::/i, '') === ruleId) {
          return reason;
        }
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// The validation report

/** The parts of aws-cdk-lib's `validation-report.json` read here. */
export interface ValidationReport {
  readonly pluginReports: PluginReport[];
}

export interface PluginReport {
  readonly pluginName: string;
  readonly conclusion: 'success' | 'failure';
  readonly metadata?: Record<string, string>;
  readonly violations: ReportedViolation[];
  readonly suppressedViolations?: SuppressedViolation[];
}

export interface ReportedViolation {
  readonly ruleName: string;
  readonly description: string;
  readonly severity: string;
  readonly ruleMetadata?: Record<string, string>;
  readonly violatingConstructs: Array<{ constructPath: string; cloudFormationResource?: { logicalId: string } }>;
}

export interface SuppressedViolation extends ReportedViolation {
  readonly reason?: string;
}

/**
 * Fails unless every gate (`GATE_NAMES`) produced a report. aws-cdk-lib's `validation-report.json` leaves out a gate
 * that found nothing, so a gate that never ran (no stack in the app the gates were added to, a plugin aws-cdk-lib
 * skipped) would pass as one that found nothing.
 */
export function checkEveryGateRan(ran: ReadonlySet<string>): void {
  const missing = GATE_NAMES.filter(gate => !ran.has(gate));
  if (missing.length > 0) {
    throw new Error(`policy gate${missing.length === 1 ? '' : 's'} ${missing.join(', ')} produced no report (ran: ${[...ran].join(', ') || 'none'})`);
  }
}

/** A gate that records, by name, that it produced a report. */
class RecordingGate implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];

  constructor(private readonly gate: IPolicyValidationPlugin, private readonly ran: Set<string>) {
    this.name = gate.name;
    this.version = gate.version;
    this.ruleIds = gate.ruleIds;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = this.gate.validate(context);
    this.ran.add(this.name);
    return report;
  }
}

/**
 * aws-cdk-lib's schema validation, registered explicitly (aws-cdk-lib then adds no default instance of its own) so that
 * it records that it ran; one engine for every run, as aws-cdk-lib's own default instance.
 */
class RecordingCloudFormationValidate extends CloudFormationValidatePlugin {
  private static readonly shared = new CloudFormationValidatePlugin();

  constructor(private readonly ran: Set<string>) {
    super();
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = RecordingCloudFormationValidate.shared.validate(context);
    this.ran.add(this.name);
    return report;
  }
}

const NAG_GATES: readonly string[] = [GATES.awsSolutions, GATES.nist80053r5, GATES.hipaaSecurity, GATES.pciDss321];

function findingsOf(report: ValidationReport, app: App): GateFinding[] {
  const byPath = new Map(app.node.findAll().map(c => [c.node.path, c]));
  const findings: GateFinding[] = [];
  for (const plugin of report.pluginReports) {
    if (plugin.metadata?.error) {
      throw new Error(`policy gate ${plugin.pluginName} did not run: ${plugin.metadata.error}`);
    }
    const add = (v: ReportedViolation, acknowledgedBy: (constructPath: string) => string | undefined) => {
      for (const c of v.violatingConstructs) {
        const reason = acknowledgedBy(c.constructPath);
        findings.push({
          gate: plugin.pluginName,
          ruleId: v.ruleName,
          control: /^\[(CT\.[A-Z0-9.-]+)\]/.exec(v.description)?.[1],
          level: v.severity === 'error' || v.severity === 'fatal' ? 'error' : 'warning',
          path: c.constructPath,
          logicalId: c.cloudFormationResource?.logicalId,
          acknowledged: reason !== undefined,
          reason: reason || undefined,
          message: v.description,
        });
      }
    };
    const isNag = NAG_GATES.includes(plugin.pluginName);
    for (const v of plugin.violations) {
      add(v, p => (isNag ? nagAcknowledgement(byPath.get(p), v.ruleName) : acceptedByLibrary(v)));
    }
    for (const v of plugin.suppressedViolations ?? []) {
      add(v, () => v.reason ?? '');
    }
  }
  return findings.sort((a, b) => compare(a.gate, b.gate) || compare(a.ruleId, b.ruleId) || compare(a.path, b.path));
}

/** The reason of a finding `AcceptedFindingsPlugin` accepted (reported as `info`, with the reason in its rule metadata). */
function acceptedByLibrary(v: ReportedViolation): string | undefined {
  return v.severity === 'info' ? v.ruleMetadata?.[ACCEPTED_REASON_RULE_METADATA_KEY] : undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Control Tower gate as the tests register it: `CfnGuardValidator` given only the rules that can apply. */
export function controlTowerGate(allRules = false): IPolicyValidationPlugin {
  return new ControlTowerGate(allRules);
}
