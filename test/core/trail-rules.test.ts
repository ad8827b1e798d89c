import { Duration, Lazy, Token } from 'aws-cdk-lib';
import { InsightType, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { ObjectLockRetention } from 'aws-cdk-lib/aws-s3';
import { formatProblem, Problem } from '../../src/core/problems';
import {
  aggregationTemplateProblems,
  dataEventFeatureProblems,
  globalServiceEventsProblems,
  insightProblems,
  logFileExpirationProblems,
  managementEventCopy,
  objectLockRetentionProblems,
  PlacedTrail,
  s3KeyPrefixProblems,
  snsTopicNameProblems,
  TrailCoverage,
  trailArnProblems,
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
  // the literal alone is over every length limit: only the token skip accepts it
  { kind: 'a long literal beside a token', token: `${'x'.repeat(300)}${Token.asString({ Ref: 'X' })}` },
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

  test('skips a token number of days', () => {
    expect(logFileExpirationProblems('logFileExpiration', Duration.days(Token.asNumber({ Ref: 'Days' })))).toStrictEqual([]);
  });
});

describe('s3KeyPrefixProblems and Unicode text', () => {
  function loneSurrogate(value: string, index: number): Problem {
    return {
      id: 'UnicodeText',
      property: 's3KeyPrefix',
      value,
      rule: `contains the lone surrogate \\ud800 at index ${index}, half of a character, which is not Unicode text (template JSON)`,
      fix: 'remove it, or complete the character it belongs to',
    };
  }

  test('rejects a lone surrogate in a short prefix', () => {
    expect(s3KeyPrefixProblems('s3KeyPrefix', 'logs\ud800')).toStrictEqual([loneSurrogate('logs\ud800', 4)]);
  });

  test('reports a lone surrogate and the length together', () => {
    const prefix = `${'p'.repeat(200)}\ud800`;
    expect(s3KeyPrefixProblems('s3KeyPrefix', prefix)).toStrictEqual([
      loneSurrogate(prefix, 200),
      {
        id: 'S3KeyPrefixLength',
        property: 's3KeyPrefix',
        value: prefix,
        rule: 'must be at most 200 characters long, got 201 (CreateTrail S3KeyPrefix)',
        fix: 'shorten it to at most 200 characters',
      },
    ]);
  });
});

