import { App, CfnWaitConditionHandle, Errors, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { formatProblem, isUnresolved, Problem, showValue, throwIfProblems, validateAtSynth, warnRule, WARNING_ID_PREFIX } from '../../src/core/problems';
import { errorOf, testStack } from '../util';

const PROBLEM: Problem = {
  id: 'TrailNameCharacters',
  property: 'trailName',
  value: 'my trail',
  rule: 'contains a space (CreateTrail Name rules)',
  fix: 'remove it',
};

const OTHER_PROBLEM: Problem = {
  id: 'RetentionRange',
  property: 'retentionDays',
  value: 3,
  rule: 'must be 7 to 3653 (API model RetentionPeriod)',
  fix: 'use at least 7',
};

function constructInStack(): { app: App; stack: Stack; construct: Construct } {
  const stack = testStack();
  const construct = new Construct(stack, 'Construct');
  return { app: stack.node.root as App, stack, construct };
}

describe('formatProblem', () => {
  test('shows the rule id first, then the property, the value as JSON, the rule and the fix', () => {
    expect(formatProblem(PROBLEM)).toBe('[TrailNameCharacters] trailName "my trail": contains a space (CreateTrail Name rules). Fix: remove it');
  });

  test('shows non-string values as JSON', () => {
    expect(formatProblem(OTHER_PROBLEM)).toBe('[RetentionRange] retentionDays 3: must be 7 to 3653 (API model RetentionPeriod). Fix: use at least 7');
    expect(formatProblem({ ...PROBLEM, value: ['a', 1, { b: true }] }))
      .toBe('[TrailNameCharacters] trailName ["a",1,{"b":true}]: contains a space (CreateTrail Name rules). Fix: remove it');
  });

  test('leaves the value out when the problem has no value', () => {
    expect(formatProblem({ id: 'LogFileExpirationNeedsOwnBucket', property: 'bucket', rule: 'is required (CreateTrail)', fix: 'pass a bucket' }))
      .toBe('[LogFileExpirationNeedsOwnBucket] bucket: is required (CreateTrail). Fix: pass a bucket');
  });

  test('leaves out an explicitly undefined value, as a missing one: no message shows "undefined"', () => {
    expect(formatProblem({ ...PROBLEM, value: undefined }))
      .toBe('[TrailNameCharacters] trailName: contains a space (CreateTrail Name rules). Fix: remove it');
  });

  test('shortens a long value', () => {
    expect(formatProblem({ ...PROBLEM, value: 'x'.repeat(100) }))
      .toBe(`[TrailNameCharacters] trailName "${'x'.repeat(58)}… (length 100): contains a space (CreateTrail Name rules). Fix: remove it`);
  });

  test('does not throw for a value JSON cannot show', () => {
    expect(formatProblem({ ...PROBLEM, value: BigInt(12) }))
      .toBe('[TrailNameCharacters] trailName 12: contains a space (CreateTrail Name rules). Fix: remove it');
  });
});

describe('showValue', () => {
  test.each([
    { value: 'abc', expected: '"abc"' },
    { value: '', expected: '""' },
    { value: 'say "hi"', expected: '"say \\"hi\\""' },
    { value: 42, expected: '42' },
    { value: true, expected: 'true' },
    { value: null, expected: 'null' },
    { value: undefined, expected: 'undefined' },
    { value: ['a', 'b'], expected: '["a","b"]' },
    { value: { key: 'k', value: 'v' }, expected: '{"key":"k","value":"v"}' },
  ])('shows $value as $expected', ({ value, expected }) => {
    expect(showValue(value)).toBe(expected);
  });

  test.each([
    { why: 'a line separator', value: 'a\u2028b', expected: '"a\\u2028b"' },
    { why: 'a right-to-left override', value: '\u202eevil', expected: '"\\u202eevil"' },
    { why: 'a zero-width space', value: 'zero\u200bwidth', expected: '"zero\\u200bwidth"' },
    { why: 'a C1 control', value: 'x\u0085', expected: '"x\\u0085"' },
    { why: 'a byte order mark', value: '\ufeffbom', expected: '"\\ufeffbom"' },
  ])('shows $why as an escape, so a message stays one readable line', ({ value, expected }) => {
    expect(showValue(value)).toBe(expected);
  });

  test('keeps a value whose JSON is exactly 60 characters', () => {
    const value = 'y'.repeat(58);
    expect(showValue(value)).toBe(`"${value}"`);
  });

  test('cuts a string whose JSON is longer than 60 characters and gives its length', () => {
    const shown = showValue('y'.repeat(59));
    expect(shown).toBe(`"${'y'.repeat(58)}… (length 59)`);
    expect(shown.indexOf('…')).toBe(59);
  });

  test('cuts a long ARN in its middle, keeping its start and its informative end (an organization\'s o-…)', () => {
    const arn = 'arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5f6g7h8i9j0k1l2m3';
    const shown = showValue(arn);
    expect(shown).toBe('"arn:aws:organizatio…anization/o-a1b2c3d4e5f6g7h8i9j0k1l2m3" (length 77)');
    expect([...shown.slice(0, shown.indexOf(' (length'))].length).toBe(60);
  });

  test('keeps an ARN whose JSON is exactly 60 characters', () => {
    const arn = `arn:aws:iam::111111111111:role/${'r'.repeat(27)}`;
    expect(showValue(arn)).toBe(`"${arn}"`);
  });

  test('cuts a long array and gives its length', () => {
    const value = Array.from({ length: 30 }, (_, i) => `v${i}`);
    expect(showValue(value)).toBe('["v0","v1","v2","v3","v4","v5","v6","v7","v8","v9","v10","v… (length 30)');
  });

  test('cuts a long object without a length', () => {
    const value = { description: 'z'.repeat(100) };
    expect(showValue(value)).toBe(`{"description":"${'z'.repeat(43)}…`);
  });

  test.each([[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']])('shows %d as itself, not as JSON\'s null', (value, expected) => {
    expect(showValue(value)).toBe(expected);
  });

  test('shows a BigInt without throwing', () => {
    expect(showValue(BigInt('12345678901234567890'))).toBe('12345678901234567890');
  });

  test('shows a circular object without throwing', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    expect(showValue(circular)).toBe('[object Object]');
  });

  test('shows a circular array without throwing', () => {
    const circular: unknown[] = ['a'];
    circular.push(circular);
    expect(() => showValue(circular)).not.toThrow();
  });
});

describe('throwIfProblems', () => {
  test('does nothing when there are no problems', () => {
    const { construct } = constructInStack();
    expect(() => throwIfProblems(construct, [])).not.toThrow();
  });

  test('throws a ValidationError for one problem, prefixed with the construct path', () => {
    const { construct } = constructInStack();
    const error = errorOf(() => throwIfProblems(construct, [PROBLEM]));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe(`[Stack/Construct] ${formatProblem(PROBLEM)}`);
  });

  test('lists several problems under a count, one per line', () => {
    const { construct } = constructInStack();
    const error = errorOf(() => throwIfProblems(construct, [PROBLEM, OTHER_PROBLEM]));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe([
      '2 problems:',
      `  [Stack/Construct] ${formatProblem(PROBLEM)}`,
      `  [Stack/Construct] ${formatProblem(OTHER_PROBLEM)}`,
    ].join('\n'));
  });

  test('uses the path of a nested construct', () => {
    const { construct } = constructInStack();
    const child = new Construct(construct, 'Child');
    expect(errorOf(() => throwIfProblems(child, [PROBLEM])).message).toMatch(/^\[Stack\/Construct\/Child\] \[TrailNameCharacters\] trailName /);
  });
});

describe('validateAtSynth', () => {
  test('a problem found by the check fails synthesis with a ValidationError', () => {
    const { app, construct } = constructInStack();
    validateAtSynth(construct, () => [PROBLEM]);
    const error = errorOf(() => app.synth());
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toContain(`[Stack/Construct] ${formatProblem(PROBLEM)}`);
  });

  test('every problem is reported', () => {
    const { app, construct } = constructInStack();
    validateAtSynth(construct, () => [PROBLEM, OTHER_PROBLEM]);
    const message = errorOf(() => app.synth()).message;
    expect(message).toContain(`[Stack/Construct] ${formatProblem(PROBLEM)}`);
    expect(message).toContain(`[Stack/Construct] ${formatProblem(OTHER_PROBLEM)}`);
  });

  test('runs the check at synthesis, not when it is registered', () => {
    const { app, construct } = constructInStack();
    const problems: Problem[] = [];
    const check = jest.fn(() => problems);
    validateAtSynth(construct, check);
    expect(check).not.toHaveBeenCalled();
    problems.push(PROBLEM);
    expect(errorOf(() => app.synth()).message).toContain(formatProblem(PROBLEM));
    expect(check).toHaveBeenCalled();
  });

  test('an empty list lets synthesis pass', () => {
    const { app, stack, construct } = constructInStack();
    new CfnWaitConditionHandle(construct, 'Resource');
    const check = jest.fn((): Problem[] => []);
    validateAtSynth(construct, check);
    const assembly = app.synth();
    expect(check).toHaveBeenCalled();
    expect(assembly.getStackByName(stack.stackName)).toBeDefined();
  });
});

describe('isUnresolved', () => {
  test.each([
    { kind: 'Token.asString', value: Token.asString({ Ref: 'X' }) },
    { kind: 'Lazy.string', value: Lazy.string({ produce: () => 'x' }) },
    { kind: 'Token.asNumber', value: Token.asNumber({ Ref: 'X' }) },
    { kind: 'Token.asList', value: Token.asList({ Ref: 'X' }) },
    { kind: 'a string embedding a token', value: `prefix-${Token.asString({ Ref: 'X' })}` },
  ])('is true for $kind', ({ value }) => {
    expect(isUnresolved(value)).toBe(true);
  });

  test.each([
    { kind: 'a plain string', value: 'my-trail' },
    { kind: 'an empty string', value: '' },
    { kind: 'a string with a dollar sign', value: '${notAToken}' },
    { kind: 'a number', value: 42 },
    { kind: 'undefined', value: undefined },
    { kind: 'null', value: null },
    { kind: 'a plain object', value: { Ref: 'X' } },
  ])('is false for $kind', ({ value }) => {
    expect(isUnresolved(value)).toBe(false);
  });
});

test('a long string is cut by characters and its length counted in characters', () => {
  const shown = showValue('😀'.repeat(100));
  expect(shown).toBe(`"${'😀'.repeat(58)}… (length 100)`);
});

test('a circular object without a prototype is shown without throwing', () => {
  const value = Object.create(null);
  value.self = value;
  expect(showValue(value)).toBe('[object Object]');
});

describe('warnRule', () => {
  test('adds a warning whose id is the rule id with the library prefix, and whose message starts with the rule id', () => {
    const construct = new Construct(new Stack(new App(), 'Stack'), 'Store');
    warnRule(construct, 'NoTerminationProtection', 'the store can be deleted with its stack');

    expect(WARNING_ID_PREFIX).toBe('cdk-cloudtrail-org:');
    expect(construct.node.metadata.map(entry => [entry.type, entry.data])).toEqual([[
      'aws:cdk:warning',
      '[NoTerminationProtection] the store can be deleted with its stack [ack: cdk-cloudtrail-org:NoTerminationProtection]',
    ]]);
  });
});
