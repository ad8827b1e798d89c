import { Tokenization } from 'aws-cdk-lib';
import { DELIVERY_S3_URI_MAX_LENGTH, EVENT_DATA_STORE_ID_LENGTH, MAX_CONCURRENT_QUERIES, QUERY_STATEMENT_LENGTH, SCHEDULED_RUN_MINUTES } from './limits';
import { lengthProblems } from './names';
import type { Placement } from './placement';
import { isUnresolved, Problem } from './problems';

const STATEMENT_SOURCE = 'StartQuery QueryStatement';

/**
 * The rules of a CloudTrail Lake query statement: 1 to 10000 characters (API model QueryStatement), one
 * read-only statement (CloudTrail Lake runs SELECT queries only, optionally with a WITH clause), and a
 * reference to one of the given stores, because a query names its event data stores by ID. A statement
 * with tokens is held to the maximum length by its literal part, a lower bound of what CloudTrail gets.
 */
export function queryStatementProblems(property: string, statement: string, storeIds: string[]): Problem[] {
  const problems: Problem[] = [];
  if (!isUnresolved(statement)) {
    problems.push(...lengthProblems('QueryStatementLength', property, statement, QUERY_STATEMENT_LENGTH, 'API model QueryStatement'));
  } else {
    problems.push(...tokenizedLengthProblems(property, statement, storeIds));
  }
  const code = sqlCode(statement);
  const statements = code.split(';').map(part => part.trim()).filter(part => part.length > 0);
  if (statements.length > 1) {
    problems.push({
      id: 'QueryStatementSingle',
      property,
      value: statement,
      rule: `holds ${statements.length} statements; CloudTrail Lake runs one query at a time (${STATEMENT_SOURCE})`,
      fix: 'split it into one LakeQuery per statement',
    });
  }
  const first = statements[0] ?? '';
  const opening = first.replace(/^[(\s]+/, '');
  // a statement that opens with a token other than a store's ID may open with any keyword
  const opensWithToken = opening.length > 0 && Tokenization.reverseString(opening).firstToken !== undefined
    && !storeIds.some(id => opening.startsWith(id));
  const keyword = /^[A-Za-z]+/.exec(opening)?.[0].toUpperCase();
  if (statements.length > 0 && !opensWithToken && keyword !== 'SELECT' && keyword !== 'WITH') {
    problems.push({
      id: 'QueryStatementReadOnly',
      property,
      value: statement,
      rule: `must be a read-only SELECT query (or WITH … SELECT), and it starts with ${keyword ? `'${keyword}'` : 'no keyword'} (${STATEMENT_SOURCE})`,
      fix: 'write a SELECT query; CloudTrail Lake cannot change data',
    });
  }
  if (keyword === 'WITH' && !/\bSELECT\b/i.test(first)) {
    problems.push({
      id: 'QueryStatementWithSelect',
      property,
      value: statement,
      rule: `a WITH clause must be followed by a SELECT query (${STATEMENT_SOURCE})`,
      fix: 'end the query with a SELECT',
    });
  }
  // A store's ID token appears in the statement as the token's text, so interpolation is visible here.
  const named = storeIds.some(id => statement.includes(id));
  if (storeIds.length > 0 && !named && !isUnresolved(statement)) {
    const shown = storeIds.map(id => isUnresolved(id) ? 'the store\'s eventDataStoreId' : `'${id}'`);
    problems.push({
      id: 'QueryStatementStoreReference',
      property,
      value: statement,
      rule: `does not name the event data store it runs on, ${shown.join(' or ')} (${STATEMENT_SOURCE}: FROM <event data store ID>)`,
      fix: 'interpolate the store\'s ID into the statement: `SELECT … FROM ${store.eventDataStoreId}`',
    });
  }
  return problems;
}

/**
 * The length of a statement with tokens, at least: its literal characters, and 36 for each store ID token in it (a
 * UUID); other tokens count as nothing. Over the maximum, the statement is too long whatever the tokens become.
 */
function tokenizedLengthProblems(property: string, statement: string, storeIds: string[]): Problem[] {
  let rest = statement;
  let storeIdTokens = 0;
  for (const id of storeIds.filter(isUnresolved)) {
    const parts = rest.split(id);
    storeIdTokens += parts.length - 1;
    rest = parts.join('');
  }
  // join() of no fragments (the statement is store ID tokens only) is join(undefined, undefined)
  const literal: string = Tokenization.reverseString(rest).mapTokens({ mapToken: () => '' }).join({ join: (left, right) => `${left ?? ''}${right ?? ''}` });
  // characters as the API counts them: code points
  const atLeast = [...literal].length + storeIdTokens * EVENT_DATA_STORE_ID_LENGTH;
  if (atLeast <= QUERY_STATEMENT_LENGTH.max) {
    return [];
  }
  const counted = storeIdTokens > 0 ? `its literal part, with the store's ID as ${EVENT_DATA_STORE_ID_LENGTH}` : 'its literal part';
  return [{
    id: 'QueryStatementLength',
    property,
    rule: `has at least ${atLeast} characters (${counted}); CloudTrail takes at most ${QUERY_STATEMENT_LENGTH.max} (API model QueryStatement)`,
    fix: 'shorten the statement',
  }];
}

// API model DeliveryS3Uri pattern: s3://[a-z0-9][\.\-a-z0-9]{1,61}[a-z0-9](/.*)?
const DELIVERY_S3_URI = /^s3:\/\/[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9](\/.*)?$/s;

/**
 * The rules of the S3 URI a query delivers its results to (API model DeliveryS3Uri): `s3://` and a
 * bucket name of 3 to 63 lowercase letters, digits, '.' and '-', optionally a key prefix; at most 1024
 * characters. Token parts are not checked.
 */
export function deliveryS3UriProblems(property: string, uri: string): Problem[] {
  if (isUnresolved(uri)) {
    return [];
  }
  const problems: Problem[] = [];
  if (uri.length > DELIVERY_S3_URI_MAX_LENGTH) {
    problems.push({
      id: 'DeliveryS3UriLength',
      property,
      value: uri,
      rule: `the delivery URI is ${uri.length} characters long; at most ${DELIVERY_S3_URI_MAX_LENGTH} (API model DeliveryS3Uri)`,
      fix: 'shorten the key prefix',
    });
  }
  if (!DELIVERY_S3_URI.test(uri)) {
    problems.push({
      id: 'DeliveryS3UriFormat',
      property,
      value: uri,
      rule: 'must be s3://<bucket>[/<prefix>], with a bucket name of 3 to 63 lowercase letters, digits, \'.\' or \'-\' that starts and ends with a letter or digit '
        + '(API model DeliveryS3Uri)',
      fix: 'deliver to a bucket whose name follows the S3 naming rules',
    });
  }
  return problems;
}

// a string literal, a quoted identifier, a line comment or a block comment
const LITERAL_OR_COMMENT = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g;

/**
 * The statement with its string literals, quoted identifiers and comments blanked out, so their ';', '?' and keywords do
 * not count: one pass from left to right, as SQL reads it, so a quote inside a comment or '--' inside a literal starts
 * nothing. A literal becomes `''` unless `literal` maps it otherwise, a quoted identifier `""`, a comment a space.
 */
export function sqlCode(statement: string, literal: (text: string) => string = () => "''"): string {
  return statement.replace(LITERAL_OR_COMMENT, text => text.startsWith("'") ? literal(text) : text.startsWith('"') ? '""' : ' ');
}

const MINUTES: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };

