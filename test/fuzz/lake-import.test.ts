import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { ACCOUNT, adversarialString, anyDate, anyDuration, bucket, eventDataStore, key, lift, madeRecord, make, merged, nearValid, propsOf, REGION, storeId, tokenString, uniqueId, validRecord } from './arbitraries';
import { expectAccepted, expectNoProblems, propertiesOf, stackEnv, Subject, Tally, trial } from './harness';
import { EventDataStoreKind, LakeEventDataStore, LakeImport, LakeImportProps } from '../../src';
import { importTimeRangeProblems, keyPrefixProblems, operationTimeoutProblems } from '../../src/core/operation-rules';
import { isRegion } from '../../src/core/partitions';
import { isUnresolved, Problem } from '../../src/core/problems';

const region = fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-7', 'us-gov-west-1', 'cn-north-1', 'eu-central-2');
const prefix = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,60}$/);
const flag = lift(fc.boolean());
const timeout = fc.integer({ min: 60, max: 55 * 60 }).map(seconds => make(`Duration.seconds(${seconds})`, () => Duration.seconds(seconds)));

/** A store trail events can be copied into: one of CloudTrail events, created or imported, or of unknown kind. */
const cloudTrailStore = fc.oneof(
  fc.constant(make('new LakeEventDataStore()', stack => new LakeEventDataStore(stack, uniqueId(stack, 'Store')))),
  fc.tuple(storeId, fc.constantFrom(undefined, EventDataStoreKind.CLOUDTRAIL_EVENTS)).map(([id, kind]) => make(`fromEventDataStoreAttributes(${id}, ${kind})`,
    stack => LakeEventDataStore.fromEventDataStoreAttributes(stack, uniqueId(stack, 'Store'), {
      eventDataStoreArn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/${id}`, kind,
    }))),
);
const role = fc.oneof(
  fc.constant(make('new iam.Role()', stack => new iam.Role(stack, uniqueId(stack, 'Role'), { assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com') }))),
  fc.constant(make('iam.Role.fromRoleArn()', stack => iam.Role.fromRoleArn(stack, uniqueId(stack, 'Role'), `arn:aws:iam::${ACCOUNT}:role/import`))),
);
const dates = fc.uniqueArray(fc.date({ min: new Date('2013-11-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
  { minLength: 2, maxLength: 2, selector: date => date.getTime() })
  .map(pair => pair.sort((a, b) => a.getTime() - b.getTime()))
  .map(([start, end]) => ({
    startEventTime: make(`new Date(${JSON.stringify(start.toISOString())})`, () => new Date(start.getTime())),
    endEventTime: make(`new Date(${JSON.stringify(end.toISOString())})`, () => new Date(end.getTime())),
  }));

/** Valid import props: the time range is one group, as its bounds depend on each other. */
const validProps = merged(
  validRecord({
    eventDataStore: cloudTrailStore,
    sourceBucket: bucket,
    sourcePrefix: fc.oneof(lift(prefix), tokenString(prefix)),
    sourceKey: key,
    sourceRegion: fc.oneof(lift(region), tokenString(region)),
    role,
    waitForCompletion: flag,
    timeout,
  }, ['eventDataStore', 'sourceBucket']),
  fc.oneof(fc.constant({}), dates.map(({ startEventTime }) => ({ startEventTime })), dates.map(({ endEventTime }) => ({ endEventTime })), dates),
);

/** Values of the props' types that break a rule, or may: a store of any kind, any date and any duration. */
const invalidProps = {
  eventDataStore,
  sourcePrefix: lift(fc.oneof(adversarialString, prefix.map(text => `/${text}`))),
  sourceRegion: lift(fc.oneof(nearValid(region), adversarialString)),
  startEventTime: anyDate,
  endEventTime: anyDate,
  timeout: anyDuration,
};
const OPTIONAL = ['sourcePrefix', 'sourceKey', 'sourceRegion', 'startEventTime', 'endEventTime', 'role', 'waitForCompletion', 'timeout'];

const SUBJECT: Subject = { path: 'Stack/Import', properties: [...Object.keys(invalidProps), 'waitForCompletion'] };

/** Sometimes an import before the one under test, which it follows; one that does not wait must be reported. */
const before = fc.option(fc.boolean(), { nil: undefined });

function buildImport(stack: Stack, props: unknown, earlierWaits: boolean | undefined): void {
  if (earlierWaits !== undefined) {
    new LakeImport(stack, 'Earlier', {
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, 'EarlierStore', `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/a1b2c3d4`),
      sourceBucket: s3.Bucket.fromBucketName(stack, 'EarlierLogs', 'earlier-trail-logs'),
      waitForCompletion: earlierWaits,
    });
  }
  new LakeImport(stack, 'Import', props as LakeImportProps);
}


function templateProblems(template: Template): Problem[] {
  const problems: Problem[] = [];
  for (const imported of propertiesOf(template, 'Custom::CloudTrailLakeImport')) {
    const date = (value: unknown) => (typeof value === 'string' ? new Date(value) : undefined);
    problems.push(...importTimeRangeProblems('StartEventTime', date(imported.StartEventTime), 'EndEventTime', date(imported.EndEventTime)));
    // StartImport S3LocationUri: s3://<bucket>[/<prefix>]
    const location = /^s3:\/\/([^/]+)(?:\/(.*))?$/s.exec(imported.S3LocationUri);
    expect(location).not.toBeNull();
    problems.push(...keyPrefixProblems('S3LocationUri prefix', location![2]));
    if (!isUnresolved(imported.S3BucketRegion) && !isRegion(imported.S3BucketRegion)) {
      problems.push({
        id: 'ImportSourceRegionFormat', property: 'S3BucketRegion', value: imported.S3BucketRegion, rule: 'must be an AWS Region name (StartImport S3BucketRegion)', fix: '',
      });
    }
    problems.push(...operationTimeoutProblems('TimeoutSeconds', Duration.seconds(Number(imported.TimeoutSeconds))));
  }
  return problems;
}

describe('LakeImport under fuzzing', () => {
  test('rejects only with ValidationErrors in the library format; every accepted import synthesizes and keeps every rule', () => {
    const tally = new Tally();
    const props = propsOf(validProps, invalidProps, { optional: OPTIONAL });
    fc.assert(fc.property(stackEnv, props, before, (env, made, earlierWaits) => {
      const outcome = tally.count(trial(env, made, (stack, values) => buildImport(stack, values, earlierWaits), SUBJECT));
      if (outcome.accepted) {
        expectNoProblems('Custom::CloudTrailLakeImport', templateProblems(outcome.template));
      }
    }), { seed: 4501, numRuns: 120 });
    expect(tally.accepted).toBeGreaterThanOrEqual(25);
    expect(tally.rejected).toBeGreaterThanOrEqual(25);
  });

  test('accepts every valid props object, alone or after an import that waits', () => {
    fc.assert(fc.property(stackEnv, validProps.map(madeRecord), fc.constantFrom(undefined, true), (env, made, earlierWaits) => {
      const outcome = expectAccepted(trial(env, made, (stack, values) => buildImport(stack, values, earlierWaits), SUBJECT));
      expectNoProblems('Custom::CloudTrailLakeImport', templateProblems(outcome.template));
    }), { seed: 4511, numRuns: 20 });
  });

  test('the harness sees a rejection: a time range that ends before it starts', () => {
    const outcome = trial('known', make('{ start after end }', stack => ({
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, 'Store', `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/a1b2c3d4`),
      sourceBucket: s3.Bucket.fromBucketName(stack, 'Logs', 'trail-logs'),
      startEventTime: new Date('2026-02-01T00:00:00Z'),
      endEventTime: new Date('2026-01-01T00:00:00Z'),
    })), (stack, values) => buildImport(stack, values, undefined), SUBJECT);
    expect(!outcome.accepted && outcome.error.constructor.name).toBe('ValidationError');
    expect(!outcome.accepted && outcome.error.message).toBe('[Stack/Import] [ImportTimeRange] startEventTime "2026-02-01T00:00:00.000Z": must be before endEventTime '
      + '2026-01-01T00:00:00.000Z (StartImport StartEventTime / EndEventTime). Fix: swap the two dates, or move startEventTime earlier');
  });

  test('the harness sees a rejection at synthesis: the import before does not wait', () => {
    const outcome = trial('known', make('{ imported store and bucket }', stack => ({
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, 'Store', `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/a1b2c3d4`),
      sourceBucket: s3.Bucket.fromBucketName(stack, 'Logs', 'trail-logs'),
    })), (stack, values) => buildImport(stack, values, false), SUBJECT);
    expect(!outcome.accepted && outcome.error.message).toMatch(/^Validation failed with the following errors:\n {2}\[Stack\/Import\] \[OneImportAtATime\] waitForCompletion of Stack\/Earlier false: /);
  });
});