describe('insightProblems with insightEventCategories', () => {
  const SOURCE = 'InsightSelector EventCategories';

  function needsTypes(categories: string[]): Problem {
    return {
      id: 'InsightEventCategoriesNeedTypes',
      property: 'insightEventCategories',
      value: categories,
      rule: `names the events Insights analyze, and no Insights type is enabled (${SOURCE})`,
      fix: 'add insightTypes, or leave insightEventCategories out',
    };
  }

  const EMPTY: Problem = {
    id: 'InsightEventCategoriesEmpty',
    property: 'insightEventCategories',
    value: [],
    rule: `an empty list analyzes no events, and leaving it out analyzes management events (${SOURCE})`,
    fix: 'name InsightEventCategory.MANAGEMENT, DATA or both, or leave insightEventCategories out',
  };

  function categoryTwice(index: number, category: string): Problem {
    return {
      id: 'InsightEventCategoriesUnique',
      property: `insightEventCategories[${index}]`,
      value: category,
      rule: `lists ${category} twice (${SOURCE})`,
      fix: 'list each category once',
    };
  }

  const EMPTY_TYPES: Problem = {
    id: 'InsightTypesEmpty',
    property: 'insightTypes',
    value: [],
    rule: `an empty list turns Insights off, which leaving it out already does (${INSIGHTS_SOURCE})`,
    fix: 'leave insightTypes out',
  };
  const { ALL, NONE, READ_ONLY, WRITE_ONLY } = ReadWriteType;

  test.each<[string, InsightType[] | undefined, ReadWriteType, string[], Problem[]]>([
    ['Data only: management events are not analyzed', [CALL_RATE, ERROR_RATE], NONE, ['Data'], []],
    ['Management, read-only events', [CALL_RATE], READ_ONLY, ['Management'], [callRateProblem(0, 'ReadWriteType.READ_ONLY')]],
    ['Data and Management, no management events', [CALL_RATE, ERROR_RATE], NONE, ['Data', 'Management'], [callRateProblem(0, 'ReadWriteType.NONE'), errorRateProblem(1)]],
    ['Management and Data, every management event', [CALL_RATE, ERROR_RATE], ALL, ['Management', 'Data'], []],
    ['no Insights type', undefined, ALL, ['Management'], [needsTypes(['Management'])]],
    ['no Insights type and no category', undefined, ALL, [], [needsTypes([]), EMPTY]],
    ['an empty list, which analyzes no management events', [CALL_RATE], NONE, [], [EMPTY]],
    ['an empty list of types', [], ALL, ['Management'], [EMPTY_TYPES]],
    ['Data twice', [CALL_RATE], ALL, ['Data', 'Data'], [categoryTwice(1, 'Data')]],
    ['Management three times after Data', [CALL_RATE], ALL, ['Management', 'Data', 'Management', 'Management'],
      [categoryTwice(2, 'Management'), categoryTwice(3, 'Management')]],
    ['both types and both categories, each once', [ERROR_RATE, CALL_RATE], WRITE_ONLY, ['Data', 'Management'], []],
    ['repeated categories and types, categories first', [CALL_RATE, CALL_RATE], READ_ONLY, ['Management', 'Management'],
      [categoryTwice(1, 'Management'), callRateProblem(0, 'ReadWriteType.READ_ONLY'), duplicateProblem(1, 'ApiCallRateInsight')]],
  ])('%s', (_, types, readWrite, categories, expected) => {
    expect(insightProblems(types, readWrite, categories)).toStrictEqual(expected);
  });

  test('formats each category problem as one line', () => {
    expect([...insightProblems(undefined, ReadWriteType.ALL, []), ...insightProblems([CALL_RATE], ReadWriteType.ALL, ['Data', 'Data'])].map(formatProblem)).toEqual([
      `[InsightEventCategoriesNeedTypes] insightEventCategories []: names the events Insights analyze, and no Insights type is enabled (${SOURCE}). `
        + 'Fix: add insightTypes, or leave insightEventCategories out',
      `[InsightEventCategoriesEmpty] insightEventCategories []: an empty list analyzes no events, and leaving it out analyzes management events (${SOURCE}). `
        + 'Fix: name InsightEventCategory.MANAGEMENT, DATA or both, or leave insightEventCategories out',
      `[InsightEventCategoriesUnique] insightEventCategories[1] "Data": lists Data twice (${SOURCE}). Fix: list each category once`,
    ]);
  });

  test('takes token categories as analyzing management events, and checks nothing else of them', () => {
    expect(insightProblems([CALL_RATE], ReadWriteType.READ_ONLY, Token.asList({ Ref: 'Categories' }))).toStrictEqual([callRateProblem(0, 'ReadWriteType.READ_ONLY')]);
    expect(insightProblems(undefined, ReadWriteType.ALL, Token.asList({ Ref: 'Categories' }))).toStrictEqual([]);
  });

  test('checks the categories of token Insights types', () => {
    const types = Token.asList({ Ref: 'Types' }) as unknown as InsightType[];
    expect(insightProblems(types, ReadWriteType.NONE, ['Management', 'Management'])).toStrictEqual([categoryTwice(1, 'Management')]);
  });

  test('names a managementEvents value that is no ReadWriteType member as it is', () => {
    expect(insightProblems([CALL_RATE], 'Custom' as ReadWriteType)).toStrictEqual([callRateProblem(0, 'Custom')]);
  });
});

