import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LakeEventDataStore, ScheduledLakeQuery } from '../../src';
import { scansWholeStore } from '../../src/core/query-rules';
import { errorOf } from '../util';

// Issue 17, ScheduledLakeQuery cost guards: a statement without a time window warns, and schedules that could need
// more than CloudTrail Lake's 10 concurrent queries are rejected at synth.

const STORE_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const WINDOWED = `SELECT eventName FROM ${STORE_ID} WHERE eventTime > date_add('hour', -1, now())`;
const ENV = { account: '111111111111', region: 'us-east-1' };

function scheduled(stack: Stack, id: string, schedule: scheduler.ScheduleExpression, queryStatement = WINDOWED): ScheduledLakeQuery {
  return new ScheduledLakeQuery(stack, id, {
    eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, `${id}Store`, `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/${STORE_ID}`),
    queryStatement,
    schedule,
    deliveryBucket: s3.Bucket.fromBucketName(stack, `${id}Results`, 'results-bucket'),
  });
}

const every = (minutes: number) => scheduler.ScheduleExpression.rate(Duration.minutes(minutes));

describe('a statement without a time window', () => {
  test.each<[string, boolean]>([
    [`SELECT eventName FROM ${STORE_ID}`, true],
    [`SELECT eventName FROM ${STORE_ID} WHERE userIdentity.type = 'Root'`, true],
    [WINDOWED, false],
    [`SELECT eventName FROM ${STORE_ID} WHERE EventTime >= '2026-01-01 00:00:00'`, false],
    [`SELECT eventTime, eventName FROM ${STORE_ID} WHERE userIdentity.type = 'Root' ORDER BY eventTime`, true],
    [`SELECT eventName FROM ${STORE_ID}\nwhere\n  eventTime > date_add('day', -1, now())`, false],
    [`SELECT eventName, count(*) FROM ${STORE_ID} WHERE readOnly = false GROUP BY eventName HAVING max(eventTime) > now()`, true],
    [`SELECT * FROM (SELECT eventName FROM ${STORE_ID} WHERE eventTime > date_add('hour', -1, now())) LIMIT 10`, false],
  ])('%s scans the whole store: %s', (statement, scans) => {
    expect(scansWholeStore(statement)).toBe(scans);
  });

  test('warns with the cost reason and the fix; a windowed statement does not', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    scheduled(stack, 'Unbounded', every(60), `SELECT eventName FROM ${STORE_ID}`);
    scheduled(stack, 'Windowed', every(60));
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Unbounded', Match.stringLikeRegexp(
      '^\\[ScheduledQueryUnboundedScan\\] queryStatement has no condition on eventTime: every run scans the whole event data store, and CloudTrail Lake bills '
      + "the data each query scans\\. Add a window the size of the schedule, e\\.g\\. WHERE eventTime > date_add\\('hour', -1, now\\(\\)\\) for an hourly schedule\\."));
    expect(annotations.findWarning('/Stack/Windowed', Match.stringLikeRegexp('ScheduledQueryUnboundedScan'))).toEqual([]);
  });
});

describe('the concurrent-queries quota', () => {
  test('one query every minute may need 15 queries at once: rejected at synth with the rule id and the exact message', () => {
    const app = new App();
    scheduled(new Stack(app, 'Stack', { env: ENV }), 'EveryMinute', every(1));
    expect(errorOf(() => app.synth()).message).toContain('[Stack/EveryMinute] [ScheduledQueryConcurrency] schedule ["Stack/EveryMinute: 15 at once"]: '
      + 'these scheduled queries may hold 15 queries running at once in account 111111111111, Region us-east-1: a run is given 15 minutes, so a query may '
      + 'hold as many as it starts within any 15 minutes; CloudTrail Lake runs at most 10 (StartQuery MaxConcurrentQueriesException). '
      + 'Fix: run the queries less often, or combine them into one query');
  });

  test.each<[string, number[], boolean]>([
    ['one query every 2 minutes (8)', [2], true],
    ['two queries every 3 minutes (5 + 5)', [3, 3], true],
    ['three queries every 3 minutes (15)', [3, 3, 3], false],
    ['hourly and daily queries', [60, 60, 1440, 1440, 60], true],
  ])('%s', (_, intervals, accepted) => {
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: ENV });
    intervals.forEach((minutes, i) => scheduled(stack, `Query${i}`, every(minutes)));
    if (accepted) {
      expect(() => app.synth()).not.toThrow();
    } else {
      expect(() => app.synth()).toThrow(/\[Stack\/Query0\] \[ScheduledQueryConcurrency\]/);
    }
  });

  test('queries of other accounts or Regions do not count together', () => {
    const app = new App();
    scheduled(new Stack(app, 'A', { env: ENV }), 'Query', every(3));
    scheduled(new Stack(app, 'B', { env: { ...ENV, account: '222222222222' } }), 'Query', every(3));
    scheduled(new Stack(app, 'C', { env: { ...ENV, region: 'eu-west-1' } }), 'Query', every(3));
    scheduled(new Stack(app, 'D', { env: ENV }), 'Query', every(3));
    expect(() => app.synth()).not.toThrow();
  });

  test('queries in two stacks of one account and Region count together, reported once on the first', () => {
    const app = new App();
    scheduled(new Stack(app, 'A', { env: ENV }), 'Query', every(2));
    scheduled(new Stack(app, 'B', { env: ENV }), 'Query', every(2));
    const message = errorOf(() => app.synth()).message;
    expect(message).toContain('[A/Query] [ScheduledQueryConcurrency] schedule ["A/Query: 8 at once","B/Query: 8 at once"]: these scheduled queries may hold 16');
    expect(message).not.toContain('[B/Query]');
  });

  test('a cron whose runs crowd into a few minutes counts every run it starts within 15 minutes', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: ENV });
    scheduled(stack, 'Burst', scheduler.ScheduleExpression.cron({ minute: '0,1,2,3,4,5,6,7,8,9,10' }));
    expect(errorOf(() => app.synth()).message).toContain('[Stack/Burst] [ScheduledQueryConcurrency] schedule ["Stack/Burst: 11 at once"]');
  });

  test('a schedule given as a token is not counted', () => {
    const app = new App();
    scheduled(new Stack(app, 'Stack', { env: ENV }), 'Query', scheduler.ScheduleExpression.expression(Lazy.string({ produce: () => 'rate(1 minute)' })));
    expect(() => app.synth()).not.toThrow();
  });
});
