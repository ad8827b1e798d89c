import { Lazy, Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { formatProblem, showValue } from '../../src/core/problems';
import {
  deliveryS3UriProblems, PlacedSchedule, queryStatementProblems, scansWholeStore, scheduledQueryConcurrencyProblems, scheduleRunsAtOnce,
} from '../../src/core/query-rules';

const ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function messages(statement: string, ids: string[] = [ID]): string[] {
  return queryStatementProblems('queryStatement', statement, ids).map(formatProblem);
}

describe('queryStatementProblems', () => {
  test.each([
    `SELECT eventName, count(*) FROM ${ID} GROUP BY eventName`,
    `  select * from ${ID} where eventTime > '2026-01-01 00:00:00'`,
    `WITH writes AS (SELECT * FROM ${ID} WHERE readOnly = false) SELECT eventName FROM writes`,
    `(SELECT eventName FROM ${ID})`,
    `SELECT * FROM ${ID};`,
    `SELECT * FROM ${ID} WHERE eventName = 'a;b' -- trailing; comment`,
    `SELECT * FROM ${ID} /* DELETE; DROP */`,
  ])('accepts %s', statement => {
    expect(messages(statement)).toEqual([]);
  });

  test.each<[string, string, string]>([
    [`DELETE FROM ${ID}`, 'QueryStatementReadOnly', "must be a read-only SELECT query (or WITH … SELECT), and it starts with 'DELETE' (StartQuery QueryStatement). "
      + 'Fix: write a SELECT query; CloudTrail Lake cannot change data'],
    [`SELECT * FROM ${ID}; SELECT 1 FROM ${ID}`, 'QueryStatementSingle', 'holds 2 statements; CloudTrail Lake runs one query at a time (StartQuery QueryStatement). '
      + 'Fix: split it into one LakeQuery per statement'],
    [`WITH x AS (VALUES 1) ${ID}`, 'QueryStatementWithSelect', 'a WITH clause must be followed by a SELECT query (StartQuery QueryStatement). Fix: end the query with a SELECT'],
    ['SELECT * FROM other', 'QueryStatementStoreReference', `does not name the event data store it runs on, '${ID}' (StartQuery QueryStatement: FROM <event data store ID>). `
      + "Fix: interpolate the store's ID into the statement: `SELECT … FROM ${store.eventDataStoreId}`"],
  ])('rejects %s (%s)', (statement, id, rule) => {
    expect(messages(statement)).toEqual([`[${id}] queryStatement ${showValue(statement)}: ${rule}`]);
  });

  test('an empty statement and one of 10001 characters break the length rule', () => {
    expect(messages('', [])).toEqual(['[QueryStatementLength] queryStatement "": must be 1 to 10000 characters long, got 0 (API model QueryStatement). Fix: use at least 1 character']);
    const long = `SELECT * FROM ${ID} WHERE eventName = '${'x'.repeat(10000)}'`;
    expect(messages(long)[0]).toMatch(/: must be 1 to 10000 characters long, got 10\d\d\d \(API model QueryStatement\)/);
  });

  describe('length', () => {
    /** A statement of exactly `length` characters over the store `id`, padded in a string literal. */
    function statementOf(length: number, id: string, idLength = id.length): string {
      const head = `SELECT * FROM ${id} WHERE eventName = '`;
      return `${head}${'x'.repeat(length - (head.length - id.length + idLength) - 1)}'`;
    }

    test('a literal statement of exactly 10000 characters is accepted, one of 10001 rejected', () => {
      expect(statementOf(10000, ID)).toHaveLength(10000);
      expect(messages(statementOf(10000, ID))).toEqual([]);
      expect(messages(statementOf(10001, ID))).toEqual([
        `[QueryStatementLength] queryStatement "SELECT * FROM ${ID} WHERE e… (length 10001): must be 1 to 10000 characters long, got 10001 `
        + '(API model QueryStatement). Fix: shorten it to at most 10000 characters',
      ]);
    });

    test('a statement with the store\'s ID as a token counts the ID as a UUID of 36 characters: 10000 accepted, 10001 rejected as a lower bound', () => {
      const id = Token.asString({ 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['Store', 'EventDataStoreArn'] }] }] });
      expect(messages(statementOf(10000, id, 36), [id])).toEqual([]);
      expect(messages(statementOf(10001, id, 36), [id])).toEqual([
        '[QueryStatementLength] queryStatement: has at least 10001 characters (its literal part, with the store\'s ID as 36); CloudTrail takes at most 10000 '
        + '(API model QueryStatement). Fix: shorten the statement',
      ]);
    });

    test('other tokens count as nothing: the literal part alone is the lower bound', () => {
      const column = Lazy.string({ produce: () => 'eventName' });
      const statement = statementOf(10000, ID).replace('SELECT *', `SELECT *, ${column}`);
      expect(statement.length - column.length).toBe(10002);
      expect(messages(statement)).toEqual([
        '[QueryStatementLength] queryStatement: has at least 10002 characters (its literal part); CloudTrail takes at most 10000 (API model QueryStatement). '
        + 'Fix: shorten the statement',
      ]);
      expect(messages(statementOf(10000, ID).replace('SELECT *', `SELECT ${column}`))).toEqual([]);
    });

    test('a store ID token counts only where it is interpolated; a literal ID counts as written', () => {
      const id = Token.asString({ Ref: 'StoreId' });
      const column = Lazy.string({ produce: () => '*' });
      // 9999 literal characters and a token: CloudTrail may get more, but no lower bound is over the limit
      expect(messages(statementOf(10000, ID).replace('SELECT *', `SELECT ${column}`), [ID, id])).toEqual([]);
      expect(messages(statementOf(10000, id, 36).replace('SELECT *', `SELECT ${column}`), [ID, id])).toEqual([]);
    });
  });

  test('a store ID that is a token counts as named when it is interpolated', () => {
    const id = Token.asString({ 'Fn::Select': [1, 'x'] });
    expect(messages(`SELECT * FROM ${id}`, [id])).toEqual([]);
    expect(messages('SELECT * FROM somewhere', [id])).toEqual([
      '[QueryStatementStoreReference] queryStatement "SELECT * FROM somewhere": does not name the event data store it runs on, the store\'s eventDataStoreId '
      + '(StartQuery QueryStatement: FROM <event data store ID>). Fix: interpolate the store\'s ID into the statement: `SELECT … FROM ${store.eventDataStoreId}`',
    ]);
  });

  test('a statement with other tokens is not held to the reference rule', () => {
    expect(messages(`SELECT * FROM ${Lazy.string({ produce: () => ID })}`)).toEqual([]);
  });

  test('any SELECT over the store passes (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9_ ,=<>()*]{0,200}$/), tail => {
      expect(queryStatementProblems('queryStatement', `SELECT ${tail.replace(/;/g, '')} FROM ${ID}`, [ID])).toEqual([]);
    }), { seed: 7, numRuns: 300 });
  });
});