describe('dataEventFeatureProblems', () => {
  const AGGREGATION = (templates: string[]): Problem => ({
    id: 'AggregationNeedsDataEvents',
    property: 'dataEventAggregation',
    value: templates,
    rule: 'aggregates data events, and the trail logs none (AggregationConfiguration EventCategory Data; User Guide, "Aggregating data events")',
    fix: 'add data events to dataEvents (e.g. addS3Objects), or leave dataEventAggregation out',
  });
  const DATA_INSIGHTS = (index: number): Problem => ({
    id: 'DataInsightsNeedDataEvents',
    property: `insightEventCategories[${index}]`,
    value: 'Data',
    rule: 'Insights on data events analyze the trail\'s read or write data events, and the trail logs none (PutInsightSelectors)',
    fix: 'add data events to dataEvents, or drop InsightEventCategory.DATA',
  });

  test.each<[string, string[] | undefined, string[] | undefined, boolean, Problem[]]>([
    ['both features with data events', ['API_ACTIVITY'], ['Management', 'Data'], true, []],
    ['neither feature', undefined, undefined, false, []],
    ['aggregation without data events', ['API_ACTIVITY'], undefined, false, [AGGREGATION(['API_ACTIVITY'])]],
    ['an empty aggregation (its own rule)', [], undefined, false, []],
    ['token templates', Token.asList({ Ref: 'Templates' }), undefined, false, []],
    ['Insights on data events only', undefined, ['Data'], false, [DATA_INSIGHTS(0)]],
    ['Insights on management and data events', undefined, ['Management', 'Data'], false, [DATA_INSIGHTS(1)]],
    ['Insights on management events', undefined, ['Management'], false, []],
    ['both features without data events', ['API_ACTIVITY', 'USER_ACTIONS'], ['Data'], false, [AGGREGATION(['API_ACTIVITY', 'USER_ACTIONS']), DATA_INSIGHTS(0)]],
  ])('%s', (_, templates, categories, logsDataEvents, expected) => {
    expect(dataEventFeatureProblems(templates, categories, logsDataEvents)).toStrictEqual(expected);
  });

  test('formats both problems as one line each', () => {
    expect(dataEventFeatureProblems(['API_ACTIVITY'], ['Data'], false).map(formatProblem)).toEqual([
      '[AggregationNeedsDataEvents] dataEventAggregation ["API_ACTIVITY"]: aggregates data events, and the trail logs none (AggregationConfiguration '
        + 'EventCategory Data; User Guide, "Aggregating data events"). Fix: add data events to dataEvents (e.g. addS3Objects), or leave dataEventAggregation out',
      '[DataInsightsNeedDataEvents] insightEventCategories[0] "Data": Insights on data events analyze the trail\'s read or write data events, and the trail '
        + 'logs none (PutInsightSelectors). Fix: add data events to dataEvents, or drop InsightEventCategory.DATA',
    ]);
  });
});

describe('aggregationTemplateProblems', () => {
  const SOURCE = 'AggregationConfiguration Templates';
  const FORMAT_RULE = `a template is named by its API name, uppercase letters, digits and underscores, like API_ACTIVITY (${SOURCE})`;
  const FORMAT_FIX = 'use AggregationTemplate.API_ACTIVITY, RESOURCE_ACCESS or USER_ACTIONS, or AggregationTemplate.of with the API name';

  function formatProblemAt(index: number, template: string): Problem {
    return { id: 'AggregationTemplateFormat', property: `dataEventAggregation[${index}]`, value: template, rule: FORMAT_RULE, fix: FORMAT_FIX };
  }

  function names(count: number): string[] {
    return Array.from({ length: count }, (_, i) => `T${i}`);
  }

  test.each([
    { why: 'undefined', templates: undefined },
    { why: 'a token list', templates: Token.asList({ Ref: 'Templates' }) },
    { why: 'one template', templates: ['API_ACTIVITY'] },
    { why: 'the three named templates', templates: ['API_ACTIVITY', 'RESOURCE_ACCESS', 'USER_ACTIONS'] },
    { why: 'one-letter, digit and underscore names', templates: ['A', 'A1', 'A_', 'B_2_C'] },
    { why: '50 templates', templates: names(50) },
    { why: 'a token template', templates: [Token.asString({ Ref: 'Template' })] },
  ])('accepts $why', ({ templates }) => {
    expect(aggregationTemplateProblems(templates)).toStrictEqual([]);
  });

  test('rejects an empty list, naming a template to add', () => {
    expect(aggregationTemplateProblems([])).toStrictEqual([{
      id: 'AggregationTemplateCount',
      property: 'dataEventAggregation',
      value: [],
      rule: `takes 1 to 50 templates (${SOURCE})`,
      fix: 'name a template, e.g. AggregationTemplate.API_ACTIVITY, or leave dataEventAggregation out',
    }]);
  });

  test('rejects 51 templates, showing their count', () => {
    expect(aggregationTemplateProblems(names(51))).toStrictEqual([{
      id: 'AggregationTemplateCount',
      property: 'dataEventAggregation',
      value: '51 templates',
      rule: `takes 1 to 50 templates (${SOURCE})`,
      fix: 'list each template once',
    }]);
  });

  test.each(['api_activity', 'Api_Activity', '1API', '_API', 'API-ACTIVITY', 'API ACTIVITY', ' API', 'API ', ''])('rejects the name "%s"', template => {
    expect(aggregationTemplateProblems([template])).toStrictEqual([formatProblemAt(0, template)]);
  });

  test('reports each bad name at its index, after the count', () => {
    const templates = [...names(50), 'bad', 'worse-'];
    expect(aggregationTemplateProblems(['API_ACTIVITY', 'bad', 'USER_ACTIONS', 'worse'])).toStrictEqual([formatProblemAt(1, 'bad'), formatProblemAt(3, 'worse')]);
    expect(aggregationTemplateProblems(templates).map(p => [p.id, p.property])).toEqual([
      ['AggregationTemplateCount', 'dataEventAggregation'],
      ['AggregationTemplateFormat', 'dataEventAggregation[50]'],
      ['AggregationTemplateFormat', 'dataEventAggregation[51]'],
    ]);
  });

  test('formats the format problem as one line', () => {
    expect(aggregationTemplateProblems(['api_activity']).map(formatProblem)).toEqual([
      `[AggregationTemplateFormat] dataEventAggregation[0] "api_activity": ${FORMAT_RULE}. Fix: ${FORMAT_FIX}`,
    ]);
  });
});

