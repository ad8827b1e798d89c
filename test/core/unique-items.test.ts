import { Token } from 'aws-cdk-lib';
import { formatProblem } from '../../src/core/problems';
import { uniqueItemsProblems } from '../../src/core/unique-items';

const SOURCE = 'CloudFormation AdvancedFieldSelector schema: unique items';
const ID = 'SelectorValuesUnique';

describe('uniqueItemsProblems', () => {
  test('accepts distinct strings, and ignores what is not a string', () => {
    expect(uniqueItemsProblems(ID, 'values', ['a', 'b', 'A'], SOURCE, 'list each value once')).toEqual([]);
    expect(uniqueItemsProblems(ID, 'values', [1, 1, null, null], SOURCE, 'list each value once')).toEqual([]);
    expect(uniqueItemsProblems(ID, 'values', [], SOURCE, 'list each value once')).toEqual([]);
  });

  test('names each repeated value once, in the order it repeats', () => {
    expect(uniqueItemsProblems(ID, 'values', ['b', 'a', 'b', 'a', 'b'], SOURCE, 'list each value once')).toEqual([{
      id: ID,
      property: 'values',
      value: ['b', 'a', 'b', 'a', 'b'],
      rule: `lists "b", "a" more than once (${SOURCE})`,
      fix: 'list each value once',
    }]);
  });

  test("reports under the caller's rule id", () => {
    expect(uniqueItemsProblems('ContextKeysUnique', 'keys', ['team', 'team'], SOURCE, 'list each key once').map(p => p.id)).toEqual(['ContextKeysUnique']);
    expect(uniqueItemsProblems(ID, 'values', ['x', 'x'], SOURCE, 'list each value once').map(formatProblem)).toEqual([
      `[${ID}] values ["x","x"]: lists "x" more than once (${SOURCE}). Fix: list each value once`,
    ]);
  });

  test('counts the same token twice as a repeat', () => {
    const token = Token.asString({ Ref: 'Bucket' });
    const problems = uniqueItemsProblems(ID, 'values', [token, token], SOURCE, 'list each value once');
    expect(problems.map(p => p.id)).toEqual([ID]);
    expect(problems[0].rule).toBe(`lists "${token}" more than once (${SOURCE})`);
  });

  test.each([
    { repeats: 5, rule: `lists "v0", "v1", "v2", "v3", "v4" more than once (${SOURCE})` },
    { repeats: 6, rule: `lists "v0", "v1", "v2", "v3", "v4" and 1 other value more than once (${SOURCE})` },
    { repeats: 7, rule: `lists "v0", "v1", "v2", "v3", "v4" and 2 other values more than once (${SOURCE})` },
  ])('names up to five repeats, and counts the rest: $repeats repeats', ({ repeats, rule }) => {
    const values = Array.from({ length: repeats }, (_, i) => `v${i}`);
    expect(uniqueItemsProblems(ID, 'values', [...values, ...values], SOURCE, 'list each value once').map(p => p.rule)).toEqual([rule]);
  });

  test('names five repeats and counts the rest', () => {
    const values = Array.from({ length: 8 }, (_, i) => `v${i}`);
    const problems = uniqueItemsProblems(ID, 'values', [...values, ...values], SOURCE, 'list each value once');
    expect(problems.map(p => p.id)).toEqual([ID]);
    expect(problems[0].rule).toBe(`lists "v0", "v1", "v2", "v3", "v4" and 3 other values more than once (${SOURCE})`);
  });
});
