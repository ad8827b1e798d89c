import { readFileSync } from 'fs';
import * as path from 'path';
import { GATE_ACKNOWLEDGEMENTS } from '../../src/policy/gate-acknowledgements';

// GATES.md is where users read which findings the library accepts and why: none may be missing from it.
const GATES_MD = readFileSync(path.join(__dirname, '..', '..', 'GATES.md'), 'utf8');

/** A cdk-nag finding as GATES.md names it: AwsSolutions rules whole (`AwsSolutions-IAM4`), compliance pack rules without their pack (`LambdaDLQ`). */
function documentedName(id: string): string | undefined {
  const [gate, rule] = id.split(/::(.*)/s);
  if (gate === 'cdk-validator-cfnguard') {
    return undefined; // GATES.md names Control Tower findings by their control (CT.S3.PR.10), the pack rule beside it
  }
  const name = gate === 'AwsSolutions' ? rule : rule.slice(gate.length + 1);
  return name.replace(/\[.*$/s, '');
}

test.each(Object.entries(GATE_ACKNOWLEDGEMENTS))('GATES.md lists the %s findings', (_name, acknowledgement) => {
  const names = acknowledgement.ids.map(documentedName).filter((name): name is string => name !== undefined);
  expect(names.length).toBeGreaterThan(0);
  expect(names.filter(name => !GATES_MD.includes(`\`${name}`))).toEqual([]);
});

test('the README links GATES.md from its policy gates section', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Your policy gates'), readme.indexOf('## OrganizationTrail'));
  expect(section).toContain('[GATES.md](GATES.md)');
});
