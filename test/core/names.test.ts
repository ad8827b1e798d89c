import { Lazy, Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import {
  eventDataStoreNameProblems,
  lengthProblems,
  quoteList,
  textProblems,
  trailNameProblems,
} from '../../src/core/names';
import { formatProblem } from '../../src/core/problems';

const FC_OPTIONS = { seed: 42, numRuns: 500 };

const TRAIL_SOURCE = 'CreateTrail Name rules';
const TRAIL_CHARS = "only ASCII letters, digits, '.', '_' and '-' are allowed (CreateTrail Name rules). Fix: remove or replace those characters";
const TRAIL_EDGES = `must start and end with a letter or digit (${TRAIL_SOURCE}). Fix: trim the leading or trailing punctuation`;
const TRAIL_ADJACENT = `adjacent '.', '_' or '-' are not allowed, as in "my--trail" or "my-_trail" (${TRAIL_SOURCE}). Fix: keep one separator between words, e.g. "my-trail"`;
const TRAIL_IP = `must not be in IP address format, such as 192.168.5.4 (${TRAIL_SOURCE}). Fix: add letters to the name, e.g. "trail-192-168-5-4"`;

const EDS_CHARS = "only ASCII letters, digits, '.', '_' and '-' are allowed (API model EventDataStoreName). Fix: remove or replace those characters";

const TOO_LONG_NAME = 'a'.repeat(129);
const TOO_LONG_SHOWN = `"${'a'.repeat(58)}… (length 129)`;

function tooShort(source: string, length: number): string {
  return `must be 3 to 128 characters long, got ${length} (${source}). Fix: use at least 3 characters`;
}

function tooLong(source: string): string {
  return `must be 3 to 128 characters long, got 129 (${source}). Fix: shorten it to at most 128 characters`;
}

const tokens = [
  { kind: 'Token.asString', token: Token.asString({ Ref: 'X' }) },
  { kind: 'Lazy.string', token: Lazy.string({ produce: () => 'my--trail' }) },
  { kind: 'a string embedding a token', token: `-${Token.asString({ Ref: 'X' })}/` },
];

describe('lengthProblems', () => {
  test.each(['abc', 'abcd', 'abcde'])('accepts %j within 3..5', value => {
    expect(lengthProblems('TagKeyLength', 'p', value, { min: 3, max: 5 }, 'src')).toEqual([]);
  });

  test('reports a value that is too short', () => {
    expect(lengthProblems('TagKeyLength', 'p', 'ab', { min: 3, max: 5 }, 'src')).toEqual([{
      id: 'TagKeyLength',
      property: 'p',
      value: 'ab',
      rule: 'must be 3 to 5 characters long, got 2 (src)',
      fix: 'use at least 3 characters',
    }]);
  });

  test('reports a value that is too long', () => {
    expect(lengthProblems('TagKeyLength', 'p', 'abcdef', { min: 3, max: 5 }, 'src')).toEqual([{
      id: 'TagKeyLength',
      property: 'p',
      value: 'abcdef',
      rule: 'must be 3 to 5 characters long, got 6 (src)',
      fix: 'shorten it to at most 5 characters',
    }]);
  });

  test('uses the singular for a minimum of one character', () => {
    expect(lengthProblems('TagKeyLength', 'p', '', { min: 1, max: 5 }, 'src').map(formatProblem)).toEqual([
      '[TagKeyLength] p "": must be 1 to 5 characters long, got 0 (src). Fix: use at least 1 character',
    ]);
  });

  test('counts Unicode characters, not UTF-16 code units', () => {
    expect(lengthProblems('TagKeyLength', 'p', '😀😀😀😀😀', { min: 3, max: 5 }, 'src')).toEqual([]);
    expect(lengthProblems('TagKeyLength', 'p', '😀😀😀😀😀😀', { min: 3, max: 5 }, 'src').map(p => p.rule)).toEqual([
      'must be 3 to 5 characters long, got 6 (src)',
    ]);
  });
});

describe('trailNameProblems', () => {
  test.each([
    'abc',
    'my-trail',
    'My_Trail.2024',
    'a.b_c-d',
    '123',
    '1.2.3',
    '1.2.3.4.5',
    'a'.repeat(128),
  ])('accepts %j', name => {
    expect(trailNameProblems('trailName', name)).toEqual([]);
  });

  test.each([
    { why: 'too short', name: 'ab', expected: [`[TrailNameLength] trailName "ab": ${tooShort(TRAIL_SOURCE, 2)}`] },
    { why: 'empty', name: '', expected: [`[TrailNameLength] trailName "": ${tooShort(TRAIL_SOURCE, 0)}`] },
    { why: 'too long', name: TOO_LONG_NAME, expected: [`[TrailNameLength] trailName ${TOO_LONG_SHOWN}: ${tooLong(TRAIL_SOURCE)}`] },
    { why: 'a space', name: 'my trail', expected: [`[TrailNameCharacters] trailName "my trail": contains ' '; ${TRAIL_CHARS}`] },
    { why: 'repeated invalid characters, named once', name: 'my/trail@x/y', expected: [`[TrailNameCharacters] trailName "my/trail@x/y": contains '/' and '@'; ${TRAIL_CHARS}`] },
    { why: 'non-ASCII letters', name: 'café*trail', expected: [`[TrailNameCharacters] trailName "café*trail": contains 'é' and '*'; ${TRAIL_CHARS}`] },
    {
      why: 'more than five invalid characters',
      name: 'a!b@c#d$e%f^g',
      expected: [`[TrailNameCharacters] trailName "a!b@c#d$e%f^g": contains '!', '@', '#', '$' and '%' and 1 more; ${TRAIL_CHARS}`],
    },
    { why: 'a double quote', name: 'my"trail', expected: [`[TrailNameCharacters] trailName "my\\"trail": contains '"'; ${TRAIL_CHARS}`] },
    { why: 'a leading dash', name: '-my-trail', expected: [`[TrailNameEnds] trailName "-my-trail": ${TRAIL_EDGES}`] },
    { why: 'a trailing period', name: 'my-trail.', expected: [`[TrailNameEnds] trailName "my-trail.": ${TRAIL_EDGES}`] },
    { why: 'a leading underscore', name: '_trail', expected: [`[TrailNameEnds] trailName "_trail": ${TRAIL_EDGES}`] },
    { why: 'adjacent dashes', name: 'my--trail', expected: [`[TrailNameSeparators] trailName "my--trail": ${TRAIL_ADJACENT}`] },
    { why: 'a dash next to an underscore', name: 'my-_trail', expected: [`[TrailNameSeparators] trailName "my-_trail": ${TRAIL_ADJACENT}`] },
    { why: 'adjacent periods', name: 'my..trail', expected: [`[TrailNameSeparators] trailName "my..trail": ${TRAIL_ADJACENT}`] },
    { why: 'an IP address', name: '192.168.5.4', expected: [`[TrailNameNotIpAddress] trailName "192.168.5.4": ${TRAIL_IP}`] },
    { why: 'an IP address of single digits', name: '1.2.3.4', expected: [`[TrailNameNotIpAddress] trailName "1.2.3.4": ${TRAIL_IP}`] },
    {
      why: 'a single dash',
      name: '-',
      expected: [`[TrailNameLength] trailName "-": ${tooShort(TRAIL_SOURCE, 1)}`, `[TrailNameEnds] trailName "-": ${TRAIL_EDGES}`],
    },
    {
      why: 'two dashes',
      name: '--',
      expected: [`[TrailNameLength] trailName "--": ${tooShort(TRAIL_SOURCE, 2)}`, `[TrailNameEnds] trailName "--": ${TRAIL_EDGES}`, `[TrailNameSeparators] trailName "--": ${TRAIL_ADJACENT}`],
    },
    {
      why: 'a leading space',
      name: ' trail',
      expected: [`[TrailNameCharacters] trailName " trail": contains ' '; ${TRAIL_CHARS}`, `[TrailNameEnds] trailName " trail": ${TRAIL_EDGES}`],
    },
  ])('rejects $why ($name)', ({ name, expected }) => {
    expect(trailNameProblems('trailName', name).map(formatProblem)).toEqual(expected);
  });

  test('reports under the given property', () => {
    expect(trailNameProblems('props.trail.name', 'ab').map(p => p.property)).toEqual(['props.trail.name']);
  });

  test.each(tokens)('skips $kind', ({ token }) => {
    expect(trailNameProblems('trailName', token)).toEqual([]);
  });
});

describe('eventDataStoreNameProblems', () => {
  test.each([
    'abc',
    'my-store',
    'my.store_2',
    'my--store',
    '-store-',
    '192.168.5.4',
    'a'.repeat(128),
  ])('accepts %j', name => {
    expect(eventDataStoreNameProblems('name', name)).toEqual([]);
  });

  test.each([
    { why: 'too short', name: 'ab', expected: [`[EventDataStoreNameLength] name "ab": ${tooShort('API model EventDataStoreName', 2)}`] },
    { why: 'too long', name: TOO_LONG_NAME, expected: [`[EventDataStoreNameLength] name ${TOO_LONG_SHOWN}: ${tooLong('API model EventDataStoreName')}`] },
    { why: 'a space', name: 'my store', expected: [`[EventDataStoreNameCharacters] name "my store": contains ' '; ${EDS_CHARS}`] },
    { why: 'a slash and a colon', name: 'arn:my/store', expected: [`[EventDataStoreNameCharacters] name "arn:my/store": contains ':' and '/'; ${EDS_CHARS}`] },
    {
      why: 'too short with an invalid character',
      name: 'a/',
      expected: [`[EventDataStoreNameLength] name "a/": ${tooShort('API model EventDataStoreName', 2)}`, `[EventDataStoreNameCharacters] name "a/": contains '/'; ${EDS_CHARS}`],
    },
  ])('rejects $why ($name)', ({ name, expected }) => {
    expect(eventDataStoreNameProblems('name', name).map(formatProblem)).toEqual(expected);
  });

  test.each(tokens)('skips $kind', ({ token }) => {
    expect(eventDataStoreNameProblems('name', token)).toEqual([]);
  });
});

describe('quoteList', () => {
  test.each([
    { values: ['a'], conjunction: 'or' as const, expected: "'a'" },
    { values: ['a', 'b'], conjunction: 'or' as const, expected: "'a' or 'b'" },
    { values: ['a', 'b'], conjunction: 'and' as const, expected: "'a' and 'b'" },
    { values: ['a', 'b', 'c'], conjunction: 'and' as const, expected: "'a', 'b' and 'c'" },
    { values: ['a', 'b', 'c', 'd', 'e'], conjunction: 'or' as const, expected: "'a', 'b', 'c', 'd' or 'e'" },
    { values: ['a', 'b', 'c', 'd', 'e', 'f'], conjunction: 'or' as const, expected: "'a', 'b', 'c', 'd' or 'e' and 1 more" },
    { values: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], conjunction: 'and' as const, expected: "'a', 'b', 'c', 'd' and 'e' and 2 more" },
  ])('quotes $values with $conjunction', ({ values, conjunction, expected }) => {
    expect(quoteList(values, conjunction)).toBe(expected);
  });

  test('defaults to "or"', () => {
    expect(quoteList(['a', 'b', 'c'])).toBe("'a', 'b' or 'c'");
  });

  test('shows characters that would break the line or hide text as escapes', () => {
    expect(quoteList(['\n', '\t', '\u202e', '\u200b', 'é'], 'and')).toBe("'\\u000a', '\\u0009', '\\u202e', '\\u200b' and 'é'");
  });
});

