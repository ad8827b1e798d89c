import { Lazy, Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import {
  ContextKeys,
  contextKeySelectorProblems,
  EVENT_DATA_STORE_POLICY_ACTIONS,
  eventDataStoreQuotaProblems,
  federationRoleArnProblems,
  PlacedStore,
  resourcePolicyProblems,
  retentionProblems,
} from '../../src/core/lake-rules';
import { formatProblem, Problem } from '../../src/core/problems';

const FC_OPTIONS = { seed: 42, numRuns: 500 };

const EXTENDABLE = 'EXTENDABLE_RETENTION_PRICING';
const FIXED = 'FIXED_RETENTION_PRICING';

describe('retentionProblems', () => {
  const SOURCE = 'CreateEventDataStore RetentionPeriod';
  const AT_LEAST = 'keep events at least 7 days';
  const AT_MOST_EXTENDABLE = 'keep events at most 3653 days';
  const AT_MOST_FIXED = 'keep events at most 2557 days, or use EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING for up to 3653 days';

  function wholeDays(value: unknown): Problem {
    return { id: 'RetentionWholeDays', property: 'retention', value, rule: `must be a whole number of days (${SOURCE})`, fix: 'use Duration.days(n) with a whole n' };
  }

  function outOfRange(days: number, range: string, mode: string, fix: string): Problem {
    return { id: 'RetentionRange', property: 'retention', value: `${days} days`, rule: `must be ${range} days with ${mode} (${SOURCE})`, fix };
  }

  test.each([
    { days: 7, billingMode: EXTENDABLE },
    { days: 366, billingMode: EXTENDABLE },
    { days: 2557, billingMode: EXTENDABLE },
    { days: 2558, billingMode: EXTENDABLE },
    { days: 3653, billingMode: EXTENDABLE },
    { days: 7, billingMode: FIXED },
    { days: 2557, billingMode: FIXED },
    { days: 7, billingMode: undefined },
    { days: 3653, billingMode: undefined },
  ])('accepts $days days with $billingMode', ({ days, billingMode }) => {
    expect(retentionProblems('retention', days, billingMode)).toStrictEqual([]);
  });

  test.each([
    { days: 6, billingMode: EXTENDABLE, expected: outOfRange(6, '7 to 3653', `EventDataStoreBillingMode.${EXTENDABLE}`, AT_LEAST) },
    { days: 6, billingMode: FIXED, expected: outOfRange(6, '7 to 2557', `EventDataStoreBillingMode.${FIXED}`, AT_LEAST) },
    { days: 6, billingMode: undefined, expected: outOfRange(6, '7 to 3653', `EventDataStoreBillingMode.${EXTENDABLE}`, AT_LEAST) },
    { days: 0, billingMode: EXTENDABLE, expected: outOfRange(0, '7 to 3653', `EventDataStoreBillingMode.${EXTENDABLE}`, AT_LEAST) },
    { days: -1, billingMode: FIXED, expected: outOfRange(-1, '7 to 2557', `EventDataStoreBillingMode.${FIXED}`, AT_LEAST) },
    { days: 2558, billingMode: FIXED, expected: outOfRange(2558, '7 to 2557', `EventDataStoreBillingMode.${FIXED}`, AT_MOST_FIXED) },
    { days: 3653, billingMode: FIXED, expected: outOfRange(3653, '7 to 2557', `EventDataStoreBillingMode.${FIXED}`, AT_MOST_FIXED) },
    { days: 3654, billingMode: EXTENDABLE, expected: outOfRange(3654, '7 to 3653', `EventDataStoreBillingMode.${EXTENDABLE}`, AT_MOST_EXTENDABLE) },
    { days: 3654, billingMode: undefined, expected: outOfRange(3654, '7 to 3653', `EventDataStoreBillingMode.${EXTENDABLE}`, AT_MOST_EXTENDABLE) },
  ])('rejects $days days with $billingMode', ({ days, billingMode, expected }) => {
    expect(retentionProblems('retention', days, billingMode)).toStrictEqual([expected]);
  });

  test.each([
    { why: '7.5 days', days: 7.5 },
    { why: '6.5 days, below the minimum', days: 6.5 },
    { why: '3653.1 days, above the maximum', days: 3653.1 },
    { why: 'a day and an hour', days: 1 + 1 / 24 },
    { why: 'NaN', days: NaN },
    { why: 'Infinity', days: Infinity },
    { why: '-Infinity', days: -Infinity },
  ])('rejects $why as not whole days', ({ days }) => {
    expect(retentionProblems('retention', days, EXTENDABLE)).toStrictEqual([wholeDays(days)]);
    expect(retentionProblems('retention', days, FIXED)).toStrictEqual([wholeDays(days)]);
  });

  test.each([
    { kind: 'Token.asNumber', days: Token.asNumber({ Ref: 'Days' }) },
    { kind: 'Lazy.number', days: Lazy.number({ produce: () => 1 }) },
  ])('skips a retention that is $kind', ({ days }) => {
    expect(retentionProblems('retention', days, EXTENDABLE)).toStrictEqual([]);
    expect(retentionProblems('retention', days, FIXED)).toStrictEqual([]);
  });

  describe('with an unresolved billing mode', () => {
    const mode = Token.asString({ Ref: 'EventDataStoreBillingMode' });

    test.each([7, 2557, 2558, 3653])('accepts %d days, the wider range', days => {
      expect(retentionProblems('retention', days, mode)).toStrictEqual([]);
    });

    test('rejects 3654 days for any billing mode', () => {
      expect(retentionProblems('retention', 3654, mode)).toStrictEqual([outOfRange(3654, '7 to 3653', 'any billing mode', AT_MOST_EXTENDABLE)]);
    });

    test('rejects 6 days for any billing mode', () => {
      expect(retentionProblems('retention', 6, mode)).toStrictEqual([outOfRange(6, '7 to 3653', 'any billing mode', AT_LEAST)]);
    });

    test('still rejects fractional days', () => {
      expect(retentionProblems('retention', 7.5, mode)).toStrictEqual([wholeDays(7.5)]);
    });
  });

  test('reports under the given property', () => {
    expect(retentionProblems('props.retention', 6, FIXED).map(p => [p.id, p.property])).toEqual([['RetentionRange', 'props.retention']]);
    expect(retentionProblems('props.retention', 7.5, FIXED).map(p => [p.id, p.property])).toEqual([['RetentionWholeDays', 'props.retention']]);
  });

  test('formats the range problem as one line', () => {
    expect(retentionProblems('retention', 2558, FIXED).map(formatProblem)).toEqual([
      `[RetentionRange] retention "2558 days": must be 7 to 2557 days with EventDataStoreBillingMode.FIXED_RETENTION_PRICING (${SOURCE}). Fix: ${AT_MOST_FIXED}`,
    ]);
  });

  test('formats the whole-days problem as one line', () => {
    expect(retentionProblems('retention', 7.5, EXTENDABLE).map(formatProblem)).toEqual([
      `[RetentionWholeDays] retention 7.5: must be a whole number of days (${SOURCE}). Fix: use Duration.days(n) with a whole n`,
    ]);
  });
});

describe('retention properties', () => {
  const modes = fc.constantFrom<string | undefined>(EXTENDABLE, FIXED, undefined);
  const integers = fc.oneof(fc.integer({ min: -20, max: 4000 }), fc.integer({ min: 2550, max: 2565 }), fc.integer({ min: 3645, max: 3660 }),
    fc.integer(), fc.maxSafeInteger(), fc.constantFrom(6, 7, 2557, 2558, 3653, 3654));
  const nonIntegers = fc.double({ noNaN: true, noDefaultInfinity: true }).filter(d => !Number.isInteger(d));
  const anyNumber = fc.oneof(integers, nonIntegers, fc.double());

  test('an integer day count is accepted iff it is 7 to 2557 (fixed) or 7 to 3653 (otherwise)', () => {
    fc.assert(fc.property(integers, modes, (days, mode) => {
      const max = mode === FIXED ? 2557 : 3653;
      expect(retentionProblems('retention', days, mode).length === 0).toBe(days >= 7 && days <= max);
    }), FC_OPTIONS);
  });

  test('an integer day count out of range reports the days and the range of its billing mode', () => {
    fc.assert(fc.property(integers, modes, (days, mode) => {
      const max = mode === FIXED ? 2557 : 3653;
      fc.pre(days < 7 || days > max);
      expect(retentionProblems('retention', days, mode).map(p => [p.id, p.value, p.rule])).toEqual([[
        'RetentionRange',
        `${days} days`,
        `must be 7 to ${max} days with EventDataStoreBillingMode.${mode ?? EXTENDABLE} (CreateEventDataStore RetentionPeriod)`,
      ]]);
    }), FC_OPTIONS);
  });

  test('every non-integer finite number is rejected with the whole-days rule', () => {
    fc.assert(fc.property(nonIntegers, modes, (days, mode) => {
      expect(retentionProblems('retention', days, mode)).toStrictEqual([{
        id: 'RetentionWholeDays',
        property: 'retention',
        value: days,
        rule: 'must be a whole number of days (CreateEventDataStore RetentionPeriod)',
        fix: 'use Duration.days(n) with a whole n',
      }]);
    }), FC_OPTIONS);
  });

  test('a rejection is always exactly one problem on retention', () => {
    fc.assert(fc.property(anyNumber, modes, (days, mode) => {
      const problems = retentionProblems('retention', days, mode);
      expect(problems.length).toBeLessThanOrEqual(1);
      expect(problems.map(p => p.property)).toEqual(problems.length === 0 ? [] : ['retention']);
      expect(problems.map(p => p.id)).toEqual(problems.length === 0 ? [] : [Number.isInteger(days) ? 'RetentionRange' : 'RetentionWholeDays']);
    }), FC_OPTIONS);
  });
});

describe('contextKeySelectorProblems', () => {
  const SOURCE = 'PutEventConfiguration ContextKeySelectors';
  const EQUALS = `${SOURCE} Equals`;
  const TAG: ContextKeys = { type: 'TagContext', keys: ['team'] };
  const REQUEST: ContextKeys = { type: 'RequestContext', keys: ['aws:PrincipalOrgID'] };

  const problemsOf = (selectors: ContextKeys[], maxEventSize: string | undefined = 'Large') =>
    contextKeySelectorProblems('contextKeySelectors', selectors, maxEventSize);

  test.each([
    { why: 'no selectors', selectors: [] },
    { why: 'one TagContext selector', selectors: [TAG] },
    { why: 'one RequestContext selector', selectors: [REQUEST] },
    { why: 'both types', selectors: [TAG, REQUEST] },
    { why: '50 keys', selectors: [{ type: 'TagContext', keys: Array.from({ length: 50 }, (_, i) => `key${i}`) }] },
    { why: 'a key of 1 character', selectors: [{ type: 'TagContext', keys: ['k'] }] },
    { why: 'a key of 128 characters', selectors: [{ type: 'TagContext', keys: ['k'.repeat(128)] }] },
    { why: 'a key of 128 emoji (256 UTF-16 code units)', selectors: [{ type: 'TagContext', keys: ['😀'.repeat(128)] }] },
  ])('accepts $why', ({ selectors }) => {
    expect(problemsOf(selectors)).toStrictEqual([]);
  });

  test('rejects a key listed twice', () => {
    expect(problemsOf([{ type: 'TagContext', keys: ['team', 'cost', 'team'] }]).map(formatProblem)).toEqual([
      '[ContextKeysUnique] contextKeySelectors[0].keys ["team","cost","team"]: lists "team" more than once (CloudFormation ContextKeySelector schema: unique Equals items). '
      + 'Fix: list each key once',
    ]);
  });

  test('rejects 3 selectors, listing their types', () => {
    expect(problemsOf([TAG, REQUEST, TAG])).toStrictEqual([{
      id: 'ContextKeySelectorCount',
      property: 'contextKeySelectors',
      value: ['TagContext', 'RequestContext', 'TagContext'],
      rule: `3 selectors; an event data store takes at most 2 (${SOURCE})`,
      fix: 'list each context type once, with all its keys',
    }]);
  });

  test('rejects 0 keys', () => {
    expect(problemsOf([REQUEST, { type: 'TagContext', keys: [] }])).toStrictEqual([{
      id: 'ContextKeyCount',
      property: 'contextKeySelectors[1].keys',
      value: [],
      rule: `0 keys; a selector takes 1 to 50 (${EQUALS})`,
      fix: 'name at least one key, or leave the selector out',
    }]);
  });

  test('rejects 51 keys', () => {
    const keys = Array.from({ length: 51 }, (_, i) => `key${i}`);
    expect(problemsOf([{ type: 'TagContext', keys }])).toStrictEqual([{
      id: 'ContextKeyCount',
      property: 'contextKeySelectors[0].keys',
      value: keys,
      rule: `51 keys; a selector takes 1 to 50 (${EQUALS})`,
      fix: 'keep the 50 keys you query most',
    }]);
  });

  test('rejects a key of 129 characters, at its index', () => {
    const key = 'k'.repeat(129);
    expect(problemsOf([{ type: 'TagContext', keys: ['team', key] }])).toStrictEqual([{
      id: 'ContextKeyLength',
      property: 'contextKeySelectors[0].keys[1]',
      value: key,
      rule: `must be 1 to 128 characters long, got 129 (${EQUALS})`,
      fix: 'shorten it to at most 128 characters',
    }]);
  });

  test('rejects an empty key', () => {
    expect(problemsOf([{ type: 'RequestContext', keys: [''] }])).toStrictEqual([{
      id: 'ContextKeyLength',
      property: 'contextKeySelectors[0].keys[0]',
      value: '',
      rule: `must be 1 to 128 characters long, got 0 (${EQUALS})`,
      fix: 'use at least 1 character',
    }]);
  });

  test('rejects the Standard maximum event size with selectors', () => {
    expect(problemsOf([TAG], 'Standard')).toStrictEqual([{
      id: 'ContextKeysNeedLargeEvents',
      property: 'maxEventSize',
      value: 'Standard',
      rule: `context key selectors need the Large maximum event size (${SOURCE})`,
      fix: 'set maxEventSize to MaxEventSize.LARGE, or leave it out',
    }]);
  });

  test.each([
    { why: 'Large', maxEventSize: 'Large' },
    { why: 'undefined', maxEventSize: undefined },
    { why: 'a token', maxEventSize: Token.asString({ Ref: 'Size' }) },
  ])('accepts selectors with maxEventSize $why', ({ maxEventSize }) => {
    expect(contextKeySelectorProblems('contextKeySelectors', [TAG, REQUEST], maxEventSize)).toStrictEqual([]);
  });

  test('accepts the Standard maximum event size without selectors', () => {
    expect(problemsOf([], 'Standard')).toStrictEqual([]);
  });

  test('reports every problem, in order: count, event size, then each selector', () => {
    const problems = problemsOf([{ type: 'TagContext', keys: [] }, REQUEST, { type: 'TagContext', keys: ['', 'team', 'team'] }], 'Standard');
    expect(problems.map(p => [p.id, p.property])).toEqual([
      ['ContextKeySelectorCount', 'contextKeySelectors'],
      ['ContextKeysNeedLargeEvents', 'maxEventSize'],
      ['ContextKeyCount', 'contextKeySelectors[0].keys'],
      ['ContextKeyLength', 'contextKeySelectors[2].keys[0]'],
      ['ContextKeysUnique', 'contextKeySelectors[2].keys'],
    ]);
  });

  test('reports under the given property', () => {
    const selectors = [TAG, REQUEST, { type: 'TagContext', keys: ['k'.repeat(129)] }];
    expect(contextKeySelectorProblems('props.ctx', selectors, 'Large').map(p => [p.id, p.property])).toEqual([
      ['ContextKeySelectorCount', 'props.ctx'],
      ['ContextKeyLength', 'props.ctx[2].keys[0]'],
    ]);
  });

  test.each([
    { kind: 'a Token.asList key list', selector: { type: 'TagContext', keys: Token.asList({ Ref: 'Keys' }) } },
    { kind: 'a Lazy.list key list', selector: { type: 'TagContext', keys: Lazy.list({ produce: () => [] }) } },
    { kind: 'a Token.asString key', selector: { type: 'TagContext', keys: ['team', Token.asString({ Ref: 'Key' })] } },
    { kind: 'a Lazy.string key', selector: { type: 'TagContext', keys: [Lazy.string({ produce: () => 'k'.repeat(200) })] } },
  ])('skips $kind', ({ selector }) => {
    expect(problemsOf([selector])).toStrictEqual([]);
  });

  // User Guide, "Enrich CloudTrail events by adding resource tag keys and IAM global condition keys": the table
  // "Supported IAM global condition keys for enriched events", and principal tag keys.
  describe('RequestContext keys are the documented IAM global condition keys', () => {
    const DOCUMENTED = ['aws:FederatedProvider', 'aws:TokenIssueTime', 'aws:MultiFactorAuthAge', 'aws:MultiFactorAuthPresent',
      'aws:SourceIdentity', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalIsAWSService', 'aws:PrincipalOrgID',
      'aws:PrincipalOrgPaths', 'aws:PrincipalServiceName', 'aws:PrincipalServiceNamesList', 'aws:PrincipalType', 'aws:userid',
      'aws:username', 'aws:RequestedRegion', 'aws:SecureTransport', 'aws:ViaAWSService', 'aws:CurrentTime', 'aws:EpochTime',
      'aws:SourceAccount', 'aws:SourceOrgID'];

    test('accepts all 22 documented keys in one selector', () => {
      expect(problemsOf([{ type: 'RequestContext', keys: DOCUMENTED }])).toStrictEqual([]);
    });

    test.each([
      { why: 'a principal tag key', key: 'aws:PrincipalTag/team' },
      { why: 'a key in other letter case (condition key names are case-insensitive)', key: 'AWS:principalorgid' },
    ])('accepts $why', ({ key }) => {
      expect(problemsOf([{ type: 'RequestContext', keys: [key] }])).toStrictEqual([]);
    });

    test.each([
      { why: 'a global key the page does not list', key: 'aws:SourceVpc' },
      { why: 'a service key', key: 's3:prefix' },
      { why: 'a principal tag key without a tag', key: 'aws:PrincipalTag/' },
      { why: 'a resource tag key', key: 'team' },
    ])('rejects $why, at its index', ({ key }) => {
      expect(problemsOf([{ type: 'RequestContext', keys: ['aws:PrincipalArn', key] }]).map(p => [p.id, p.property, p.value])).toEqual([
        ['RequestContextKeyUnsupported', 'contextKeySelectors[0].keys[1]', key],
      ]);
    });

    test('formats the problem as one line; a key without a prefix is pointed to TagContext', () => {
      expect(problemsOf([{ type: 'RequestContext', keys: ['team'] }]).map(formatProblem)).toEqual([
        '[RequestContextKeyUnsupported] contextKeySelectors[0].keys[0] "team": a RequestContext selector takes the IAM global condition keys '
          + 'CloudTrail documents for enriched events (aws:FederatedProvider, aws:TokenIssueTime, aws:MultiFactorAuthAge, aws:MultiFactorAuthPresent, '
          + 'aws:SourceIdentity, aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalIsAWSService, aws:PrincipalOrgID, aws:PrincipalOrgPaths, '
          + 'aws:PrincipalServiceName, aws:PrincipalServiceNamesList, aws:PrincipalType, aws:userid, aws:username, aws:RequestedRegion, '
          + 'aws:SecureTransport, aws:ViaAWSService, aws:CurrentTime, aws:EpochTime, aws:SourceAccount, aws:SourceOrgID) and principal tag keys '
          + '(aws:PrincipalTag/<key>) (User Guide, "Enrich CloudTrail events by adding resource tag keys and IAM global condition keys"). '
          + 'Fix: put resource tag keys in a TagContext selector',
      ]);
    });

    test('the fix for an unlisted aws: key names the documented keys', () => {
      expect(problemsOf([{ type: 'RequestContext', keys: ['aws:SourceVpc'] }])[0].fix).toBe('use one of the documented keys, or leave the key out');
    });

    test('TagContext keys are resource tag keys, free-form', () => {
      expect(problemsOf([{ type: 'TagContext', keys: ['aws:SourceVpc', 'team', 'aws:cloudformation:stack-name'] }])).toStrictEqual([]);
    });

    test('skips a token key', () => {
      expect(problemsOf([{ type: 'RequestContext', keys: [Token.asString({ Ref: 'Key' })] }])).toStrictEqual([]);
    });
  });

  test('formats the event size problem as one line', () => {
    expect(problemsOf([TAG], 'Standard').map(formatProblem)).toEqual([
      `[ContextKeysNeedLargeEvents] maxEventSize "Standard": context key selectors need the Large maximum event size (${SOURCE}). `
        + 'Fix: set maxEventSize to MaxEventSize.LARGE, or leave it out',
    ]);
  });
});

describe('eventDataStoreQuotaProblems', () => {
  const ACCOUNT = '111111111111';
  const OTHER_ACCOUNT = '222222222222';
  const FIX = 'combine stores: one store takes up to five advanced event selectors';

  function stores(count: number, region = 'us-east-1', account = ACCOUNT, prefix = 'S/E', multiRegionEnabled = false): PlacedStore[] {
    return Array.from({ length: count }, (_, i) => ({ path: `${prefix}${i + 1}`, account, region, multiRegionEnabled }));
  }

  function multi(path: string, region: string, account = ACCOUNT): PlacedStore {
    return { path, account, region, multiRegionEnabled: true };
  }

  function quotaRule(count: number, region = 'us-east-1', account = ACCOUNT): string {
    return `this app puts ${count} event data stores in account ${account}, Region ${region} (multi-Region event data stores count in every Region); `
      + 'CloudTrail allows at most 10 (CloudTrail quotas, EventDataStoreMaxLimitExceededException)';
  }

  function quotaProblem(paths: string[], region = 'us-east-1', account = ACCOUNT): Problem {
    return { id: 'EventDataStoreQuota', property: 'eventDataStore', value: paths, rule: quotaRule(paths.length, region, account), fix: FIX };
  }

  const problemsOfEach = (all: PlacedStore[]) => all.map(store => eventDataStoreQuotaProblems(store, all));
  const none = (count: number) => Array.from({ length: count }, () => []);

  test('accepts a lone store', () => {
    const store = stores(1)[0];
    expect(eventDataStoreQuotaProblems(store, [store])).toStrictEqual([]);
  });

  test('accepts 10 stores in one account and Region', () => {
    expect(problemsOfEach(stores(10))).toStrictEqual(none(10));
  });

  test('reports 11 stores in one account and Region once, on the first, listing them all', () => {
    const all = stores(11);
    const paths = Array.from({ length: 11 }, (_, i) => `S/E${i + 1}`);
    expect(problemsOfEach(all)).toStrictEqual([[quotaProblem(paths)], ...none(10)]);
  });

  test('formats the quota problem as one line, cutting the list of paths', () => {
    const all = stores(11);
    expect(eventDataStoreQuotaProblems(all[0], all).map(formatProblem)).toEqual([
      '[EventDataStoreQuota] eventDataStore ["S/E1","S/E2","S/E3","S/E4","S/E5","S/E6","S/E7","S/E8","S… (length 11): '
        + `${quotaRule(11)}. Fix: ${FIX}`,
    ]);
  });

  test('does not count stores in other accounts: 10 + 10 in one Region', () => {
    const all = [...stores(10, 'us-east-1', ACCOUNT, 'A/E'), ...stores(10, 'us-east-1', OTHER_ACCOUNT, 'B/E')];
    expect(problemsOfEach(all).flat()).toStrictEqual([]);
  });

  test('does not count single-Region stores in other Regions: 10 + 10 in one account', () => {
    const all = [...stores(10, 'us-east-1', ACCOUNT, 'A/E'), ...stores(10, 'eu-west-1', ACCOUNT, 'B/E')];
    expect(problemsOfEach(all).flat()).toStrictEqual([]);
  });

  test('does not count a store of another account in another Region, multi-Region or not', () => {
    const all = [...stores(10), ...stores(1, 'eu-west-1', OTHER_ACCOUNT, 'X/E'), multi('X/M1', 'eu-west-1', OTHER_ACCOUNT)];
    expect(problemsOfEach(all).flat()).toStrictEqual([]);
  });

  test('reports only the account and Region over the quota, once', () => {
    const all = [...stores(5, 'us-east-1', ACCOUNT, 'A/E'), ...stores(11, 'eu-west-1', ACCOUNT, 'B/E'), ...stores(5, 'us-east-1', ACCOUNT, 'C/E')];
    const paths = Array.from({ length: 11 }, (_, i) => `B/E${i + 1}`);
    expect(problemsOfEach(all)).toStrictEqual([...none(5), [quotaProblem(paths, 'eu-west-1')], ...none(15)]);
  });

  test('names the other account when it is the one over the quota', () => {
    const all = [...stores(12, 'ap-south-1', OTHER_ACCOUNT)];
    expect(eventDataStoreQuotaProblems(all[0], all).map(p => [p.id, p.rule])).toEqual([['EventDataStoreQuota', quotaRule(12, 'ap-south-1', OTHER_ACCOUNT)]]);
  });

  // CloudTrail quotas: the 10 "includes single-Region event data stores for the Region, multi-Region event data stores
  // across all AWS Regions, and organization event data stores".
  describe('multi-Region stores count in every Region of their account', () => {
    test('9 stores in us-east-1 and 1 multi-Region store homed in eu-west-1: 10 in us-east-1, accepted', () => {
      expect(problemsOfEach([...stores(9), multi('M/1', 'eu-west-1')]).flat()).toStrictEqual([]);
    });

    test('10 stores in us-east-1 and 1 multi-Region store homed in eu-west-1: 11 in us-east-1, reported once', () => {
      const all = [...stores(10), multi('M/1', 'eu-west-1')];
      const paths = [...all.map(s => s.path)];
      expect(problemsOfEach(all).flat()).toStrictEqual([quotaProblem(paths)]);
    });

    test('a multi-Region store placed first reports every Region over the quota', () => {
      const all = [multi('M/0', 'ap-south-1'), ...stores(10, 'us-east-1', ACCOUNT, 'A/E'), ...stores(10, 'eu-west-1', ACCOUNT, 'B/E')];
      expect(eventDataStoreQuotaProblems(all[0], all)).toStrictEqual([
        quotaProblem(['M/0', ...all.slice(1, 11).map(s => s.path)], 'us-east-1'),
        quotaProblem(['M/0', ...all.slice(11).map(s => s.path)], 'eu-west-1'),
      ]);
      expect(problemsOfEach(all).slice(1).flat()).toStrictEqual([]);
    });

    test('11 multi-Region stores homed in 11 Regions are over the quota in each', () => {
      const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-south-1',
        'ap-northeast-1', 'sa-east-1', 'ca-central-1'];
      const all = regions.map((region, i) => multi(`M/${i + 1}`, region));
      const paths = all.map(s => s.path);
      expect(problemsOfEach(all)).toStrictEqual([regions.map(region => quotaProblem(paths, region)), ...none(10)]);
    });
  });
});

