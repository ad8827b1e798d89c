import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as fc from 'fast-check';
import { accountId, adversarialString, anyDuration, bucket, eventDataStore, lift, madeRecord, make, merged, nearValid, propsOf, uniqueId, validRecord } from './arbitraries';
import { expectAccepted, expectNoProblems, literal, propertiesOf, stackEnv, Subject, Tally, trial } from './harness';
import { IEventDataStore, LakeEventDataStore, LakeQuery, LakeQueryProps, ScheduledLakeQuery, ScheduledLakeQueryProps } from '../../src';
import { CUSTOM_RESOURCE_TIMEOUT_MINUTES } from '../../src/core/limits';
import { operationTimeoutProblems } from '../../src/core/operation-rules';
import { accountIdProblems } from '../../src/core/organization';
import { isUnresolved, Problem } from '../../src/core/problems';
import { deliveryS3UriProblems, queryStatementProblems } from '../../src/core/query-rules';

/** Where a statement names its store: replaced by the store's ID when the query is built. */
const STORE = '{store}';

const column = fc.constantFrom('eventName', 'eventSource', 'userIdentity.arn', 'count(*)', '*', 'recipientAccountId');
const validStatement = fc.oneof(
  fc.tuple(fc.array(column, { minLength: 1, maxLength: 3 }), fc.constantFrom('', ' WHERE eventTime > \'2026-01-01\'', ' LIMIT 10', ' GROUP BY eventName'))
    .map(([columns, tail]) => `SELECT ${columns.join(', ')} FROM ${STORE}${tail}`),
  fc.constant(`WITH recent AS (SELECT * FROM ${STORE} WHERE eventTime > '2026-01-01') SELECT eventName FROM recent`),
  fc.constant(`-- who deleted what\nSELECT userIdentity.arn, eventName FROM ${STORE} WHERE eventName LIKE 'Delete%';`),
  fc.constant(`select "eventName" from ${STORE} where eventName = 'a;b'`),
);
const invalidStatement = fc.oneof(
  nearValid(validStatement),
  adversarialString,
  fc.constantFrom(`DELETE FROM ${STORE}`, `SELECT * FROM ${STORE}; DROP TABLE ${STORE}`, 'SELECT * FROM other', `WITH x AS (1) ${STORE}`, '  ;;  ',
    `/* SELECT */ UPDATE ${STORE} SET x = 1`),
  fc.integer({ min: 10_001, max: 12_000 }).map(length => `SELECT * FROM ${STORE} WHERE x = '${'x'.repeat(length)}'`),
);
const prefix = fc.stringMatching(/^[a-z0-9][a-z0-9/_-]{0,40}$/);
const timeout = fc.integer({ min: 60, max: 55 * 60 }).map(seconds => make(`Duration.seconds(${seconds})`, () => Duration.seconds(seconds)));
const flag = lift(fc.boolean());
const ownerAccountId = lift(accountId);
const invalidOwnerAccountId = lift(fc.oneof(nearValid(accountId), adversarialString));

const validQuery = merged(
  validRecord({
    eventDataStore, queryStatement: lift(validStatement), waitForCompletion: flag, timeout, eventDataStoreOwnerAccountId: ownerAccountId,
  }, ['eventDataStore', 'queryStatement']),
  fc.oneof(validRecord({}), validRecord({ deliveryBucket: bucket, deliveryPrefix: lift(prefix) }, ['deliveryBucket'])),
);
/** Values of the props' types that break a rule, or may: any store, which the statement names, and any duration. */
const invalidQuery = {
  eventDataStore,
  queryStatement: lift(invalidStatement),
  deliveryPrefix: lift(fc.oneof(adversarialString, prefix.map(text => `/${text}`), prefix.map(text => `${text}/`.repeat(40)))),
  timeout: anyDuration,
  eventDataStoreOwnerAccountId: invalidOwnerAccountId,
};
const QUERY_OPTIONAL = ['deliveryPrefix', 'deliveryBucket', 'waitForCompletion', 'timeout', 'eventDataStoreOwnerAccountId'];