describe('trailArnProblems', () => {
  const ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/';

  function arnProblem(arn: string, property = 'trailArn'): Problem {
    return {
      id: 'TrailArnFormat',
      property,
      value: arn,
      rule: 'must be a trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (CreateTrail TrailARN)',
      fix: 'copy the ARN from `aws cloudtrail describe-trails` (TrailARN)',
    };
  }

  test.each([
    ['a trail ARN', `${ARN}my-trail`],
    ['a name with every allowed punctuation', `${ARN}Audit.Trail_1`],
    ['a China Region in aws-cn', 'arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/my-trail'],
    ['a GovCloud Region in aws-us-gov', 'arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/my-trail'],
    ['a token', Token.asString({ Ref: 'TrailArn' })],
    ['an ARN with a token account', `arn:aws:cloudtrail:us-east-1:${Token.asString({ Ref: 'AWS::AccountId' })}:trail/my-trail`],
    ['an ARN with a token name of an invalid text', `${ARN}-${Token.asString({ Ref: 'Name' })}`],
  ])('accepts %s', (_, arn) => {
    expect(trailArnProblems('trailArn', arn)).toStrictEqual([]);
  });

  test.each([
    ['a Region of another partition', 'arn:aws-cn:cloudtrail:us-east-1:123456789012:trail/my-trail'],
    ['a China Region in the aws partition', 'arn:aws:cloudtrail:cn-north-1:123456789012:trail/my-trail'],
    ['another service', 'arn:aws:s3:us-east-1:123456789012:trail/my-trail'],
    ['an 11-digit account', 'arn:aws:cloudtrail:us-east-1:12345678901:trail/my-trail'],
    ['an event data store', 'arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/my-store'],
    ['an unknown partition', 'arn:aws-xx:cloudtrail:us-east-1:123456789012:trail/my-trail'],
    ['a name only', 'my-trail'],
    ['the empty string', ''],
  ])('rejects %s', (_, arn) => {
    expect(trailArnProblems('trailArn', arn)).toStrictEqual([arnProblem(arn)]);
  });

  test('reports under the given property', () => {
    expect(trailArnProblems('props.trailArn', 'my-trail')).toStrictEqual([arnProblem('my-trail', 'props.trailArn')]);
  });

  test('checks the name by the trail name rules, under the ARN\'s property', () => {
    expect(trailArnProblems('trailArn', `${ARN}my--trail`).map(p => [p.id, p.property, p.value])).toEqual([['TrailNameSeparators', 'trailArn', 'my--trail']]);
    expect(trailArnProblems('trailArn', `${ARN}ab`).map(p => [p.id, p.property, p.value])).toEqual([['TrailNameLength', 'trailArn', 'ab']]);
  });

  test('formats the ARN problem as one line', () => {
    expect(trailArnProblems('trailArn', 'my-trail').map(formatProblem)).toEqual([
      '[TrailArnFormat] trailArn "my-trail": must be a trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (CreateTrail TrailARN). '
        + 'Fix: copy the ARN from `aws cloudtrail describe-trails` (TrailARN)',
    ]);
  });
});

