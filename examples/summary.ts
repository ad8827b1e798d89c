import { CloudAssembly, CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

// Where each resource type holds its advanced event selectors, and the quota of their values it documents.
const SELECTOR_HOLDERS: Record<string, { selectors: (properties: any) => any[] | undefined; quota: string }> = {
  'AWS::CloudTrail::Trail': { selectors: properties => properties?.AdvancedEventSelectors, quota: ' (quota 500)' },
  'AWS::CloudTrail::EventDataStore': { selectors: properties => properties?.AdvancedEventSelectors, quota: ' (quota 500)' },
  'AWS::ObservabilityAdmin::OrganizationTelemetryRule': { selectors: telemetrySelectors, quota: '' },
  'AWS::ObservabilityAdmin::TelemetryRule': { selectors: telemetrySelectors, quota: '' },
};
const OPERATORS = ['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'];

/** A short, human-readable account of a synthesized assembly: stacks, resources, selectors, warnings. */
export function summarize(assembly: CloudAssembly): string {
  const lines = [`Synthesized ${assembly.stacks.length} stack(s) into ${assembly.directory}`];
  for (const stack of assembly.stacks) {
    lines.push(...summarizeStack(stack));
  }
  return lines.join('\n');
}

function summarizeStack(stack: CloudFormationStackArtifact): string[] {
  const resources = Object.entries<TemplateResource>(stack.template.Resources ?? {});
  const byType = new Map<string, number>();
  for (const [, resource] of resources) {
    byType.set(resource.Type, (byType.get(resource.Type) ?? 0) + 1);
  }
  const lines = [
    '',
    `Stack ${stack.stackName} (${stack.environment.account}/${stack.environment.region}): ${resources.length} resources`,
    ...[...byType.entries()].sort().map(([type, count]) => `  ${String(count).padStart(3)} × ${type}`),
  ];
  for (const [logicalId, resource] of resources.filter(([, r]) => r.Type in SELECTOR_HOLDERS)) {
    const holder = SELECTOR_HOLDERS[resource.Type];
    const selectors: any[] = holder.selectors(resource.Properties) ?? [];
    const total = selectors.reduce((sum, selector) => sum + valueCount(selector), 0);
    lines.push(`  ${resource.Type} ${logicalId}: ${selectors.length} advanced event selector(s), ${total} value(s)${holder.quota}`);
    selectors.forEach((selector, i) => {
      lines.push(`    [${i}] ${selector.Name ?? '(unnamed)'}: ${describe(selector)} — ${valueCount(selector)} value(s)`);
    });
  }
  const warnings = stack.messages.filter(m => m.level === 'warning');
  lines.push(`  warnings: ${warnings.length}`);
  for (const warning of warnings) {
    lines.push(`    ${warning.id}: ${String(warning.entry.data).split('\n')[0]}`);
  }
  return lines;
}

function telemetrySelectors(properties: any): any[] | undefined {
  return properties?.Rule?.DestinationConfiguration?.CloudtrailParameters?.AdvancedEventSelectors;
}

function valueCount(selector: any): number {
  return (selector.FieldSelectors ?? []).reduce((sum: number, fs: any) =>
    sum + OPERATORS.reduce((n, op) => n + (fs[op]?.length ?? 0), 0), 0);
}

function describe(selector: any): string {
  const field = (name: string) => (selector.FieldSelectors ?? []).find((fs: any) => fs.Field === name)?.Equals?.[0];
  const category = field('eventCategory');
  const type = field('resources.type');
  return type ? `${category} ${type}` : category;
}