describe('resourcePolicyProblems', () => {
  const SOURCE = 'PutResourcePolicy ResourcePolicy';
  const PRINCIPAL_FIX = 'give every statement a principal: the accounts or roles that may query the store';
  const ALLOWED = 'cloudtrail:StartQuery, cloudtrail:CancelQuery, cloudtrail:ListQueries, cloudtrail:DescribeQuery, cloudtrail:GetQueryResults, '
    + 'cloudtrail:GenerateQuery, cloudtrail:GenerateQueryResultsSummary, cloudtrail:GetEventDataStore';
  const NO_PRINCIPAL = 'A PolicyStatement used in a resource-based policy must specify at least one IAM principal.';

  function unsupportedProblem(actions: string[]): Problem {
    return {
      id: 'ResourcePolicyActions',
      property: 'resourcePolicy',
      value: actions,
      rule: `an event data store's resource policy may allow only ${ALLOWED} (CloudTrail resource-based policies)`,
      fix: "grant the other actions in the principal's own IAM policy",
    };
  }

  function lengthProblem(length: number): Problem {
    return {
      id: 'ResourcePolicyLength',
      property: 'resourcePolicy',
      rule: `the policy has at least ${length} characters of JSON; CloudTrail takes at most 8192 (${SOURCE})`,
      fix: 'grant whole accounts or fewer, broader principals',
    };
  }

  test('lists the query actions CloudTrail allows', () => {
    expect(EVENT_DATA_STORE_POLICY_ACTIONS).toEqual([
      'cloudtrail:StartQuery', 'cloudtrail:CancelQuery', 'cloudtrail:ListQueries', 'cloudtrail:DescribeQuery',
      'cloudtrail:GetQueryResults', 'cloudtrail:GenerateQuery', 'cloudtrail:GenerateQueryResultsSummary', 'cloudtrail:GetEventDataStore',
    ]);
  });

  test('accepts a small policy without errors', () => {
    expect(resourcePolicyProblems('resourcePolicy', '{"Version":"2012-10-17"}', [], ['cloudtrail:StartQuery'])).toStrictEqual([]);
  });

  test.each(EVENT_DATA_STORE_POLICY_ACTIONS)('accepts %s', action => {
    expect(resourcePolicyProblems('resourcePolicy', '{}', [], [action])).toStrictEqual([]);
  });

  test('accepts a query action in another case, as IAM does', () => {
    expect(resourcePolicyProblems('resourcePolicy', '{}', [], ['cloudtrail:startquery', 'CloudTrail:GetQueryResults'])).toStrictEqual([]);
  });

  test('accepts every allowed action together', () => {
    expect(resourcePolicyProblems('resourcePolicy', '{}', [], [...EVENT_DATA_STORE_POLICY_ACTIONS])).toStrictEqual([]);
  });

  test('maps each statement error to a problem without a value', () => {
    expect(resourcePolicyProblems('resourcePolicy', '{}', [NO_PRINCIPAL, 'Statement 2 has no principal'], [])).toStrictEqual([
      { id: 'ResourcePolicyStatement', property: 'resourcePolicy', rule: `${NO_PRINCIPAL} (${SOURCE})`, fix: PRINCIPAL_FIX },
      { id: 'ResourcePolicyStatement', property: 'resourcePolicy', rule: `Statement 2 has no principal (${SOURCE})`, fix: PRINCIPAL_FIX },
    ]);
  });

  test.each([
    { why: 'a management action', actions: ['cloudtrail:DeleteEventDataStore'] },
    { why: 'a service wildcard', actions: ['cloudtrail:*'] },
    { why: 'an action of another service', actions: ['s3:GetObject'] },
  ])('rejects $why', ({ actions }) => {
    expect(resourcePolicyProblems('resourcePolicy', '{}', [], actions)).toStrictEqual([unsupportedProblem(actions)]);
  });

  test('lists only the unsupported actions, in order', () => {
    const actions = ['cloudtrail:StartQuery', 'cloudtrail:DeleteEventDataStore', 'cloudtrail:GetQueryResults', 'cloudtrail:UpdateEventDataStore'];
    expect(resourcePolicyProblems('resourcePolicy', '{}', [], actions)).toStrictEqual([
      unsupportedProblem(['cloudtrail:DeleteEventDataStore', 'cloudtrail:UpdateEventDataStore']),
    ]);
  });

  test.each([
    { kind: 'Token.asString', action: Token.asString({ Ref: 'Action' }) },
    { kind: 'Lazy.string', action: Lazy.string({ produce: () => 'cloudtrail:DeleteEventDataStore' }) },
  ])('skips a $kind action', ({ action }) => {
    expect(resourcePolicyProblems('resourcePolicy', '{}', [], ['cloudtrail:StartQuery', action])).toStrictEqual([]);
  });

  test.each([1, 8191, 8192])('accepts %d characters of JSON', length => {
    expect(resourcePolicyProblems('resourcePolicy', 'x'.repeat(length), [], [])).toStrictEqual([]);
  });

  test.each([8193, 20000])('rejects %d characters of JSON', length => {
    expect(resourcePolicyProblems('resourcePolicy', 'x'.repeat(length), [], [])).toStrictEqual([lengthProblem(length)]);
  });

  test('skips the length when the JSON is unknown', () => {
    expect(resourcePolicyProblems('resourcePolicy', undefined, [], [])).toStrictEqual([]);
  });

  test('still checks statements and actions when the JSON is unknown', () => {
    expect(resourcePolicyProblems('resourcePolicy', undefined, [NO_PRINCIPAL], ['cloudtrail:DeleteEventDataStore'])).toStrictEqual([
      { id: 'ResourcePolicyStatement', property: 'resourcePolicy', rule: `${NO_PRINCIPAL} (${SOURCE})`, fix: PRINCIPAL_FIX },
      unsupportedProblem(['cloudtrail:DeleteEventDataStore']),
    ]);
  });

  test('reports every problem, in order: statements, actions, length', () => {
    expect(resourcePolicyProblems('props.policy', 'x'.repeat(9000), [NO_PRINCIPAL], ['cloudtrail:*'])).toStrictEqual([
      { id: 'ResourcePolicyStatement', property: 'props.policy', rule: `${NO_PRINCIPAL} (${SOURCE})`, fix: PRINCIPAL_FIX },
      { ...unsupportedProblem(['cloudtrail:*']), property: 'props.policy' },
      { ...lengthProblem(9000), property: 'props.policy' },
    ]);
  });

  test('formats the length problem as one line, without a value', () => {
    expect(resourcePolicyProblems('resourcePolicy', 'x'.repeat(8193), [], []).map(formatProblem)).toEqual([
      `[ResourcePolicyLength] resourcePolicy: the policy has at least 8193 characters of JSON; CloudTrail takes at most 8192 (${SOURCE}). `
        + 'Fix: grant whole accounts or fewer, broader principals',
    ]);
  });

  test('accepts any subset of the allowed actions and rejects any other action', () => {
    const allowed = fc.constantFrom(...EVENT_DATA_STORE_POLICY_ACTIONS);
    const other = fc.constantFrom('cloudtrail:DeleteEventDataStore', 'cloudtrail:PutResourcePolicy', 'cloudtrail:*', 'iam:PassRole', '*');
    fc.assert(fc.property(fc.array(fc.oneof(allowed, other), { maxLength: 12 }), actions => {
      const unsupported = actions.filter(a => !EVENT_DATA_STORE_POLICY_ACTIONS.includes(a));
      expect(resourcePolicyProblems('resourcePolicy', '{}', [], actions)).toStrictEqual(unsupported.length === 0 ? [] : [unsupportedProblem(unsupported)]);
    }), FC_OPTIONS);
  });
});

