import { CloudAssembly, CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

const SELECTOR_HOLDERS = ['AWS::CloudTrail::Trail', 'AWS::CloudTrail::EventDataStore'];
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
  for (const [logicalId, resource] of resources.filter(([, r]) => SELECTOR_HOLDERS.includes(r.Type))) {
    const selectors: any[] = resource.Properties?.AdvancedEventSelectors ?? [];
    const total = selectors.reduce((sum, selector) => sum + valueCount(selector), 0);
    lines.push(`  ${resource.Type} ${logicalId}: ${selectors.length} advanced event selector(s), ${total} value(s) (quota 500)`);
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