describe('queryStatementProblems: what counts as code', () => {
  test.each([
    `SELECT * FROM ${ID};  \n `,
    `SELECT * FROM ${ID} WHERE a = 'x;y' AND b = 'it''s; DELETE'`,
    `SELECT "a;b", "c""; DROP" FROM ${ID}`,
    `SELECT * FROM ${ID} -- one; comment\nWHERE a = 1 -- another; comment`,
    `SELECT * FROM ${ID} /* one; */ WHERE a = 1 /* DELETE; */`,
    `SELECT * FROM ${ID} /* a\n multi-line; comment */`,
    `WITH x AS (values 1) select * from ${ID}`,
  ])('accepts %j', statement => {
    expect(messages(statement)).toEqual([]);
  });

  test.each<[string, string[]]>([
    [`SELECT * FROM ${ID} /* a */; DELETE FROM ${ID} /* b */`, ['QueryStatementSingle']],
    [`SELECT * FROM ${ID} WHERE a = 'x'; DELETE FROM ${ID} WHERE b = 'y'`, ['QueryStatementSingle']],
    [`SELECT "a" FROM ${ID}; DELETE FROM "b"`, ['QueryStatementSingle']],
    [`SELECT 1 FROM ${ID} -- a\n; DROP TABLE x`, ['QueryStatementSingle']],
    [`WITH x AS (VALUES 1) xSELECT FROM ${ID}`, ['QueryStatementWithSelect']],
    [`WITH x AS (VALUES 1) SELECTED FROM ${ID}`, ['QueryStatementWithSelect']],
    [`WITH x AS (VALUES 1) FROM ${ID} -- SELECT`, ['QueryStatementWithSelect']],
    [`WITH x AS (VALUES 1) FROM ${ID} WHERE a = 'SELECT'`, ['QueryStatementWithSelect']],
    [`WITH x AS (VALUES 1) FROM ${ID}; SELECT 1`, ['QueryStatementSingle', 'QueryStatementWithSelect']],
    [`42 SELECT * FROM ${ID}`, ['QueryStatementReadOnly']],
  ])('rejects %j: %j', (statement, ids) => {
    expect(queryStatementProblems('queryStatement', statement, [ID]).map(p => p.id)).toEqual(ids);
  });

  test('counts the statements it holds, and reads the keyword of the first', () => {
    expect(queryStatementProblems('q', `DROP TABLE x; SELECT * FROM ${ID}; ;SELECT 1`, [ID]).map(p => [p.id, p.property, p.value, p.rule])).toEqual([
      ['QueryStatementSingle', 'q', `DROP TABLE x; SELECT * FROM ${ID}; ;SELECT 1`, 'holds 3 statements; CloudTrail Lake runs one query at a time (StartQuery QueryStatement)'],
      ['QueryStatementReadOnly', 'q', `DROP TABLE x; SELECT * FROM ${ID}; ;SELECT 1`,
        "must be a read-only SELECT query (or WITH … SELECT), and it starts with 'DROP' (StartQuery QueryStatement)"],
    ]);
  });

  test('a statement names one of several stores; naming none lists them all', () => {
    expect(messages(`SELECT * FROM ${ID}`, ['other-store', ID])).toEqual([]);
    const token = Token.asString({ Ref: 'StoreId' });
    expect(queryStatementProblems('queryStatement', 'SELECT * FROM x', ['store-1', token, 'store-2']).map(p => p.rule)).toEqual([
      "does not name the event data store it runs on, 'store-1' or the store's eventDataStoreId or 'store-2' (StartQuery QueryStatement: FROM <event data store ID>)",
    ]);
  });

  test('a literal store ID counts as written in a statement with tokens, not as 36 characters', () => {
    const column = Lazy.string({ produce: () => '*' });
    const head = `SELECT ${column} FROM store1 WHERE eventName = '`;
    const statement = `${head}${'x'.repeat(10000 - (head.length - column.length) - 1)}'`;
    expect(statement.length - column.length).toBe(10000);
    expect(messages(statement, ['store1'])).toEqual([]);
    expect(messages(`${statement}x`, ['store1'])).toEqual([
      '[QueryStatementLength] queryStatement: has at least 10001 characters (its literal part); CloudTrail takes at most 10000 (API model QueryStatement). '
      + 'Fix: shorten the statement',
    ]);
  });

  test('a store ID token interpolated twice counts twice', () => {
    const id = Token.asString({ Ref: 'StoreId' });
    const column = Lazy.string({ produce: () => '*' });
    const head = `SELECT ${column} FROM ${id} JOIN ${id} ON true WHERE eventName = '`;
    const literal = head.length - column.length - 2 * id.length + 2 * 36;
    const statement = `${head}${'x'.repeat(10000 - literal - 1)}'`;
    expect(messages(statement, [id])).toEqual([]);
    expect(messages(`${statement} `, [id])).toEqual([
      '[QueryStatementLength] queryStatement: has at least 10001 characters (its literal part, with the store\'s ID as 36); CloudTrail takes at most 10000 '
      + '(API model QueryStatement). Fix: shorten the statement',
    ]);
  });

  test('a statement of store ID tokens only is as long as the IDs', () => {
    const id = Token.asString({ Ref: 'StoreId' });
    expect(queryStatementProblems('queryStatement', id.repeat(277), [id]).filter(p => p.id === 'QueryStatementLength')).toEqual([]);
    expect(queryStatementProblems('queryStatement', id.repeat(278), [id]).filter(p => p.id === 'QueryStatementLength').map(formatProblem)).toEqual([
      '[QueryStatementLength] queryStatement: has at least 10008 characters (its literal part, with the store\'s ID as 36); CloudTrail takes at most 10000 '
      + '(API model QueryStatement). Fix: shorten the statement',
    ]);
  });

  test('a literal, a quoted identifier or a comment is no keyword; a comment separates words as a space does', () => {
    expect(queryStatementProblems('queryStatement', "'SELECT; x'", []).map(p => [p.id, p.rule])).toEqual([
      ['QueryStatementReadOnly', 'must be a read-only SELECT query (or WITH … SELECT), and it starts with no keyword (StartQuery QueryStatement)'],
    ]);
    expect(queryStatementProblems('queryStatement', '"SELECT; x"', []).map(p => p.id)).toEqual(['QueryStatementReadOnly']);
    expect(messages(`SELECT/* columns */eventName FROM ${ID}`)).toEqual([]);
    expect(messages(`WITH/* one */x AS (SELECT 1) SELECT * FROM ${ID}`)).toEqual([]);
  });

  test('one pass over literals and comments: a quote inside a comment or a comment marker inside a literal starts nothing', () => {
    expect(messages(`SELECT * FROM ${ID} /* don't */ WHERE eventName = 'a;b'`)).toEqual([]);
    expect(messages(`-- the user's events\nSELECT * FROM ${ID} WHERE eventName = 'a;b'`)).toEqual([]);
    expect(queryStatementProblems('queryStatement', `SELECT * FROM ${ID} WHERE eventName = '--'; DELETE FROM ${ID}`, [ID]).map(p => [p.id, p.rule])).toEqual([
      ['QueryStatementSingle', 'holds 2 statements; CloudTrail Lake runs one query at a time (StartQuery QueryStatement)'],
    ]);
  });

  test('opening parentheses before the keyword are not part of it', () => {
    expect(messages(`((SELECT eventName FROM ${ID}))`)).toEqual([]);
    expect(messages(`( (WITH x AS (SELECT 1) SELECT * FROM ${ID}))`)).toEqual([]);
  });

  test('a statement that opens with a token other than a store ID may open with any keyword', () => {
    const select = Token.asString({ Ref: 'Select' });
    expect(queryStatementProblems('queryStatement', select, [])).toEqual([]);
    expect(messages(`(${select} eventName FROM ${ID}`)).toEqual([]);
    expect(queryStatementProblems('queryStatement', `${select}; DELETE FROM ${ID}`, [ID]).map(p => p.id)).toEqual(['QueryStatementSingle']);
    const store = Token.asString({ Ref: 'StoreId' });
    expect(queryStatementProblems('queryStatement', `${store} SELECT`, [store]).map(p => p.rule)).toEqual([
      'must be a read-only SELECT query (or WITH … SELECT), and it starts with no keyword (StartQuery QueryStatement)',
    ]);
  });

  test('a statement that is one token other than a store ID counts as no characters', () => {
    const statement = Lazy.string({ produce: () => `SELECT * FROM ${ID}` });
    expect(queryStatementProblems('queryStatement', statement, [ID]).filter(p => p.id === 'QueryStatementLength')).toEqual([]);
    expect(queryStatementProblems('queryStatement', `${Token.asString({ Ref: 'StoreId' })}${statement}`, [ID]).filter(p => p.id === 'QueryStatementLength')).toEqual([]);
  });

  test('a statement with tokens counts code points, as the API does', () => {
    const column = Lazy.string({ produce: () => '*' });
    const head = `SELECT ${column} FROM ${ID} WHERE eventName = '`;
    const statement = `${head}${'😀'.repeat(10000 - (head.length - column.length) - 1)}'`;
    expect(messages(statement)).toEqual([]);
  });
});

