import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { formatProblem } from '../../src/core/problems';
import { constructPropProblems, isConstructOf, shownProp } from '../../src/core/prop-types';
import { testStack } from '../util';

describe('constructPropProblems', () => {
  test('accepts a construct with the attributes, and no value', () => {
    const stack = testStack();
    expect(constructPropProblems('bucket', new s3.Bucket(stack, 'Bucket'), 's3.IBucket', ['bucketArn', 'bucketName'])).toEqual([]);
    expect(constructPropProblems('bucket', s3.Bucket.fromBucketName(stack, 'Imported', 'logs'), 's3.IBucket', ['bucketArn', 'bucketName'])).toEqual([]);
    expect(constructPropProblems('bucket', undefined, 's3.IBucket', ['bucketArn'])).toEqual([]);
  });

  test.each([
    ['null', null, 'null'],
    ['a string', 'arn:aws:s3:::logs', '"arn:aws:s3:::logs"'],
    ['a plain object', { bucketArn: 'arn:aws:s3:::logs' }, '{"bucketArn":"arn:aws:s3:::logs"}'],
    ['a function', () => 1, '() => 1'],
  ])('rejects %s', (_, value, shown) => {
    expect(constructPropProblems('bucket', value, 's3.IBucket', ['bucketArn']).map(formatProblem)).toEqual([
      `bucket ${shown}: must implement s3.IBucket. Fix: pass a construct created in this app, or one imported with a from*() method`,
    ]);
  });

  test('rejects a construct of another interface, by its path', () => {
    const key = new kms.Key(testStack(), 'Key');
    expect(constructPropProblems('bucket', key, 's3.IBucket', ['bucketArn']).map(formatProblem)).toEqual([
      'bucket "Stack/Key": must implement s3.IBucket. Fix: pass a construct created in this app, or one imported with a from*() method',
    ]);
  });
});

describe('isConstructOf and shownProp', () => {
  test('tell constructs from other values, and show constructs by path', () => {
    const key = new kms.Key(testStack(), 'Key');
    expect(isConstructOf(key, ['keyArn'])).toBe(true);
    expect(isConstructOf(key, ['bucketArn'])).toBe(false);
    expect(isConstructOf({ node: {}, keyArn: 'x' }, ['keyArn'])).toBe(false);
    expect(shownProp(key)).toBe('Stack/Key');
    expect(shownProp(7)).toBe(7);
  });
});
