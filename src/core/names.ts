import { EVENT_DATA_STORE_NAME_LENGTH, Range, TRAIL_NAME_LENGTH } from './limits';
import { isUnresolved, printable, Problem } from './problems';
import type { RuleId } from './rule-registry';

/**
 * Problems with a string's length, or none, and with its text (see `textProblems`). Shared by every
 * length rule in the library so they all read the same.
 */
export function lengthProblems(id: RuleId, property: string, value: string, range: Range, source: string): Problem[] {
  const problems = textProblems(property, value);
  const length = characterCount(value);
  if (length >= range.min && length <= range.max) {
    return problems;
  }
  const rule = `must be ${range.min} to ${range.max} characters long, got ${length} (${source})`;
  const fix = length < range.min
    ? `use at least ${range.min} character${range.min === 1 ? '' : 's'}`
    : `shorten it to at most ${range.max} characters`;
  return [...problems, { id, property, value, rule, fix }];
}

// Any UTF-16 surrogate: only strings with one need a closer look
const SURROGATE = /[\uD800-\uDFFF]/;
// A UTF-16 surrogate without its other half
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Characters as the API counts them: Unicode code points. Most values have no surrogate, and their count is
 * their length; the others are walked, which is what a character count costs.
 */
function characterCount(value: string): number {
  return SURROGATE.test(value) ? [...value].length : value.length;
}

/**
 * The rule every string in a template follows: it is Unicode text. A lone UTF-16 surrogate (half of a
 * character, e.g. from cutting a string inside an emoji) cannot be encoded in UTF-8, and CloudFormation
 * rejects the template (aws-cdk-lib's CloudFormation validation, F1101 JSON parse error).
 */
export function textProblems(property: string, value: string): Problem[] {
  const lone = SURROGATE.test(value) ? LONE_SURROGATE.exec(value) : null;
  if (!lone) {
    return [];
  }
  return [{
    id: 'UnicodeText',
    property,
    value,
    rule: `contains the lone surrogate \\u${lone[0].charCodeAt(0).toString(16)} at index ${lone.index}, half of a character, which is not Unicode text (template JSON)`,
    fix: 'remove it, or complete the character it belongs to',
  }];
}

/**
 * The rules of a trail name (CreateTrail Name, seed 000). Tokens are not checked.
 */
export function trailNameProblems(property: string, name: string): Problem[] {
  if (isUnresolved(name)) {
    return [];
  }
  const source = 'CreateTrail Name rules';
  const problems = lengthProblems('TrailNameLength', property, name, TRAIL_NAME_LENGTH, source);
  const invalid = distinct(name.match(/[^A-Za-z0-9._-]/gu) ?? []);
  if (invalid.length > 0) {
    problems.push({
      id: 'TrailNameCharacters',
      property,
      value: name,
      rule: `contains ${quoteList(invalid, 'and')}; only ASCII letters, digits, '.', '_' and '-' are allowed (${source})`,
      fix: 'remove or replace those characters',
    });
  }
  if (name.length > 0 && (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name))) {
    problems.push({
      id: 'TrailNameEnds',
      property,
      value: name,
      rule: `must start and end with a letter or digit (${source})`,
      fix: 'trim the leading or trailing punctuation',
    });
  }
  if (/[._-]{2}/.test(name)) {
    problems.push({
      id: 'TrailNameSeparators',
      property,
      value: name,
      rule: `adjacent '.', '_' or '-' are not allowed, as in "my--trail" or "my-_trail" (${source})`,
      fix: 'keep one separator between words, e.g. "my-trail"',
    });
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
    problems.push({
      id: 'TrailNameNotIpAddress',
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
  return asciiNameProblems({ length: 'EventDataStoreNameLength', characters: 'EventDataStoreNameCharacters' }, property, name,
    EVENT_DATA_STORE_NAME_LENGTH, 'API model EventDataStoreName');
}

/**
 * The rules of a CloudTrail name of ASCII letters, digits, '.', '_' and '-' within a length range (event data stores,
 * channels), each rule with the id its resource gives it. Tokens are not checked.
 */
export function asciiNameProblems(ids: { readonly length: RuleId; readonly characters: RuleId }, property: string, name: string,
  range: Range, source: string): Problem[] {
  if (isUnresolved(name)) {
    return [];
  }
  const problems = lengthProblems(ids.length, property, name, range, source);
  const invalid = distinct(name.match(/[^A-Za-z0-9._-]/gu) ?? []);
  if (invalid.length > 0) {
    problems.push({
      id: ids.characters,
      property,
      value: name,
      rule: `contains ${quoteList(invalid, 'and')}; only ASCII letters, digits, '.', '_' and '-' are allowed (${source})`,
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
  const shown = values.slice(0, 5).map(v => `'${printable(v)}'`);
  const more = values.length > 5 ? ` and ${values.length - 5} more` : '';
  return shown.length === 1 ? shown[0] + more : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}${more}`;
}