describe('deliveryS3UriProblems', () => {
  test.each(['s3://my-bucket', 's3://my.bucket-1/lake/results', 's3://abc/'])('accepts %s', uri => {
    expect(deliveryS3UriProblems('deliveryBucket', uri)).toEqual([]);
  });

  test.each(['s3://My-Bucket', 's3://ab', 's3://-bucket', 'https://bucket', 's3://bucket-'])('rejects %s', uri => {
    expect(deliveryS3UriProblems('deliveryBucket', uri).map(formatProblem)).toEqual([
      `[DeliveryS3UriFormat] deliveryBucket ${JSON.stringify(uri)}: must be s3://<bucket>[/<prefix>], with a bucket name of 3 to 63 lowercase letters, digits, '.' or '-' `
      + 'that starts and ends with a letter or digit (API model DeliveryS3Uri). Fix: deliver to a bucket whose name follows the S3 naming rules',
    ]);
  });

  test('a URI of 1024 characters is accepted, one longer than 1024 rejected', () => {
    expect(deliveryS3UriProblems('deliveryBucket', `s3://bucket/${'p'.repeat(1012)}`)).toEqual([]);
    const uri = `s3://bucket/${'p'.repeat(1013)}`;
    expect(deliveryS3UriProblems('deliveryBucket', uri).map(p => [p.id, p.property, p.value, p.rule, p.fix])).toEqual([
      ['DeliveryS3UriLength', 'deliveryBucket', uri, 'the delivery URI is 1025 characters long; at most 1024 (API model DeliveryS3Uri)', 'shorten the key prefix'],
    ]);
  });

  test('tokens are not checked', () => {
    expect(deliveryS3UriProblems('deliveryBucket', `s3://${Token.asString({ Ref: 'Bucket' })}/x`)).toEqual([]);
  });
});

