import { closestMatch } from '../../src/core/suggestions';

const RESOURCE_TYPES = ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::S3Outposts::Object'];

describe('closestMatch', () => {
  test.each([
    { value: 'AWS::S3::Objects', expected: 'AWS::S3::Object', why: 'one extra character' },
    { value: 'aws::s3::object', expected: 'AWS::S3::Object', why: 'a different case' },
    { value: 'AWS::S3:Object', expected: 'AWS::S3::Object', why: 'a missing character' },
    { value: 'AWS::Lambda::Fucntion', expected: 'AWS::Lambda::Function', why: 'swapped characters' },
    { value: 'AWS::S3::Obj', expected: 'AWS::S3::Object', why: 'three missing characters' },
    { value: 'aws::dynamodb::tables', expected: 'AWS::DynamoDB::Table', why: 'a different case and one extra character' },
  ])('finds $expected for $value ($why)', ({ value, expected }) => {
    expect(closestMatch(value, RESOURCE_TYPES)).toBe(expected);
  });

  test('returns the candidate as spelled in the list', () => {
    expect(closestMatch('AWS::S3::OBJECT', RESOURCE_TYPES)).toBe('AWS::S3::Object');
  });

  test('prefers the closest of several near candidates', () => {
    expect(closestMatch('AWS::S3Outpost::Object', RESOURCE_TYPES)).toBe('AWS::S3Outposts::Object');
    expect(closestMatch('AWS::S3O::Object', RESOURCE_TYPES)).toBe('AWS::S3::Object');
  });

  test.each([
    { value: 'AWS::S3::Ob', why: 'four missing characters' },
    { value: 'AWS::EC2::Instance', why: 'an unrelated type' },
    { value: '', why: 'an empty value' },
  ])('returns undefined for $value ($why)', ({ value }) => {
    expect(closestMatch(value, RESOURCE_TYPES)).toBeUndefined();
  });

  test('returns undefined without candidates', () => {
    expect(closestMatch('AWS::S3::Object', [])).toBeUndefined();
  });

  test('returns undefined for very long input', () => {
    expect(closestMatch('AWS::S3::Object'.repeat(1000), RESOURCE_TYPES)).toBeUndefined();
  });

  test('looks at inputs of up to 200 characters', () => {
    const candidate = `${'a'.repeat(199)}b`;
    expect(closestMatch('a'.repeat(200), [candidate])).toBe(candidate);
    expect(closestMatch('a'.repeat(201), [candidate])).toBeUndefined();
  });
});