const schedule = fc.oneof(
  fc.integer({ min: 1, max: 48 }).map(hours => make(`rate(${hours} hours)`, () => scheduler.ScheduleExpression.rate(Duration.hours(hours)))),
  fc.constant(make('cron(0 6 * * ? *)', () => scheduler.ScheduleExpression.cron({ minute: '0', hour: '6' }))),
);
const topic = fc.oneof(
  fc.constant(make('new sns.Topic()', stack => new sns.Topic(stack, uniqueId(stack, 'Topic')))),
  fc.constant(make('sns.Topic.fromTopicArn()', stack => sns.Topic.fromTopicArn(stack, uniqueId(stack, 'Topic'), 'arn:aws:sns:us-east-1:111111111111:findings'))),
);
const validScheduled = validRecord({
  eventDataStore,
  queryStatement: lift(validStatement),
  schedule,
  deliveryBucket: bucket,
  deliveryPrefix: lift(prefix),
  topic,
  enabled: flag,
  description: lift(fc.string({ maxLength: 200 })),
  eventDataStoreOwnerAccountId: ownerAccountId,
}, ['eventDataStore', 'queryStatement', 'schedule', 'deliveryBucket']);
const invalidScheduled = {
  eventDataStore,
  queryStatement: lift(invalidStatement),
  deliveryPrefix: invalidQuery.deliveryPrefix,
  description: lift(fc.oneof(adversarialString, fc.string({ minLength: 513, maxLength: 600 }))),
  eventDataStoreOwnerAccountId: invalidOwnerAccountId,
};
const SCHEDULED_OPTIONAL = ['deliveryPrefix', 'topic', 'enabled', 'description', 'eventDataStoreOwnerAccountId'];

const QUERY: Subject = {
  path: 'Stack/Query', properties: ['queryStatement', 'deliveryPrefix', 'deliveryBucket', 'timeout', 'waitForCompletion', 'eventDataStoreOwnerAccountId'],
};
const SCHEDULED: Subject = { path: 'Stack/Query', properties: ['queryStatement', 'deliveryPrefix', 'deliveryBucket', 'description', 'eventDataStoreOwnerAccountId'] };

/** The props with the store's ID in place of the placeholder, as a user interpolates it. */
function withStoreId(props: unknown): unknown {
  if (typeof props !== 'object' || props === null) {
    return props;
  }
  const { eventDataStore: store, queryStatement } = props as { eventDataStore: IEventDataStore; queryStatement: string };
  return { ...props, queryStatement: queryStatement.split(STORE).join(store.eventDataStoreId) };
}

/** The store ID an ARN in the template names: its last segment, or a token. */
function idOf(arn: string): string {
  return isUnresolved(arn) ? arn : arn.split('/').pop()!;
}

function statementProblems(property: string, statement: unknown, storeArn: unknown, uri: unknown, owner: unknown): Problem[] {
  return [
    ...queryStatementProblems(property, statement as string, typeof storeArn === 'string' ? [idOf(storeArn)] : []),
    ...(typeof uri === 'string' ? deliveryS3UriProblems('DeliveryS3Uri', uri) : []),
    // StartQuery EventDataStoreOwnerAccountId: an account ID
    ...(owner === undefined ? [] : accountIdProblems('EventDataStoreOwnerAccountId', typeof owner === 'string' ? owner : JSON.stringify(owner))),
  ];
}

function queryProblems(template: Template): Problem[] {
  const problems: Problem[] = [];
  for (const query of propertiesOf(template, 'Custom::CloudTrailLakeQuery')) {
    problems.push(...statementProblems('QueryStatement', query.QueryStatement, query.EventDataStoreArn, query.DeliveryS3Uri, query.EventDataStoreOwnerAccountId));
    problems.push(...operationTimeoutProblems('TimeoutSeconds', Duration.seconds(Number(query.TimeoutSeconds))));
    // AWS::CloudFormation::CustomResource ServiceTimeout: at most 3600 seconds
    expect(Number(query.ServiceTimeout)).toBeLessThanOrEqual(CUSTOM_RESOURCE_TIMEOUT_MINUTES * 60);
  }
  return problems;
}

function scheduledProblems(template: Template): Problem[] {
  return propertiesOf(template, 'AWS::Scheduler::Schedule').flatMap(resource => {
    const input = JSON.parse(literal(resource.Target.Input));
    return statementProblems('queryStatement', input.queryStatement, input.eventDataStoreArn, input.deliveryS3Uri, input.eventDataStoreOwnerAccountId);
  });
}

/**
 * Sometimes ten queries before the one under test, which then waits for the first of them (ten run at
 * once at most); a first one that does not wait must be reported.
 */
const before = fc.option(fc.boolean(), { nil: undefined });