describe('scheduleRunsAtOnce', () => {
  test.each<[string, number | undefined]>([
    ['rate(1 minute)', 15],
    ['rate(5 minutes)', 3],
    ['rate(7 minutes)', 3],
    ['rate(8 minutes)', 2],
    ['rate(14 minutes)', 2],
    ['rate(15 minutes)', 1],
    ['rate(1 hour)', 1],
    ['rate(2 hours)', 1],
    ['rate(1 day)', 1],
    ['rate(3 days)', 1],
    ['rate(0 minutes)', undefined],
    ['rate(5 weeks)', undefined],
    ['rate(five minutes)', undefined],
    [' rate(5 minutes)', undefined],
    ['rate(5 minutes) ', undefined],
    ['cron(* * * * ? *)', 15],
    ['cron(0/5 * * * ? *)', 3],
    ['cron(*/10 * * * ? *)', 2],
    ['cron(7/20 * * * ? *)', 1], // 7, 27, 47: 20 minutes apart, also across the hour
    ['cron(50/5 * * * ? *)', 2], // 50 and 55, then 50 again an hour later
    ['cron(0/7 * * * ? *)', 3], // 0, 7, …, 56: 56 and the next hour's 0 are 4 minutes apart, 49, 56 and 0 are held together
    ['cron(59/1 * * * ? *)', 1],
    ['cron(60/1 * * * ? *)', undefined],
    ['cron(0/0 * * * ? *)', undefined],
    ['cron(0 * * * ? *)', 1], // hourly at a fixed minute, like rate(1 hour)
    ['cron(45 * * * ? *)', 1],
    ['cron(0,20,40 * * * ? *)', 1],
    ['cron(0,14 * * * ? *)', 2],
    ['cron(0,15 * * * ? *)', 1],
    ['cron(0,1,2,3,4,5,6 * * * ? *)', 7], // seven runs in seven minutes: all held together, though on average 8.6 minutes apart
    ['cron(50,55,0 * * * ? *)', 3], // across the hour
    ['cron(50,55,5 * * * ? *)', 2], // 50 and 5 are 15 minutes apart: the first run's time is up
    ['cron(0,0,1 * * * ? *)', 2], // a minute named twice starts one run
    ['cron(0,60 * * * ? *)', undefined],
    ['cron(0,-1 * * * ? *)', undefined],
    ['cron(0,x * * * ? *)', undefined],
    ['cron(0,1.5 * * * ? *)', undefined],
    ['cron(a/5 * * * ? *)', undefined],
    ['cron(0/5x * * * ? *)', undefined],
    ['cron(x0/5 * * * ? *)', undefined],
    ['cron(0-29 * * * ? *)', undefined],
    ['cron(0 9 * * ? *)', undefined],
    ['cron(0/5 9 * * ? *)', undefined],
    ['cron(* 9-17 * * ? *)', undefined],
    [' cron(* * * * ? *)', undefined],
    ['cron(* *)', undefined],
    ['at(2026-12-31T00:00:00)', undefined],
  ])('%s: %s', (expression, runs) => {
    expect(scheduleRunsAtOnce(expression)).toBe(runs);
  });

  test('tokens are not read', () => {
    expect(scheduleRunsAtOnce(`rate(${Token.asString({ Ref: 'Minutes' })} minutes)`)).toBeUndefined();
    expect(scheduleRunsAtOnce(`cron(* * ${Token.asString({ Ref: 'Days' })} * ? *)`)).toBeUndefined();
    expect(scheduleRunsAtOnce(Token.asString({ Ref: 'Schedule' }))).toBeUndefined();
  });
});

