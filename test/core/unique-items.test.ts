import { Token } from 'aws-cdk-lib';
import { uniqueItemsProblems } from '../../src/core/unique-items';

const SOURCE = 'CloudFormation AdvancedFieldSelector schema: unique items';

describe('uniqueItemsProblems', () => {
  test('accepts distinct strings, and ignores what is not a string', () => {
    expect(uniqueItemsProblems('values', ['a', 'b', 'A'], SOURCE, 'list each value once')).toEqual([]);
    expect(uniqueItemsProblems('values', [1, 1, null, null], SOURCE, 'list each value once')).toEqual([]);
    expect(uniqueItemsProblems('values', [], SOURCE, 'list each value once')).toEqual([]);
  });

  test('names each repeated value once, in the order it repeats', () => {
    expect(uniqueItemsProblems('values', ['b', 'a', 'b', 'a', 'b'], SOURCE, 'list each value once')).toEqual([{
      property: 'values',
      value: ['b', 'a', 'b', 'a', 'b'],
      rule: `lists "b", "a" more than once (${SOURCE})`,
      fix: 'list each value once',
    }]);
  });

  test('counts the same token twice as a repeat', () => {
    const token = Token.asString({ Ref: 'Bucket' });
    const [problem] = uniqueItemsProblems('values', [token, token], SOURCE, 'list each value once');
    expect(problem.rule).toBe(`lists "${token}" more than once (${SOURCE})`);
  });

  test('names five repeats and counts the rest', () => {
    const values = Array.from({ length: 8 }, (_, i) => `v${i}`);
    const [problem] = uniqueItemsProblems('values', [...values, ...values], SOURCE, 'list each value once');
    expect(problem.rule).toBe(`lists "v0", "v1", "v2", "v3", "v4" and 3 other values more than once (${SOURCE})`);
  });
});
