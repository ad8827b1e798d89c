import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import {
  accountId, adversarialString, bucket, hugeList, key, lift, make, Make, mostly, nearValid, propsOf, storeId, tokenString, validRecord,
} from './arbitraries';
import { expectAccepted, expectNoProblems, propertiesOf, stackEnv, Subject, Tally, trial } from './harness';
import { TrailProtectionPolicy, TrailProtectionPolicyProps } from '../../src';
import { organizationsPolicyNameProblems, protectionListProblems, servicePolicySizeProblems } from '../../src/core/trail-protection-rules';

const TYPE = 'AWS::Organizations::Policy';
const region = fc.constantFrom('us-east-1', 'eu-west-1', '*');
const trailArn = fc.tuple(region, fc.oneof(accountId, fc.constant('*')), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{2,40}\*?$/))
  .map(([r, account, name]) => `arn:aws:cloudtrail:${r}:${account}:trail/${name}`);
const storeArn = fc.tuple(region, accountId, storeId).map(([r, account, id]) => `arn:aws:cloudtrail:${r}:${account}:eventdatastore/${id}`);
const targetId = fc.oneof(
  fc.stringMatching(/^r-[0-9a-z]{4,32}$/),
  fc.stringMatching(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/),
  accountId,
);
const exemptArn = fc.tuple(fc.oneof(accountId, fc.constant('*')), fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,40}\*?$/))
  .map(([account, name]) => `arn:aws:iam::${account}:role/${name}`);

/** A list of made values: literal ones, now and then a token among them. */
function listOf(element: fc.Arbitrary<string>, minLength: number, maxLength: number): fc.Arbitrary<Make<string[]>> {
  const item = fc.oneof({ weight: 6, arbitrary: lift(element) }, { weight: 1, arbitrary: tokenString(element) });
  return fc.array(item, { minLength, maxLength }).map(items => make(`[${items.map(String).join(', ')}]`, stack => items.map(i => i(stack))));
}

function madeList<T>(element: fc.Arbitrary<Make<T>>, maxLength: number): fc.Arbitrary<Make<T[]>> {
  return fc.array(element, { minLength: 1, maxLength }).map(items => make(`[${items.map(String).join(', ')}]`, stack => items.map(i => i(stack))));
}

const validProps = validRecord({
  trailArns: listOf(trailArn, 1, 4),
  eventDataStoreArns: listOf(storeArn, 0, 3),
  logArchiveBuckets: madeList(bucket, 2),
  logArchiveKeys: madeList(key, 2),
  exemptPrincipalArns: listOf(exemptArn, 0, 3),
  targetIds: fc.uniqueArray(targetId, { minLength: 1, maxLength: 4 }).map(ids => make(JSON.stringify(ids), () => ids)),
  policyName: fc.oneof({ weight: 4, arbitrary: lift(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 128 })) },
    { weight: 1, arbitrary: tokenString(fc.constant('guardrail')) }),
  description: lift(fc.string({ unit: 'grapheme-ascii', maxLength: 512 })),
}, ['trailArns', 'targetIds']);

const invalidList = (valid: fc.Arbitrary<string>) => lift(fc.oneof(
  fc.constant<string[]>([]),
  fc.array(mostly(valid, fc.oneof(nearValid(valid), adversarialString)), { minLength: 1, maxLength: 4 }),
));

const props = propsOf(validProps, {
  trailArns: fc.oneof(invalidList(trailArn), lift(hugeList(trailArn, 60, 120))),
  eventDataStoreArns: invalidList(storeArn),
  exemptPrincipalArns: fc.oneof(invalidList(exemptArn), lift(fc.constant(['arn:aws:sts::222222222222:assumed-role/deploy/session']))),
  targetIds: fc.oneof(invalidList(targetId), lift(targetId.map(id => [id, id]))),
  policyName: lift(fc.oneof(nearValid(fc.constant('protect-trail')), adversarialString, fc.constant(''), fc.constant('p'.repeat(129)))),
  description: lift(fc.oneof(adversarialString, fc.constant('d'.repeat(513)))),
}, { optional: ['eventDataStoreArns', 'exemptPrincipalArns', 'policyName', 'description'] });

const SUBJECT: Subject = {
  path: 'Stack/Protection',
  properties: ['trailArns', 'eventDataStoreArns', 'exemptPrincipalArns', 'targetIds', 'policyName', 'description'],
  owner: 'TrailProtectionPolicy',
};

function build(stack: Stack, made: Record<string, unknown>): void {
  new TrailProtectionPolicy(stack, 'Protection', made as unknown as TrailProtectionPolicyProps);
}

/** Every rule, read back from what the template holds. */
function templateProblems(outcome: ReturnType<typeof expectAccepted>): void {
  const [policy] = propertiesOf(outcome.template, TYPE);
  const [raw] = Object.values(outcome.template.findResources(TYPE));
  expect(policy.Type).toBe('SERVICE_CONTROL_POLICY');
  const statements = policy.Content.Statement as Array<Record<string, any>>;
  const list = (value: unknown): string[] => (value === undefined ? [] : ([] as string[]).concat(value as string[]));
  const resourcesOf = (sid: string) => list(statements.find(s => s.Sid === sid)?.Resource);
  const exempt = list(statements[0].Condition?.ArnNotLike?.['aws:PrincipalArn']);
  expectNoProblems(TYPE, [
    ...protectionListProblems({
      trailArns: resourcesOf('DenyTrailTampering'),
      eventDataStoreArns: resourcesOf('DenyEventDataStoreTampering'),
      exemptPrincipalArns: exempt,
      targetIds: policy.TargetIds,
    }),
    ...organizationsPolicyNameProblems(policy.Name, policy.Description),
    ...servicePolicySizeProblems('Content', raw.Properties.Content),
  ]);
}

describe('TrailProtectionPolicy under fuzzing', () => {
  test('rejects only with ValidationErrors in the library format; every accepted policy keeps every rule', () => {
    const tally = new Tally();
    fc.assert(fc.property(stackEnv, props, (env, made) => {
      const outcome = tally.count(trial(env, made, build, SUBJECT));
      if (outcome.accepted) {
        templateProblems(outcome);
      }
    }), { seed: 1616, numRuns: 120 });
    expect(tally.accepted).toBeGreaterThanOrEqual(30);
    expect(tally.rejected).toBeGreaterThanOrEqual(30);
  });

  test('accepts every valid props object', () => {
    fc.assert(fc.property(stackEnv, validProps, (env, valid) => {
      const made = make(String(Object.keys(valid)), stack => Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, v(stack)])));
      templateProblems(expectAccepted(trial(env, made, build, SUBJECT)));
    }), { seed: 1626, numRuns: 40 });
  });
});
