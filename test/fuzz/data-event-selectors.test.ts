import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { CfnEventDataStore, CfnTrail, ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as fc from 'fast-check';
import {
  anyDataEventSelectors, constantly, excludedSources, just, lift, madeRecord, make, merged, validDataEventSelectors, validRecord,
} from './arbitraries';
import { expectAccepted, expectNoProblems, propertiesOf, selectorsOf, stackEnv, Subject, Tally, trial } from './harness';
import { DataEventSelectors, ManagementEventOptions } from '../../src';
import { SelectorTarget } from '../../src/selectors/field-rules';
import { advancedSelectorProblems } from '../../src/selectors/selector-validation';

const TARGETS: SelectorTarget[] = ['trail', 'eventDataStore'];
const RESOURCE_TYPES: Record<SelectorTarget, string> = {
  trail: 'AWS::CloudTrail::Trail',
  eventDataStore: 'AWS::CloudTrail::EventDataStore',
  telemetryRule: 'AWS::ObservabilityAdmin::TelemetryRule',
};
const SUBJECT: Subject = { path: 'Stack/Target', properties: ['dataEvents', 'managementEvents', 'excludeManagementEventSources', 'eventSelectors'] };

/** Management options that go with any data events, and those that need some. */
const validOptions = fc.oneof(
  validRecord({
    managementEvents: lift(fc.constantFrom(ReadWriteType.ALL, ReadWriteType.READ_ONLY, ReadWriteType.WRITE_ONLY)),
    excludeManagementEventSources: excludedSources,
  }),
  validRecord({ managementEvents: constantly(ReadWriteType.NONE) }, ['managementEvents']),
);
const { KMS, RDS_DATA_API } = ManagementEventSources;

/** Management options with wrong values: sources excluded twice, or excluded from no management events. */
const wrongOptions = fc.oneof(
  validRecord({ managementEvents: constantly(ReadWriteType.NONE), excludeManagementEventSources: excludedSources },
    ['managementEvents', 'excludeManagementEventSources']),
  validRecord({
    managementEvents: lift(fc.constantFrom(ReadWriteType.ALL, ReadWriteType.READ_ONLY, ReadWriteType.WRITE_ONLY)),
    excludeManagementEventSources: lift(fc.constantFrom([KMS, KMS], [RDS_DATA_API, KMS, RDS_DATA_API])),
  }, ['excludeManagementEventSources']),
);
const options = fc.oneof({ weight: 3, arbitrary: validOptions }, { weight: 1, arbitrary: wrongOptions }).map(madeRecord);

/** No data events at all: valid unless management events are ReadWriteType.NONE. */
const noDataEvents = fc.constant(make('new DataEventSelectors()', () => new DataEventSelectors()));

/**
 * Selectors and what they are applied with: valid selectors two times in three, so that synthesis is
 * exercised, and now and then a trail that has basic event selectors already.
 */
const input = merged(
  fc.oneof({ weight: 12, arbitrary: validRecord({ dataEvents: validDataEventSelectors }, ['dataEvents']) },
    { weight: 6, arbitrary: validRecord({ dataEvents: anyDataEventSelectors }, ['dataEvents']) },
    { weight: 1, arbitrary: validRecord({ dataEvents: noDataEvents }, ['dataEvents']) }),
  validRecord({ options, basicSelectors: lift(fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })) }, ['options']),
).map(madeRecord);

interface Applied {
  readonly dataEvents: DataEventSelectors;
  readonly options: ManagementEventOptions;
  readonly basicSelectors?: boolean;
}

/** Applies the selectors to a new L1 trail or store, reading the builder's getters first as a user might. */
function apply(stack: Stack, target: SelectorTarget, { dataEvents, options: given, basicSelectors }: Applied): void {
  expect(Array.isArray(dataEvents.advancedEventSelectors)).toBe(true);
  expect(Number.isInteger(dataEvents.valueCount)).toBe(true);
  if (target === 'trail') {
    const trail = new CfnTrail(stack, 'Target', { isLogging: true, s3BucketName: 'audit-logs' });
    trail.eventSelectors = basicSelectors ? [{ readWriteType: 'All' }] : undefined;
    dataEvents.applyToCfnTrail(trail, given);
  } else {
    dataEvents.applyToCfnEventDataStore(new CfnEventDataStore(stack, 'Target', {}), given);
  }
}