describe('textProblems', () => {
  test.each(['', 'plain', 'émoji 😀 and 👩‍👩‍👧', '\u0000', 'עברית'])('accepts %j', text => {
    expect(textProblems('name', text)).toEqual([]);
  });

  test.each([
    ['a leading surrogate without its pair', 'ab\ud83d', '\\ud83d at index 2'],
    ['a trailing surrogate without its pair', '\ude00x', '\\ude00 at index 0'],
    ['a surrogate pair in the wrong order', '\ude00\ud83d', '\\ude00 at index 0'],
  ])('rejects %s', (_, text, where) => {
    expect(textProblems('name', text).map(formatProblem)).toEqual([
      `[UnicodeText] name ${JSON.stringify(text)}: contains the lone surrogate ${where}, half of a character, which is not Unicode text (template JSON). `
      + 'Fix: remove it, or complete the character it belongs to',
    ]);
  });

  test('is part of every length rule, with its own id', () => {
    expect(lengthProblems('TagKeyLength', 'tags key', 'k\udc00', { min: 1, max: 128 }, 'AddTags').map(p => p.id)).toEqual(['UnicodeText']);
    expect(lengthProblems('TagKeyLength', 'tags key', 'k\udc00', { min: 1, max: 128 }, 'AddTags').map(p => p.rule)).toEqual([
      'contains the lone surrogate \\udc00 at index 1, half of a character, which is not Unicode text (template JSON)',
    ]);
  });
});