describe('federationRoleArnProblems', () => {
  const arn = (length: number) => {
    const prefix = 'arn:aws:iam::111111111111:role/';
    return prefix + 'r'.repeat(length - prefix.length);
  };

  test('accepts an ARN of exactly 125 characters, and a token', () => {
    expect(federationRoleArnProblems('federationRole', arn(125))).toEqual([]);
    expect(federationRoleArnProblems('federationRole', Token.asString({ Ref: 'Role' }))).toEqual([]);
  });

  test('rejects an ARN of 126 characters (a role path makes it long)', () => {
    expect(federationRoleArnProblems('federationRole', arn(126)).map(formatProblem)).toEqual([
      `[FederationRoleArnLength] federationRole ${JSON.stringify(arn(126)).slice(0, 20)}…${JSON.stringify(arn(126)).slice(-39)} (length 126): the role's ARN is 126 characters; CloudTrail takes at most 125 `
      + '(EnableFederation FederationRoleArn). Fix: use a role with a shorter path and name',
    ]);
  });
});

describe('contextKeySelectorProblems with keys only CloudFormation knows', () => {
  test('a token standing for the whole list is not checked', () => {
    const keys = Token.asAny({ Ref: 'ContextKeys' }) as unknown as string[];
    expect(contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys }], 'Large')).toEqual([]);
  });
});
