// The policy gates on the examples beyond the main app (test/gates/organization-trail.test.ts has that one).
import { countByGate, GATES, GateFinding, runPolicyGates, unacknowledgedErrors } from './policy-gates';
import { buildControlTowerApp } from '../../examples/control-tower';
import { buildLogArchiveApp } from '../../examples/log-archive';
import { DELEGATED_ADMIN_ORGANIZATION_REASON, GATE_ACKNOWLEDGEMENTS, LOG_STREAM_WILDCARDS_REASON } from '../../src/policy/gate-acknowledgements';

// A cold first synthesis (CloudFormation Validate's engine, cdk-nag) takes several seconds.
jest.setTimeout(60_000);

const KNOWN_REASONS = [...Object.values(GATE_ACKNOWLEDGEMENTS).map(a => a.reason), LOG_STREAM_WILDCARDS_REASON, DELEGATED_ADMIN_ORGANIZATION_REASON];

describe('the Log Archive example (a TrailLogArchive, and a trail on it in another account)', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      buildLogArchiveApp(app);
    });
  });

  test('has no unacknowledged error in any gate', () => {
    expect(unacknowledgedErrors(findings).map(f => `${f.gate} ${f.ruleId} ${f.control ?? ''} ${f.path}`)).toEqual([]);
  });

  test('acknowledges only findings with a documented reason, in both stacks', () => {
    expect(findings.filter(f => !KNOWN_REASONS.includes(f.reason ?? ''))).toEqual([]);
    const counts = countByGate(findings);
    for (const gate of Object.values(GATES)) {
      expect(counts[gate]).toMatchObject({ errors: 0, warnings: 0 });
    }
  });
});

describe('the Control Tower example (alarms, a tamper rule and a service control policy on an imported trail)', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      buildControlTowerApp(app);
    });
  });

  test('has no unacknowledged error in any gate, and acknowledges only findings with a documented reason', () => {
    expect(unacknowledgedErrors(findings).map(f => `${f.gate} ${f.ruleId} ${f.control ?? ''} ${f.path}`)).toEqual([]);
    expect(findings.filter(f => !KNOWN_REASONS.includes(f.reason ?? ''))).toEqual([]);
  });
});
