import { DASHBOARD_NAME_LENGTH, EVENT_DATA_STORE_NAME_LENGTH, Range, TRAIL_NAME_LENGTH } from './limits';
import { isUnresolved, Problem } from './problems';

/**
 * Problems with a string's length, or none. Shared by every length rule in the library so they all
 * read the same.
 */
export function lengthProblems(property: string, value: string, range: Range, source: string): Problem[] {
  const length = [...value].length;
  if (length >= range.min && length <= range.max) {
    return [];
  }
  const rule = `must be ${range.min} to ${range.max} characters long, got ${length} (${source})`;
  const fix = length < range.min
    ? `use at least ${range.min} character${range.min === 1 ? '' : 's'}`
    : `shorten it to at most ${range.max} characters`;
  return [{ property, value, rule, fix }];
}

/**
 * The rules of a trail name (CreateTrail Name, seed 000). Tokens are not checked.
 */
export function trailNameProblems(property: string, name: string): Problem[] {
  if (isUnresolved(name)) {
    return [];
  }
  const source = 'CreateTrail Name rules';
  const problems = lengthProblems(property, name, TRAIL_NAME_LENGTH, source);
  const invalid = distinct(name.match(/[^A-Za-z0-9._-]/gu) ?? []);
  if (invalid.length > 0) {
    problems.push({
      property,
      value: name,
      rule: `contains ${quoteList(invalid, 'and')}; only ASCII letters, digits, '.', '_' and '-' are allowed (${source})`,
      fix: 'remove or replace those characters',
    });
  }
  if (name.length > 0 && (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name))) {
    problems.push({
      property,
      value: name,
      rule: `must start and end with a letter or digit (${source})`,
      fix: 'trim the leading or trailing punctuation',
    });
  }
  if (/[._-]{2}/.test(name)) {
    problems.push({
      property,
      value: name,
      rule: `adjacent '.', '_' or '-' are not allowed, as in "my--trail" or "my-_trail" (${source})`,
      fix: 'keep one separator between words, e.g. "my-trail"',
    });
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
    problems.push({
      property,
      value: name,
      rule: `must not be in IP address format, such as 192.168.5.4 (${source})`,
      fix: 'add letters to the name, e.g. "trail-192-168-5-4"',
    });
  }
  return problems;
}

/**
 * The rules of an event data store name (API model EventDataStoreName). Tokens are not checked.
 */
export function eventDataStoreNameProblems(property: string, name: string): Problem[] {
  return patternNameProblems(property, name, EVENT_DATA_STORE_NAME_LENGTH, /[^A-Za-z0-9._-]/gu,
    "ASCII letters, digits, '.', '_' and '-'", 'API model EventDataStoreName');
}

/**
 * The rules of a CloudTrail Lake dashboard name (API model DashboardName). Tokens are not checked.
 */
export function dashboardNameProblems(property: string, name: string): Problem[] {
  return patternNameProblems(property, name, DASHBOARD_NAME_LENGTH, /[^A-Za-z0-9_-]/gu,
    "ASCII letters, digits, '_' and '-'", 'API model DashboardName');
}

function patternNameProblems(property: string, name: string, range: Range, invalidChars: RegExp,
  allowed: string, source: string): Problem[] {
  if (isUnresolved(name)) {
    return [];
  }
  const problems = lengthProblems(property, name, range, source);
  const invalid = distinct(name.match(invalidChars) ?? []);
  if (invalid.length > 0) {
    problems.push({
      property,
      value: name,
      rule: `contains ${quoteList(invalid, 'and')}; only ${allowed} are allowed (${source})`,
      fix: 'remove or replace those characters',
    });
  }
  return problems;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** `'a', 'b' or 'c'` (or with 'and'), naming at most five. */
export function quoteList(values: string[], conjunction: 'and' | 'or' = 'or'): string {
  if (values.length === 0) {
    return '';
  }
  const shown = values.slice(0, 5).map(v => `'${v}'`);
  const more = values.length > 5 ? ` and ${values.length - 5} more` : '';
  return shown.length === 1 ? shown[0] + more : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}${more}`;
}