describe('trail name properties', () => {
  const alphanumeric = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
  const word = fc.string({ unit: alphanumeric, minLength: 1, maxLength: 10 });
  const separator = fc.constantFrom('.', '_', '-');
  const ipShaped = /^[0-9]+(\.[0-9]+){3}$/;

  const wordsJoined = (maxWords: number) => fc
    .tuple(word, fc.array(fc.tuple(separator, word), { maxLength: maxWords }))
    .map(([first, rest]) => first + rest.map(([sep, w]) => sep + w).join(''));

  const validTrailName = wordsJoined(15).filter(name => name.length >= 3 && name.length <= 128 && !ipShaped.test(name));

  const shortValidTrailName = wordsJoined(4).filter(name => name.length >= 3 && !ipShaped.test(name));

  const rulesOf = (name: string) => trailNameProblems('trailName', name).map(p => `${p.rule}. Fix: ${p.fix}`);

  test('valid names are never rejected', () => {
    fc.assert(fc.property(validTrailName, name => {
      expect(trailNameProblems('trailName', name)).toEqual([]);
    }), FC_OPTIONS);
  });

  test('adjacent separators are always rejected', () => {
    fc.assert(fc.property(shortValidTrailName, separator, separator, shortValidTrailName, (left, first, second, right) => {
      const name = `${left}${first}${second}${right}`;
      expect(rulesOf(name)).toEqual([TRAIL_ADJACENT]);
    }), FC_OPTIONS);
  });

  test('a leading or trailing separator is always rejected', () => {
    fc.assert(fc.property(shortValidTrailName, separator, fc.boolean(), (valid, sep, leading) => {
      const name = leading ? sep + valid : valid + sep;
      expect(rulesOf(name)).toEqual([TRAIL_EDGES]);
    }), FC_OPTIONS);
  });

  test('an invalid character is always rejected and named', () => {
    const invalidChar = fc.constantFrom(' ', '/', '@', 'é', '*', ':', '\t', 'ß');
    fc.assert(fc.property(shortValidTrailName, invalidChar, fc.nat(), (valid, char, at) => {
      const index = 1 + (at % (valid.length - 1));
      const name = valid.slice(0, index) + char + valid.slice(index);
      // a tab would break the message's line, so it is shown as its escape
      expect(rulesOf(name)).toEqual([`contains '${char === '\t' ? '\\u0009' : char}'; ${TRAIL_CHARS}`]);
    }), FC_OPTIONS);
  });

  test('a name longer than 128 characters is always rejected', () => {
    const longName = fc.string({ unit: alphanumeric, minLength: 129, maxLength: 400 });
    fc.assert(fc.property(longName, name => {
      expect(rulesOf(name)).toEqual([
        `must be 3 to 128 characters long, got ${name.length} (${TRAIL_SOURCE}). Fix: shorten it to at most 128 characters`,
      ]);
    }), FC_OPTIONS);
  });

  test('an IPv4 address is always rejected', () => {
    fc.assert(fc.property(fc.ipV4(), name => {
      expect(rulesOf(name)).toEqual([TRAIL_IP]);
    }), FC_OPTIONS);
  });
});