describe('scheduledQueryConcurrencyProblems', () => {
  const ACCOUNT = '111111111111';
  const REGION = 'us-east-1';
  /** A query run every so many minutes. */
  const schedule = (path: string, minutes: number, account = ACCOUNT, region = REGION): PlacedSchedule =>
    ({ path, account, region, runsAtOnce: scheduleRunsAtOnce(`rate(${minutes} minutes)`)! });
  /** Queries Stack/Q0, Stack/Q1, … of one account and Region, run every so many minutes. */
  const inOneAccount = (intervals: number[]) => intervals.map((minutes, i) => schedule(`Stack/Q${i}`, minutes));

  test.each<[number[], number]>([
    [Array(10).fill(15), 10], // exactly the quota
    [[15, 30, 60, 1440, 8, 8, 8], 10],
    [[2], 8],
    [[5, 5, 5], 9],
    [[7, 7, 30], 7],
  ])('%j hold at most %d queries at once: accepted', intervals => {
    const all = inOneAccount(intervals);
    expect(scheduledQueryConcurrencyProblems(all[0], all)).toEqual([]);
  });

  test.each<[number[], number]>([
    [Array(11).fill(15), 11],
    [[1], 15],
    [[7, 7, 7, 7], 12], // ceil(15/7) = 3 each
    [[14, 14, 14, 14, 14, 16], 11],
    [[16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], 11], // ceil(15/16) = 1 each
  ])('%j may hold %d queries at once: rejected', (intervals, held) => {
    const all = inOneAccount(intervals);
    expect(scheduledQueryConcurrencyProblems(all[0], all).map(p => p.rule)).toEqual([expect.stringMatching(new RegExp(`^these scheduled queries may hold ${held} queries `))]);
  });

  test('the exact message, on the first query only, listing every query of the account and Region', () => {
    const all = inOneAccount([5, 10, 2]);
    expect(scheduledQueryConcurrencyProblems(all[0], all).map(p => [p.id, p.property, p.value, p.rule, p.fix])).toEqual([[
      'ScheduledQueryConcurrency', 'schedule', ['Stack/Q0: 3 at once', 'Stack/Q1: 2 at once', 'Stack/Q2: 8 at once'],
      'these scheduled queries may hold 13 queries running at once in account 111111111111, Region us-east-1: a run is given 15 minutes, so a query may '
      + 'hold as many as it starts within any 15 minutes; CloudTrail Lake runs at most 10 (StartQuery MaxConcurrentQueriesException)',
      'run the queries less often, or combine them into one query',
    ]]);
    expect(scheduledQueryConcurrencyProblems(all[1], all)).toEqual([]);
    expect(scheduledQueryConcurrencyProblems(all[2], all)).toEqual([]);
  });

  test('only the queries of the same account and the same Region count together', () => {
    const first = schedule('A/First', 2);
    const all = [
      schedule('B/OtherRegion', 2, ACCOUNT, 'eu-west-1'), first, schedule('C/OtherAccount', 2, '222222222222'),
      schedule('D/Both', 1, '222222222222', 'eu-west-1'),
    ];
    expect(scheduledQueryConcurrencyProblems(first, all)).toEqual([]);
    const second = schedule('E/Second', 5);
    const problems = scheduledQueryConcurrencyProblems(first, [...all, second]);
    expect(problems.map(p => [p.id, p.property, p.value])).toEqual([['ScheduledQueryConcurrency', 'schedule', ['A/First: 8 at once', 'E/Second: 3 at once']]]);
    expect(problems[0].rule).toMatch(/^these scheduled queries may hold 11 queries running at once in account 111111111111, Region us-east-1: /);
    expect(scheduledQueryConcurrencyProblems(second, [...all, second])).toEqual([]);
    // the other Region's queries are a group of their own, reported on its first
    const third = schedule('F/OtherRegion', 3, ACCOUNT, 'eu-west-1');
    expect(scheduledQueryConcurrencyProblems(all[0], [...all, second])).toEqual([]);
    expect(scheduledQueryConcurrencyProblems(all[0], [...all, second, third]).map(p => p.value)).toEqual([['B/OtherRegion: 8 at once', 'F/OtherRegion: 5 at once']]);
  });
});