describe('managementEventCopy', () => {
  const MANAGEMENT = '111111111111';
  const MEMBER = '222222222222';

  function coverage(path: string, overrides: Partial<TrailCoverage> = {}): TrailCoverage {
    return { path, account: MANAGEMENT, region: 'us-east-1', isMultiRegionTrail: true, isOrganizationTrail: false, readEvents: true, writeEvents: true, ...overrides };
  }

  const organization = (path: string, overrides: Partial<TrailCoverage> = {}) => coverage(path, { isOrganizationTrail: true, ...overrides });
  const single = (path: string, region: string, overrides: Partial<TrailCoverage> = {}) =>
    coverage(path, { isMultiRegionTrail: false, region, ...overrides });

  test.each<[string, TrailCoverage, TrailCoverage, { account: string; ifMember: boolean; region?: string } | undefined]>([
    ['two multi-Region trails of one account', coverage('A'), coverage('B', { region: 'eu-west-1' }), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['a single-Region trail after a multi-Region one', coverage('A'), single('B', 'eu-west-1'), { account: MANAGEMENT, ifMember: false, region: 'eu-west-1' }],
    ['a multi-Region trail after a single-Region one', single('A', 'eu-west-1'), coverage('B'), { account: MANAGEMENT, ifMember: false, region: 'eu-west-1' }],
    ['single-Region trails of one Region', single('A', 'eu-west-1'), single('B', 'eu-west-1'), { account: MANAGEMENT, ifMember: false, region: 'eu-west-1' }],
    ['single-Region trails of two Regions', single('A', 'us-east-1'), single('B', 'eu-west-1'), undefined],
    ['trails of two accounts', coverage('A'), coverage('B', { account: MEMBER }), undefined],
    ['single-Region trails of two accounts in one Region', single('A', 'us-east-1'), single('B', 'us-east-1', { account: MEMBER }), undefined],
    ['a read-only and a write-only trail', coverage('A', { writeEvents: false }), coverage('B', { readEvents: false }), undefined],
    ['a write-only and a read-only trail', coverage('A', { readEvents: false }), coverage('B', { writeEvents: false }), undefined],
    ['two read-only trails', coverage('A', { writeEvents: false }), coverage('B', { writeEvents: false }), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['two write-only trails', coverage('A', { readEvents: false }), coverage('B', { readEvents: false }), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['a read-only trail after an all-events one', coverage('A'), coverage('B', { writeEvents: false }), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['a member account trail after an organization trail', organization('Org'), coverage('B', { account: MEMBER }), { account: MEMBER, ifMember: true, region: undefined }],
    ['an organization trail after a member account trail', coverage('A', { account: MEMBER }), organization('Org'), { account: MEMBER, ifMember: true, region: undefined }],
    ['a management account trail after an organization trail', organization('Org'), coverage('B'), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['an organization trail after a management account trail', coverage('A'), organization('Org'), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['a member trail in one Region after a single-Region organization trail', organization('Org', { isMultiRegionTrail: false, region: 'eu-west-1' }),
      single('B', 'eu-west-1', { account: MEMBER }), { account: MEMBER, ifMember: true, region: 'eu-west-1' }],
    ['a member trail in another Region than a single-Region organization trail', organization('Org', { isMultiRegionTrail: false, region: 'eu-west-1' }),
      single('B', 'us-east-1', { account: MEMBER }), undefined],
    ['two organization trails of one management account', organization('Org'), organization('Org2'), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['organization trails of two organizations', organization('Org'), organization('Org2', { account: MEMBER }), undefined],
    ['a single-Region organization trail after another organization\'s trail', organization('Org', { account: MEMBER }),
      organization('Org2', { isMultiRegionTrail: false }), undefined],
  ])('%s', (_, first, second, expected) => {
    const copy = managementEventCopy(second, [first, second]);
    expect(copy).toStrictEqual(expected && { other: first, ...expected });
    if (copy) {
      expect(copy.other).toBe(first);
    }
    // only the later trail delivers the copy
    expect(managementEventCopy(first, [first, second])).toBeUndefined();
  });

  test('names the first earlier trail that logs the same events, skipping the others', () => {
    const [other, a, b, c] = [coverage('X', { account: MEMBER }), coverage('A'), coverage('B'), coverage('C')];
    expect(managementEventCopy(c, [other, a, b, c])?.other).toBe(a);
    expect(managementEventCopy(b, [other, b, a, c])).toBeUndefined();
  });

  test('compares with every trail when the trail is not listed', () => {
    const [a, b] = [coverage('A', { account: MEMBER }), coverage('B')];
    expect(managementEventCopy(coverage('C'), [a, b])?.other).toBe(b);
    expect(managementEventCopy(coverage('C', { region: 'eu-west-1', account: '333333333333' }), [a, b])).toBeUndefined();
  });
});

describe('objectLockRetentionProblems', () => {
  function outlives(retentionDays: number, expirationDays: number, property = 'objectLockRetention'): Problem {
    return {
      id: 'ObjectLockRetentionOutlivesExpiration',
      property,
      value: `${retentionDays} days`,
      rule: `log files expire after ${expirationDays} days (logFileExpiration), before their Object Lock retention ends; lifecycle rules cannot delete a version `
        + 'under retention, so they stay stored and billed (Amazon S3 User Guide, "How S3 Object Lock works")',
      fix: `set logFileExpiration to at least ${retentionDays} days, or shorten the retention`,
    };
  }

  const YEAR = ObjectLockRetention.governance(Duration.days(365));

  test.each([
    { why: 'neither', retention: undefined, expiration: undefined },
    { why: 'no retention', retention: undefined, expiration: Duration.days(1) },
    { why: 'no expiration', retention: YEAR, expiration: undefined },
    { why: 'an expiration equal to the retention', retention: YEAR, expiration: Duration.days(365) },
    { why: 'an expiration a day after the retention', retention: YEAR, expiration: Duration.days(366) },
    { why: 'an expiration in hours equal to the retention', retention: YEAR, expiration: Duration.hours(365 * 24) },
    { why: 'a token expiration', retention: YEAR, expiration: Duration.days(Token.asNumber({ Ref: 'Days' })) },
  ])('accepts $why', ({ retention, expiration }) => {
    expect(objectLockRetentionProblems('objectLockRetention', retention, expiration)).toStrictEqual([]);
  });

  test('rejects an expiration a day before the retention ends', () => {
    expect(objectLockRetentionProblems('objectLockRetention', YEAR, Duration.days(364))).toStrictEqual([outlives(365, 364)]);
  });

  test('rejects a compliance retention outliving an expiration of part days, under the given property', () => {
    expect(objectLockRetentionProblems('logArchive.objectLockRetention', ObjectLockRetention.compliance(Duration.days(30)), Duration.hours(36)))
      .toStrictEqual([outlives(30, 1.5, 'logArchive.objectLockRetention')]);
  });

  test('formats the problem as one line', () => {
    expect(objectLockRetentionProblems('objectLockRetention', YEAR, Duration.days(90)).map(formatProblem)).toEqual([
      '[ObjectLockRetentionOutlivesExpiration] objectLockRetention "365 days": log files expire after 90 days (logFileExpiration), before their Object Lock '
        + 'retention ends; lifecycle rules cannot delete a version under retention, so they stay stored and billed (Amazon S3 User Guide, "How S3 Object Lock '
        + 'works"). Fix: set logFileExpiration to at least 365 days, or shorten the retention',
    ]);
  });
});