describe.each(TARGETS)('DataEventSelectors under fuzzing, applied to an L1 %s', target => {
  test('rejects only with ValidationErrors in the library format; every accepted set synthesizes and keeps every rule', () => {
    const tally = new Tally();
    fc.assert(fc.property(stackEnv, input, (env, made) => {
      let applied: Applied | undefined;
      const outcome = tally.count(trial(env, made, (stack, values) => {
        applied = values as unknown as Applied;
        apply(stack, target, applied);
      }, SUBJECT));
      if (outcome.accepted) {
        for (const resource of propertiesOf(outcome.template, RESOURCE_TYPES[target])) {
          const selectors = selectorsOf(resource.AdvancedEventSelectors);
          expectNoProblems(RESOURCE_TYPES[target], advancedSelectorProblems(
            selectors.map((selector, i) => ({ selector, property: `AdvancedEventSelectors[${i}]` })),
            { target, declaredTypes: applied!.dataEvents._declaredTypes() },
          ));
        }
      }
    }), { seed: target === 'trail' ? 4301 : 4302, numRuns: 150 });
    expect(tally.accepted).toBeGreaterThanOrEqual(30);
    expect(tally.rejected).toBeGreaterThanOrEqual(30);
  });

  test('accepts every valid set: valid selectors with management options that go with them', () => {
    const valid = merged(validRecord({ dataEvents: validDataEventSelectors }, ['dataEvents']), validRecord({ options: validOptions.map(madeRecord) }, ['options']))
      .map(madeRecord);
    fc.assert(fc.property(stackEnv, valid, (env, made) => {
      let applied: Applied | undefined;
      const outcome = expectAccepted(trial(env, made, (stack, values) => {
        applied = values as unknown as Applied;
        apply(stack, target, applied);
      }, SUBJECT));
      for (const resource of propertiesOf(outcome.template, RESOURCE_TYPES[target])) {
        expectNoProblems(RESOURCE_TYPES[target], advancedSelectorProblems(
          selectorsOf(resource.AdvancedEventSelectors).map((selector, i) => ({ selector, property: `AdvancedEventSelectors[${i}]` })),
          { target, declaredTypes: applied!.dataEvents._declaredTypes() },
        ));
      }
    }), { seed: target === 'trail' ? 4311 : 4312, numRuns: 20 });
  });

  test('no message, rejection or warning, shows \'undefined\'', () => {
    let rejections = 0;
    fc.assert(fc.property(stackEnv, input, (env, made) => {
      const outcome = trial(env, made, (stack, values) => apply(stack, target, values as unknown as Applied), SUBJECT);
      if (outcome.accepted) {
        const texts = Annotations.fromStack(outcome.stack).findWarning('*', Match.anyValue()).map(entry => String(entry.entry.data));
        texts.forEach(text => expect(text).not.toMatch(/undefined/));
      } else {
        rejections++;
        expect(outcome.error.message).not.toMatch(/undefined/);
      }
    }), { seed: target === 'trail' ? 4311 : 4312, numRuns: 100 });
    expect(rejections).toBeGreaterThanOrEqual(20);
  });

  test('the harness sees a rejection: an empty list of buckets', () => {
    const outcome = trial('known', just({ dataEvents: new DataEventSelectors().addS3Objects({ buckets: [] }), options: {} }),
      (stack, values) => apply(stack, target, values as unknown as Applied), SUBJECT);
    expect(!outcome.accepted && outcome.error.constructor.name).toBe('ValidationError');
    expect(!outcome.accepted && outcome.error.message).toBe('[Stack/Target] [ResourceListNotEmpty] dataEvents.addS3Objects(#1).buckets []: an empty list would log every bucket, '
      + 'which is rarely what an empty list means. Fix: name at least one bucket, or leave the option out to log every bucket');
  });

  test('the harness sees a rejection at synthesis: a selector added after it was applied', () => {
    const dataEvents = new DataEventSelectors().addLambdaFunctions();
    const outcome = trial('known', just({ dataEvents, options: {} }), (stack, values) => {
      apply(stack, target, values as unknown as Applied);
      dataEvents.addS3Objects({ buckets: [] });
    }, SUBJECT);
    expect(!outcome.accepted && outcome.error.message).toBe('Validation failed with the following errors:\n  [Stack/Target] [ResourceListNotEmpty] dataEvents.addS3Objects(#1).buckets []: an empty list would log every bucket, '
      + 'which is rarely what an empty list means. Fix: name at least one bucket, or leave the option out to log every bucket');
  });
});