describe('name pattern properties', () => {
  const allowedUnit = fc.constantFrom('a', 'Z', '7', '.', '_', '-');
  const mixedUnit = fc.constantFrom('a', 'Z', '7', '.', '_', '-', ' ', '/', 'é', '😀', '\n');
  const inputs = fc.oneof(
    fc.string({ unit: allowedUnit, maxLength: 140 }),
    fc.string({ maxLength: 140 }),
    fc.string({ unit: 'grapheme', maxLength: 140 }),
    fc.string({ unit: 'binary', maxLength: 140 }),
    fc.string({ unit: mixedUnit, maxLength: 140 }),
    fc.string({ unit: mixedUnit, minLength: 120, maxLength: 140 }),
  );

  test('eventDataStoreNameProblems agrees with ^[a-zA-Z0-9._-]{3,128}$', () => {
    fc.assert(fc.property(inputs, name => {
      expect(eventDataStoreNameProblems('name', name).length === 0).toBe(/^[a-zA-Z0-9._-]{3,128}$/.test(name));
    }), FC_OPTIONS);
  });
});

test('characters outside the Basic Multilingual Plane are named whole', () => {
  expect(trailNameProblems('trailName', 'a😀b').map(formatProblem)).toContain(
    "[TrailNameCharacters] trailName \"a😀b\": contains '😀'; only ASCII letters, digits, '.', '_' and '-' are allowed (CreateTrail Name rules). Fix: remove or replace those characters");
});

test('an empty list quotes as nothing', () => {
  expect(quoteList([])).toBe('');
});
