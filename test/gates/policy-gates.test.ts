import { App, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { checkEveryGateRan, GATE_NAMES, GATES, runPolicyGates } from './policy-gates';

// aws-cdk-lib leaves a gate that found nothing out of its validation report, so the gate tests could pass on a gate
// that never ran: these show that a gate which produced no report fails them instead. Every other gate test runs all
// the gates on a real stack, so it fails too when one of them does not run.

jest.setTimeout(120_000);

test('every gate ran: passes', () => {
  expect(() => checkEveryGateRan(new Set(GATE_NAMES))).not.toThrow();
});

test.each(GATE_NAMES)('the %s gate produced no report: fails, naming it', gate => {
  expect(() => checkEveryGateRan(new Set(GATE_NAMES.filter(name => name !== gate))))
    .toThrow(new RegExp(`^policy gate ${gate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} produced no report \\(ran: `));
});

test('the gates are the Control Tower controls, four cdk-nag packs and aws-cdk-lib\'s schema validation', () => {
  expect(GATE_NAMES).toEqual([GATES.controlTower, 'AwsSolutions', 'NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321', GATES.cloudFormationValidate]);
});

test('a run whose stacks are in another app fails: no gate ran, rather than no finding', () => {
  expect(() => runPolicyGates(() => {
    new sqs.Queue(new Stack(new App(), 'Elsewhere'), 'Queue');
  })).toThrow(`policy gates ${GATE_NAMES.join(', ')} produced no report (ran: none)`);
});