function buildQuery(stack: Stack, props: unknown, firstWaits: boolean | undefined): void {
  if (firstWaits !== undefined) {
    const store = LakeEventDataStore.fromEventDataStoreArn(stack, 'Before', 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4');
    for (let i = 0; i < 10; i++) {
      new LakeQuery(stack, `Earlier${i}`, { eventDataStore: store, queryStatement: 'SELECT * FROM a1b2c3d4', waitForCompletion: i > 0 || firstWaits });
    }
  }
  new LakeQuery(stack, 'Query', withStoreId(props) as LakeQueryProps);
}

describe('LakeQuery under fuzzing', () => {
  test('rejects only with ValidationErrors in the library format; every accepted query synthesizes and keeps every rule', () => {
    const tally = new Tally();
    const props = propsOf(validQuery, invalidQuery, { optional: QUERY_OPTIONAL });
    fc.assert(fc.property(stackEnv, props, before, (env, made, beforeWaits) => {
      const outcome = tally.count(trial(env, made, (stack, values) => buildQuery(stack, values, beforeWaits), QUERY));
      if (outcome.accepted) {
        expectNoProblems('Custom::CloudTrailLakeQuery', queryProblems(outcome.template));
      }
    }), { seed: 4401, numRuns: 120 });
    expect(tally.accepted).toBeGreaterThanOrEqual(25);
    expect(tally.rejected).toBeGreaterThanOrEqual(25);
  });

  test('accepts every valid props object, alone or after ten queries the first of which waits', () => {
    fc.assert(fc.property(stackEnv, validQuery.map(madeRecord), fc.constantFrom(undefined, true), (env, made, firstWaits) => {
      const outcome = expectAccepted(trial(env, made, (stack, values) => buildQuery(stack, values, firstWaits), QUERY));
      expectNoProblems('Custom::CloudTrailLakeQuery', queryProblems(outcome.template));
    }), { seed: 4411, numRuns: 20 });
  });

  test('the harness sees a rejection: a statement that changes data', () => {
    const outcome = trial('known', make('{ imported store, DELETE }', stack => ({
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, 'Store', 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4'),
      queryStatement: `DELETE FROM ${STORE}`,
    })), (stack, values) => buildQuery(stack, values, undefined), QUERY);
    expect(!outcome.accepted && outcome.error.constructor.name).toBe('ValidationError');
    expect(!outcome.accepted && outcome.error.message).toBe('[Stack/Query] [QueryStatementReadOnly] queryStatement "DELETE FROM a1b2c3d4": must be a read-only SELECT query '
      + '(or WITH … SELECT), and it starts with \'DELETE\' (StartQuery QueryStatement). Fix: write a SELECT query; CloudTrail Lake cannot change data');
  });

  test('the harness sees a rejection at synthesis: the query before does not wait', () => {
    const outcome = trial('known', make('{ imported store }', stack => ({
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, 'Store', 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4'),
      queryStatement: `SELECT * FROM ${STORE}`,
    })), (stack, values) => buildQuery(stack, values, false), QUERY);
    expect(!outcome.accepted && outcome.error.message).toMatch(/^Validation failed with the following errors:\n {2}\[Stack\/Query\] \[ConcurrentQueriesQuota\] waitForCompletion of Stack\/Earlier0 false: /);
  });
});

describe('ScheduledLakeQuery under fuzzing', () => {
  test('rejects only with ValidationErrors in the library format; every accepted query synthesizes and keeps every rule', () => {
    const tally = new Tally();
    const props = propsOf(validScheduled, invalidScheduled, { optional: SCHEDULED_OPTIONAL });
    fc.assert(fc.property(stackEnv, props, (env, made) => {
      const outcome = tally.count(trial(env, made, (stack, values) => {
        new ScheduledLakeQuery(stack, 'Query', withStoreId(values) as ScheduledLakeQueryProps);
      }, SCHEDULED));
      if (outcome.accepted) {
        expectNoProblems('AWS::Scheduler::Schedule', scheduledProblems(outcome.template));
      }
    }), { seed: 4402, numRuns: 100 });
    expect(tally.accepted).toBeGreaterThanOrEqual(20);
    expect(tally.rejected).toBeGreaterThanOrEqual(20);
  });

  test('accepts every valid props object', () => {
    fc.assert(fc.property(stackEnv, validScheduled.map(madeRecord), (env, made) => {
      const outcome = expectAccepted(trial(env, made, (stack, values) => {
        new ScheduledLakeQuery(stack, 'Query', withStoreId(values) as ScheduledLakeQueryProps);
      }, SCHEDULED));
      expectNoProblems('AWS::Scheduler::Schedule', scheduledProblems(outcome.template));
    }), { seed: 4412, numRuns: 20 });
  });

  test('the harness sees a rejection: a description longer than EventBridge Scheduler takes', () => {
    const outcome = trial('known', make('{ imported store, long description }', stack => ({
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, 'Store', 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4'),
      queryStatement: `SELECT * FROM ${STORE}`,
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      deliveryBucket: s3.Bucket.fromBucketName(stack, 'Results', 'query-results'),
      description: 'd'.repeat(513),
    })), (stack, values) => new ScheduledLakeQuery(stack, 'Query', withStoreId(values) as ScheduledLakeQueryProps), SCHEDULED);
    expect(!outcome.accepted && outcome.error.message).toMatch(/^\[Stack\/Query\] \[ScheduleDescriptionLength\] description "d+… \(length 513\): must be 0 to 512 characters long/);
  });
});