/**
 * How many runs of a schedule may be running at once, each given SCHEDULED_RUN_MINUTES: the most runs it starts within
 * any SCHEDULED_RUN_MINUTES. Known for `rate(value unit)` and for a `cron(...)` with `*` hours whose minute field is `*`,
 * a step (such as `0/5`), a list or one minute (EventBridge Scheduler schedule types); undefined for one-time schedules,
 * tokens and crons that name hours, which the concurrency rule leaves alone.
 */
export function scheduleRunsAtOnce(expression: string): number | undefined {
  if (isUnresolved(expression)) {
    return undefined;
  }
  const rate = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]) * MINUTES[rate[2]];
    return minutes > 0 ? Math.ceil(SCHEDULED_RUN_MINUTES / minutes) : undefined;
  }
  const starts = hourlyCronMinutes(expression);
  if (!starts) {
    return undefined;
  }
  // a run started at minute s holds its query until s + SCHEDULED_RUN_MINUTES; the hour repeats
  const heldAt = (minute: number) => starts.filter(start => (minute - start + 60) % 60 < SCHEDULED_RUN_MINUTES).length;
  return Math.max(...starts.map(heldAt));
}

/** The minutes of every hour a cron with `*` hours starts a run at; undefined for other crons. */
function hourlyCronMinutes(expression: string): number[] | undefined {
  const cron = /^cron\((\S+) (\S+) /.exec(expression);
  if (!cron || cron[2] !== '*') {
    return undefined;
  }
  const minute = cron[1] === '*' ? '0/1' : cron[1];
  const step = /^(\*|\d+)\/(\d+)$/.exec(minute);
  if (step) {
    const first = step[1] === '*' ? 0 : Number(step[1]);
    const every = Number(step[2]);
    return every > 0 && first < 60 ? Array.from({ length: Math.ceil((60 - first) / every) }, (_, i) => first + i * every) : undefined;
  }
  const listed = [...new Set(minute.split(',').map(Number))];
  return listed.every(value => Number.isInteger(value) && value >= 0 && value < 60) ? listed : undefined;
}

/** A scheduled query placed in its account and Region, with how many of its runs may be running at once. */
export interface PlacedSchedule extends Placement {
  readonly runsAtOnce: number;
}

/**
 * The concurrent-queries quota for scheduled queries: a run holds one of the account's 10 concurrent queries (StartQuery,
 * MaxConcurrentQueriesException) for as long as its function may wait for it (15 minutes), so a query holds as many as
 * it starts within any 15 minutes (`scheduleRunsAtOnce`); the scheduled queries of one account and Region together may
 * hold at most 10. Reported once, on the first of them. `all` is every scheduled query of the app whose runs are known,
 * in app order.
 */
export function scheduledQueryConcurrencyProblems(query: PlacedSchedule, all: PlacedSchedule[]): Problem[] {
  const together = all.filter(other => other.account === query.account && other.region === query.region);
  const held = together.reduce((sum, other) => sum + other.runsAtOnce, 0);
  if (held <= MAX_CONCURRENT_QUERIES || together[0].path !== query.path) {
    return [];
  }
  return [{
    id: 'ScheduledQueryConcurrency',
    property: 'schedule',
    value: together.map(other => `${other.path}: ${other.runsAtOnce} at once`),
    rule: `these scheduled queries may hold ${held} queries running at once in account ${query.account}, Region ${query.region}: a run is given `
      + `${SCHEDULED_RUN_MINUTES} minutes, so a query may hold as many as it starts within any ${SCHEDULED_RUN_MINUTES} minutes; CloudTrail Lake runs at most `
      + `${MAX_CONCURRENT_QUERIES} (StartQuery MaxConcurrentQueriesException)`,
    fix: 'run the queries less often, or combine them into one query',
  }];
}

// eventTime in a WHERE clause: after a WHERE, before the clause ends with GROUP BY, ORDER BY, HAVING or LIMIT
const WHERE_EVENT_TIME = /\bwhere\b(?:(?!\b(?:group\s+by|order\s+by|having|limit)\b)[\s\S])*?\beventtime\b/i;

/**
 * Whether a statement has no condition on eventTime: a scheduled query without a time window scans the whole store on
 * every run, and CloudTrail Lake bills the data each query scans (User Guide, "CloudTrail Lake queries": constrain
 * queries by eventTime). Only an eventTime in a WHERE clause counts: one in the select list or an ORDER BY filters nothing.
 * Tokens in the statement are left out of the test; a statement that is one token is not tested.
 */
export function scansWholeStore(statement: string): boolean {
  const fragments = Tokenization.reverseString(statement);
  if (fragments.length === 1 && fragments.tokens.length === 1) {
    return false;
  }
  return !WHERE_EVENT_TIME.test(statement);
}
