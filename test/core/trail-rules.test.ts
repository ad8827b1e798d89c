import { Duration, Lazy, Token } from 'aws-cdk-lib';
import { InsightType, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { formatProblem, Problem } from '../../src/core/problems';
import {
  globalServiceEventsProblems,
  insightProblems,
  logFileExpirationProblems,
  PlacedTrail,
  s3KeyPrefixProblems,
  snsTopicNameProblems,
  trailQuotaProblems,
} from '../../src/core/trail-rules';

const INSIGHTS_SOURCE = 'PutInsightSelectors';
const CALL_RATE = InsightType.API_CALL_RATE;
const ERROR_RATE = InsightType.API_ERROR_RATE;

function callRateProblem(index: number, readWrite: string): Problem {
  return {
    id: 'InsightTypeManagementEvents',
    property: `insightTypes[${index}]`,
    value: 'ApiCallRateInsight',
    rule: `API call rate Insights analyze write management events, and managementEvents is ${readWrite} (${INSIGHTS_SOURCE})`,
    fix: 'set managementEvents to ReadWriteType.ALL or WRITE_ONLY, or drop this Insights type',
  };
}

function errorRateProblem(index: number): Problem {
  return {
    id: 'InsightTypeManagementEvents',
    property: `insightTypes[${index}]`,
    value: 'ApiErrorRateInsight',
    rule: `API error rate Insights analyze read or write management events, and managementEvents is ReadWriteType.NONE (${INSIGHTS_SOURCE})`,
    fix: 'log management events, or drop this Insights type',
  };
}

function duplicateProblem(index: number, value: string): Problem {
  return { id: 'InsightTypesUnique', property: `insightTypes[${index}]`, value, rule: `lists ${value} twice (${INSIGHTS_SOURCE})`, fix: 'list each Insights type once' };
}

const tokens = [
  { kind: 'Token.asString', token: Token.asString({ Ref: 'X' }) },
  { kind: 'Lazy.string', token: Lazy.string({ produce: () => 'x'.repeat(1000) }) },
  { kind: 'a string embedding a token', token: `logs/${Token.asString({ Ref: 'X' })}/` },
];

describe('s3KeyPrefixProblems', () => {
  const RULE_201 = 'must be at most 200 characters long, got 201 (CreateTrail S3KeyPrefix)';
  const FIX = 'shorten it to at most 200 characters';

  test.each([
    { why: 'undefined', prefix: undefined },
    { why: 'the empty string', prefix: '' },
    { why: 'a usual prefix', prefix: 'AWSLogs/o-a1b2c3d4e5' },
    { why: '199 characters', prefix: 'p'.repeat(199) },
    { why: '200 characters', prefix: 'p'.repeat(200) },
    { why: '200 emoji (400 UTF-16 code units)', prefix: '😀'.repeat(200) },
    { why: '200 accented letters', prefix: 'é'.repeat(200) },
  ])('accepts $why', ({ prefix }) => {
    expect(s3KeyPrefixProblems('s3KeyPrefix', prefix)).toStrictEqual([]);
  });

  test('rejects 201 characters', () => {
    const prefix = 'p'.repeat(201);
    expect(s3KeyPrefixProblems('s3KeyPrefix', prefix)).toStrictEqual([{ id: 'S3KeyPrefixLength', property: 's3KeyPrefix', value: prefix, rule: RULE_201, fix: FIX }]);
  });

  test('formats the problem as one line, cutting the value', () => {
    expect(s3KeyPrefixProblems('s3KeyPrefix', 'p'.repeat(201)).map(formatProblem)).toEqual([
      `[S3KeyPrefixLength] s3KeyPrefix "${'p'.repeat(58)}… (length 201): ${RULE_201}. Fix: ${FIX}`,
    ]);
  });

  test('rejects 201 emoji, counting code points', () => {
    const prefix = '😀'.repeat(201);
    expect(s3KeyPrefixProblems('s3KeyPrefix', prefix)).toStrictEqual([{ id: 'S3KeyPrefixLength', property: 's3KeyPrefix', value: prefix, rule: RULE_201, fix: FIX }]);
  });

  test('counts a combining accent as its own code point', () => {
    // 'e' + U+0301 is one grapheme but two code points.
    expect(s3KeyPrefixProblems('s3KeyPrefix', 'e\u0301'.repeat(100))).toStrictEqual([]);
    expect(s3KeyPrefixProblems('s3KeyPrefix', 'e\u0301'.repeat(101)).map(p => [p.id, p.rule])).toEqual([
      ['S3KeyPrefixLength', 'must be at most 200 characters long, got 202 (CreateTrail S3KeyPrefix)'],
    ]);
  });

  test('reports the length it counted', () => {
    expect(s3KeyPrefixProblems('s3KeyPrefix', 'p'.repeat(1000)).map(p => [p.id, p.rule])).toEqual([
      ['S3KeyPrefixLength', 'must be at most 200 characters long, got 1000 (CreateTrail S3KeyPrefix)'],
    ]);
  });

  test('reports under the given property', () => {
    expect(s3KeyPrefixProblems('props.s3KeyPrefix', 'p'.repeat(201)).map(p => [p.id, p.property])).toEqual([['S3KeyPrefixLength', 'props.s3KeyPrefix']]);
  });

  test.each(tokens)('skips $kind', ({ token }) => {
    expect(s3KeyPrefixProblems('s3KeyPrefix', token)).toStrictEqual([]);
  });
});

describe('snsTopicNameProblems', () => {
  const RULE_257 = 'the topic name must be at most 256 characters long, got 257 (CreateTrail SnsTopicName)';
  const FIX = 'use a topic whose name has at most 256 characters';

  test.each([
    { why: 'a usual name', name: 'trail-notifications' },
    { why: '255 characters', name: 't'.repeat(255) },
    { why: '256 characters', name: 't'.repeat(256) },
    { why: '256 emoji (512 UTF-16 code units)', name: '😀'.repeat(256) },
  ])('accepts $why', ({ name }) => {
    expect(snsTopicNameProblems('topic', name)).toStrictEqual([]);
  });

  test('rejects 257 characters', () => {
    const name = 't'.repeat(257);
    expect(snsTopicNameProblems('topic', name)).toStrictEqual([{ id: 'SnsTopicNameLength', property: 'topic', value: name, rule: RULE_257, fix: FIX }]);
  });

  test('rejects 257 emoji, counting code points', () => {
    const name = '😀'.repeat(257);
    expect(snsTopicNameProblems('topic', name)).toStrictEqual([{ id: 'SnsTopicNameLength', property: 'topic', value: name, rule: RULE_257, fix: FIX }]);
  });

  test('formats the problem as one line', () => {
    expect(snsTopicNameProblems('topic', 't'.repeat(257)).map(formatProblem)).toEqual([
      `[SnsTopicNameLength] topic "${'t'.repeat(58)}… (length 257): ${RULE_257}. Fix: ${FIX}`,
    ]);
  });

  test.each(tokens)('skips $kind', ({ token }) => {
    expect(snsTopicNameProblems('topic', token)).toStrictEqual([]);
  });
});

describe('globalServiceEventsProblems', () => {
  const REJECTED: Problem = {
    id: 'MultiRegionTrailGlobalServiceEvents',
    property: 'includeGlobalServiceEvents',
    value: false,
    rule: 'a multi-Region trail must include global service events (CreateTrail InvalidParameterCombinationException)',
    fix: 'leave includeGlobalServiceEvents on, or set isMultiRegionTrail to false',
  };

  test.each([
    { isMultiRegionTrail: false, includeGlobalServiceEvents: false, expected: [] },
    { isMultiRegionTrail: false, includeGlobalServiceEvents: true, expected: [] },
    { isMultiRegionTrail: true, includeGlobalServiceEvents: true, expected: [] },
    { isMultiRegionTrail: true, includeGlobalServiceEvents: false, expected: [REJECTED] },
  ])('isMultiRegionTrail $isMultiRegionTrail, includeGlobalServiceEvents $includeGlobalServiceEvents', ({ isMultiRegionTrail, includeGlobalServiceEvents, expected }) => {
    expect(globalServiceEventsProblems(isMultiRegionTrail, includeGlobalServiceEvents)).toStrictEqual(expected);
  });

  test('formats the problem as one line', () => {
    expect(globalServiceEventsProblems(true, false).map(formatProblem)).toEqual([
      '[MultiRegionTrailGlobalServiceEvents] includeGlobalServiceEvents false: a multi-Region trail must include global service events (CreateTrail InvalidParameterCombinationException). '
        + 'Fix: leave includeGlobalServiceEvents on, or set isMultiRegionTrail to false',
    ]);
  });
});

describe('insightProblems', () => {
  // Every Insights type against every ReadWriteType: API call rate needs write events, API error rate needs any.
  test.each([
    { type: 'API_CALL_RATE', insight: CALL_RATE, readWrite: ReadWriteType.ALL, expected: [] },
    { type: 'API_CALL_RATE', insight: CALL_RATE, readWrite: ReadWriteType.WRITE_ONLY, expected: [] },
    { type: 'API_CALL_RATE', insight: CALL_RATE, readWrite: ReadWriteType.READ_ONLY, expected: [callRateProblem(0, 'ReadWriteType.READ_ONLY')] },
    { type: 'API_CALL_RATE', insight: CALL_RATE, readWrite: ReadWriteType.NONE, expected: [callRateProblem(0, 'ReadWriteType.NONE')] },
    { type: 'API_ERROR_RATE', insight: ERROR_RATE, readWrite: ReadWriteType.ALL, expected: [] },
    { type: 'API_ERROR_RATE', insight: ERROR_RATE, readWrite: ReadWriteType.WRITE_ONLY, expected: [] },
    { type: 'API_ERROR_RATE', insight: ERROR_RATE, readWrite: ReadWriteType.READ_ONLY, expected: [] },
    { type: 'API_ERROR_RATE', insight: ERROR_RATE, readWrite: ReadWriteType.NONE, expected: [errorRateProblem(0)] },
  ])('InsightType.$type with managementEvents $readWrite', ({ insight, readWrite, expected }) => {
    expect(insightProblems([insight], readWrite)).toStrictEqual(expected);
  });

  test.each([ReadWriteType.ALL, ReadWriteType.WRITE_ONLY])('accepts both types with managementEvents %s', readWrite => {
    expect(insightProblems([CALL_RATE, ERROR_RATE], readWrite)).toStrictEqual([]);
  });

  test('rejects API call rate only, with both types and managementEvents ReadOnly', () => {
    expect(insightProblems([ERROR_RATE, CALL_RATE], ReadWriteType.READ_ONLY)).toStrictEqual([callRateProblem(1, 'ReadWriteType.READ_ONLY')]);
  });

  test('rejects both types with managementEvents None, each at its index', () => {
    expect(insightProblems([CALL_RATE, ERROR_RATE], ReadWriteType.NONE)).toStrictEqual([callRateProblem(0, 'ReadWriteType.NONE'), errorRateProblem(1)]);
  });

  test('formats the call rate problem as one line', () => {
    expect(insightProblems([CALL_RATE], ReadWriteType.READ_ONLY).map(formatProblem)).toEqual([
      '[InsightTypeManagementEvents] insightTypes[0] "ApiCallRateInsight": API call rate Insights analyze write management events, and managementEvents is ReadWriteType.READ_ONLY '
        + `(${INSIGHTS_SOURCE}). Fix: set managementEvents to ReadWriteType.ALL or WRITE_ONLY, or drop this Insights type`,
    ]);
  });

  test.each([
    { why: 'API call rate twice', types: [CALL_RATE, CALL_RATE], expected: [duplicateProblem(1, 'ApiCallRateInsight')] },
    { why: 'API error rate twice', types: [ERROR_RATE, ERROR_RATE], expected: [duplicateProblem(1, 'ApiErrorRateInsight')] },
    {
      why: 'a type repeated after another',
      types: [ERROR_RATE, CALL_RATE, ERROR_RATE],
      expected: [duplicateProblem(2, 'ApiErrorRateInsight')],
    },
    {
      why: 'a type three times',
      types: [CALL_RATE, CALL_RATE, CALL_RATE],
      expected: [duplicateProblem(1, 'ApiCallRateInsight'), duplicateProblem(2, 'ApiCallRateInsight')],
    },
  ])('rejects $why', ({ types, expected }) => {
    expect(insightProblems(types, ReadWriteType.ALL)).toStrictEqual(expected);
  });

  test('reports a duplicate once, not again against managementEvents', () => {
    expect(insightProblems([CALL_RATE, CALL_RATE], ReadWriteType.READ_ONLY)).toStrictEqual([
      callRateProblem(0, 'ReadWriteType.READ_ONLY'),
      duplicateProblem(1, 'ApiCallRateInsight'),
    ]);
  });

  test('formats the duplicate problem as one line', () => {
    expect(insightProblems([CALL_RATE, CALL_RATE], ReadWriteType.ALL).map(formatProblem)).toEqual([
      `[InsightTypesUnique] insightTypes[1] "ApiCallRateInsight": lists ApiCallRateInsight twice (${INSIGHTS_SOURCE}). Fix: list each Insights type once`,
    ]);
  });

  test.each([ReadWriteType.ALL, ReadWriteType.NONE])('rejects an empty list (managementEvents %s)', readWrite => {
    expect(insightProblems([], readWrite)).toStrictEqual([{
      id: 'InsightTypesEmpty',
      property: 'insightTypes',
      value: [],
      rule: `an empty list turns Insights off, which leaving it out already does (${INSIGHTS_SOURCE})`,
      fix: 'leave insightTypes out',
    }]);
  });

  test('formats the empty-list problem as one line', () => {
    expect(insightProblems([], ReadWriteType.ALL).map(formatProblem)).toEqual([
      `[InsightTypesEmpty] insightTypes []: an empty list turns Insights off, which leaving it out already does (${INSIGHTS_SOURCE}). Fix: leave insightTypes out`,
    ]);
  });

  test('accepts undefined, whatever managementEvents is', () => {
    for (const readWrite of [ReadWriteType.ALL, ReadWriteType.READ_ONLY, ReadWriteType.WRITE_ONLY, ReadWriteType.NONE]) {
      expect(insightProblems(undefined, readWrite)).toStrictEqual([]);
    }
  });

  test.each([
    { kind: 'Token.asList', token: Token.asList({ Ref: 'X' }) },
    { kind: 'Lazy.list', token: Lazy.list({ produce: () => [] }) },
    { kind: 'Lazy.any', token: Lazy.any({ produce: () => 'ApiCallRateInsight' }) },
  ])('skips $kind, even with managementEvents None', ({ token }) => {
    expect(insightProblems(token as unknown as InsightType[], ReadWriteType.NONE)).toStrictEqual([]);
  });
});

describe('trailQuotaProblems', () => {
  const ACCOUNT = '111111111111';
  const OTHER_ACCOUNT = '222222222222';
  const FIX = 'combine trails: one organization trail with advanced event selectors logs what several trails would';

  function quotaRule(count: number, region: string, account = ACCOUNT): string {
    return `this app puts ${count} trails in account ${account}, Region ${region} (multi-Region trails count in every Region); `
      + 'CloudTrail allows at most 5 (CloudTrail quotas, MaximumNumberOfTrailsExceededException)';
  }

  function quotaProblem(paths: string[], region: string, account = ACCOUNT): Problem {
    return { id: 'TrailQuota', property: 'trail', value: paths, rule: quotaRule(paths.length, region, account), fix: FIX };
  }

  function single(path: string, region = 'us-east-1', account = ACCOUNT): PlacedTrail {
    return { path, account, region, isMultiRegionTrail: false };
  }

  function multi(path: string, region = 'us-east-1', account = ACCOUNT): PlacedTrail {
    return { path, account, region, isMultiRegionTrail: true };
  }

  function singles(count: number, region = 'us-east-1', account = ACCOUNT, prefix = 'T'): PlacedTrail[] {
    return Array.from({ length: count }, (_, i) => single(`S/${prefix}${i + 1}`, region, account));
  }

  function problemsOfEach(all: PlacedTrail[]): Problem[][] {
    return all.map(trail => trailQuotaProblems(trail, all));
  }

  test('accepts a lone trail', () => {
    const trail = single('S/T1');
    expect(trailQuotaProblems(trail, [trail])).toStrictEqual([]);
  });

  test('accepts 5 single-Region trails in one Region', () => {
    expect(problemsOfEach(singles(5))).toStrictEqual([[], [], [], [], []]);
  });

  test('reports 6 single-Region trails in one Region once, on the first, listing them all', () => {
    const all = singles(6);
    const paths = ['S/T1', 'S/T2', 'S/T3', 'S/T4', 'S/T5', 'S/T6'];
    expect(problemsOfEach(all)).toStrictEqual([[quotaProblem(paths, 'us-east-1')], [], [], [], [], []]);
  });

  test('formats the quota problem as one line', () => {
    const all = singles(6);
    expect(trailQuotaProblems(all[0], all).map(formatProblem)).toEqual([
      '[TrailQuota] trail ["S/T1","S/T2","S/T3","S/T4","S/T5","S/T6"]: this app puts 6 trails in account 111111111111, Region us-east-1 '
        + '(multi-Region trails count in every Region); CloudTrail allows at most 5 (CloudTrail quotas, MaximumNumberOfTrailsExceededException). '
        + `Fix: ${FIX}`,
    ]);
  });

  test('accepts 5 multi-Region trails homed in different Regions', () => {
    const all = [multi('S/M1', 'us-east-1'), multi('S/M2', 'eu-west-1'), multi('S/M3', 'ap-south-1'), multi('S/M4', 'us-west-2'), multi('S/M5', 'sa-east-1')];
    expect(problemsOfEach(all)).toStrictEqual([[], [], [], [], []]);
  });

  test('accepts 3 single-Region trails and 2 multi-Region trails in one Region', () => {
    const all = [...singles(3), multi('S/M1'), multi('S/M2')];
    expect(problemsOfEach(all)).toStrictEqual([[], [], [], [], []]);
  });

  test('counts accounts separately: 5 + 5 trails in one Region of two accounts', () => {
    const all = [...singles(5, 'us-east-1', ACCOUNT, 'A'), ...singles(5, 'us-east-1', OTHER_ACCOUNT, 'B')];
    expect(problemsOfEach(all).flat()).toStrictEqual([]);
  });

  test('counts Regions separately: 5 + 5 single-Region trails in two Regions of one account', () => {
    const all = [...singles(5, 'us-east-1', ACCOUNT, 'A'), ...singles(5, 'eu-west-1', ACCOUNT, 'B')];
    expect(problemsOfEach(all).flat()).toStrictEqual([]);
  });

  test('does not count multi-Region trails of another account', () => {
    const all = [...singles(5), multi('S/M1', 'us-east-1', OTHER_ACCOUNT), multi('S/M2', 'eu-west-1', OTHER_ACCOUNT)];
    expect(problemsOfEach(all).flat()).toStrictEqual([]);
  });

  test('reports only the account over the quota', () => {
    const all = [...singles(6, 'us-east-1', OTHER_ACCOUNT, 'B'), ...singles(5, 'us-east-1', ACCOUNT, 'A')];
    const paths = ['S/B1', 'S/B2', 'S/B3', 'S/B4', 'S/B5', 'S/B6'];
    expect(problemsOfEach(all)).toStrictEqual([
      [quotaProblem(paths, 'us-east-1', OTHER_ACCOUNT)], [], [], [], [], [],
      [], [], [], [], [],
    ]);
  });

  describe('4 single-Region trails in us-east-1 and 2 multi-Region trails homed in eu-west-1', () => {
    const all = [...singles(4), multi('S/M1', 'eu-west-1'), multi('S/M2', 'eu-west-1'), single('S/E1', 'eu-west-1')];
    const paths = ['S/T1', 'S/T2', 'S/T3', 'S/T4', 'S/M1', 'S/M2'];

    test('rejects a us-east-1 trail, listing the multi-Region trails too', () => {
      expect(trailQuotaProblems(all[0], all)).toStrictEqual([quotaProblem(paths, 'us-east-1')]);
    });

    test('reports us-east-1 once, on its first trail: not again on the multi-Region trails, nor for their home Region', () => {
      expect(trailQuotaProblems(all[4], all)).toStrictEqual([]);
      expect(trailQuotaProblems(all[5], all)).toStrictEqual([]);
      expect(problemsOfEach(all).flat()).toStrictEqual([quotaProblem(paths, 'us-east-1')]);
    });

    test('a multi-Region trail placed first reports every Region over the quota', () => {
      const first = [multi('S/M0', 'eu-west-1'), ...all];
      expect(trailQuotaProblems(first[0], first)).toStrictEqual([
        quotaProblem(['S/M0', 'S/T1', 'S/T2', 'S/T3', 'S/T4', 'S/M1', 'S/M2'], 'us-east-1'),
      ]);
    });

    test('accepts the single-Region trail in eu-west-1, where only 3 trails exist', () => {
      expect(trailQuotaProblems(all[6], all)).toStrictEqual([]);
    });

    test('names us-east-1 in the message', () => {
      expect(trailQuotaProblems(all[0], all).map(p => [p.id, p.rule])).toEqual([['TrailQuota', quotaRule(6, 'us-east-1')]]);
    });
  });

  test('counts multi-Region trails in a Region where none of them is homed', () => {
    const all = [
      multi('S/M1'), multi('S/M2'), multi('S/M3'), multi('S/M4'), multi('S/M5'),
      single('S/P1', 'ap-south-1'),
    ];
    const paths = ['S/M1', 'S/M2', 'S/M3', 'S/M4', 'S/M5', 'S/P1'];
    expect(problemsOfEach(all)).toStrictEqual([[quotaProblem(paths, 'ap-south-1')], [], [], [], [], []]);
  });

  test('rejects 6 multi-Region trails homed in 6 Regions', () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-south-1', 'us-west-2', 'sa-east-1', 'ca-central-1'];
    const all = regions.map((region, i) => multi(`S/M${i + 1}`, region));
    const paths = ['S/M1', 'S/M2', 'S/M3', 'S/M4', 'S/M5', 'S/M6'];
    // Every Region is over the quota, and the first trail of each is M1: it reports each Region once.
    expect(problemsOfEach(all)).toStrictEqual([regions.map(region => quotaProblem(paths, region)), [], [], [], [], []]);
  });

  test('reports the count of a larger excess', () => {
    const all = singles(9);
    expect(trailQuotaProblems(all[0], all).map(p => [p.id, p.rule])).toEqual([['TrailQuota', quotaRule(9, 'us-east-1')]]);
  });
});

describe('logFileExpirationProblems', () => {
  const SOURCE = 'AWS::S3::Bucket Rule ExpirationInDays';

  test.each([undefined, Duration.days(1), Duration.days(2557), Duration.hours(48), Duration.days(Token.asNumber({ Ref: 'Days' }))])(
    'accepts %s', expiration => {
      expect(logFileExpirationProblems('logFileExpiration', expiration)).toEqual([]);
    });

  test.each([
    [Duration.hours(36), 'Duration.hours(36)'],
    [Duration.days(0), 'Duration.days(0)'],
    [Duration.days(1.5), 'Duration.days(1.5)'],
    [Duration.days(NaN), 'Duration.days(NaN)'],
  ])('rejects %s, which S3 cannot take', (expiration, shown) => {
    expect(logFileExpirationProblems('logFileExpiration', expiration).map(formatProblem)).toEqual([
      `[LogFileExpirationDays] logFileExpiration "${shown}": must be a whole number of days, at least 1 (${SOURCE}). Fix: use Duration.days(n) with a whole n of 1 or more`,
    ]);
  });
});