describe('scansWholeStore', () => {
  const token = Token.asString({ Ref: 'StoreId' });

  // labels, not statements, name the tests: a token's text in a test name differs between runs
  test.each<[string, string, boolean]>([
    ['no WHERE', `SELECT eventName FROM ${ID}`, true],
    ['eventTime in WHERE', `SELECT eventName FROM ${ID} WHERE eventTime > date_add('hour', -1, now())`, false],
    ['eventTime in ORDER BY only', `SELECT eventTime FROM ${ID} WHERE readOnly = false ORDER BY eventTime`, true],
    ['a token store, no WHERE', `SELECT eventName FROM ${token}`, true],
    ['a token store, eventTime in WHERE', `SELECT eventName FROM ${token} WHERE eventTime > now()`, false],
    ['two tokens', `${token}${Token.asString({ Ref: 'Where' })}`, true],
    ['one token, not tested', token, false],
    ['empty', '', true],
  ])('%s', (_, statement, scans) => {
    expect(scansWholeStore(statement)).toBe(scans);
  });
});

describe('queryStatementProblems on a statement that starts with no word', () => {
  test.each(['42', '* FROM store', '(( 1 ))'])('%j says it starts with no keyword', statement => {
    expect(queryStatementProblems('queryStatement', statement, []).map(p => [p.id, p.rule])).toEqual([[
      'QueryStatementReadOnly',
      'must be a read-only SELECT query (or WITH … SELECT), and it starts with no keyword (StartQuery QueryStatement)',
    ]]);
  });
});
