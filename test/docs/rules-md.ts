import { writeFileSync } from 'fs';
import * as path from 'path';
import { RuleEntry, RuleOwner, RULES } from '../../src/core/rule-registry';

/** Where the generated rule list lives, beside the README. */
export const RULES_MD = path.join(__dirname, '..', '..', 'RULES.md');

const OWNER_ORDER: RuleOwner[] = ['OrganizationTrail', 'SecurityAlarms', 'LakeEventDataStore', 'LakeQuery', 'ScheduledLakeQuery',
  'LakeImport', 'LakeChannel', 'LakeDashboard', 'OrganizationDelegatedAdmin', 'TrailProtectionPolicy', 'TrailLogArchive', 'DataEventSelectors', 'Operations'];

/** RULES.md, generated from the rule registry: one table per construct, shared rules first. */
export function renderRulesMarkdown(): string {
  const entries = Object.entries(RULES) as [string, RuleEntry][];
  const shared = entries.filter(([, entry]) => entry.owners.length > 1);
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from src/core/rule-registry.ts by `npx projen docgen`; do not edit. -->',
    '',
    'Every rule cdk-cloudtrail-org checks, with the stable id its message starts with, e.g.',
    '`[Stack/Trail] [TrailNameSeparators] trailName "my--trail": ...`. Errors stop synthesis with a `ValidationError` that lists every',
    'problem of the construct; warnings (level "warning") are annotations with the id `cdk-cloudtrail-org:<Id>`, which',
    '`Annotations.of(construct).acknowledgeWarning(...)` silences.',
    '',
    `${entries.length} rules.`,
  ];
  const section = (title: string, rows: [string, RuleEntry][], showOwners: boolean) => {
    if (rows.length === 0) {
      return;
    }
    lines.push('', `## ${title}`, '');
    lines.push(showOwners ? '| Id | Checked by | Property | Rule | Source | Fix | Level |' : '| Id | Property | Rule | Source | Fix | Level |');
    lines.push(showOwners ? '| --- | --- | --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- | --- |');
    for (const [id, entry] of rows) {
      const cells = [`\`${id}\``, ...(showOwners ? [entry.owners.join(', ')] : []), entry.property, entry.rule, entry.source, entry.fix,
        entry.warning ? 'warning' : 'error'];
      lines.push(`| ${cells.map(cell).join(' | ')} |`);
    }
  };
  section('Shared rules', shared, true);
  for (const owner of OWNER_ORDER) {
    section(owner, entries.filter(([, entry]) => entry.owners.length === 1 && entry.owners[0] === owner), false);
  }
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

if (require.main === module) {
  writeFileSync(RULES_MD, renderRulesMarkdown());
}
