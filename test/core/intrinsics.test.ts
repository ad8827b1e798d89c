import { flattenIntrinsics, withoutIntrinsics } from '../../src/core/intrinsics';

describe('flattenIntrinsics', () => {
  test('joins Fn::Join and shows references', () => {
    const value = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { 'Fn::GetAtt': ['Bucket1234', 'Arn'] }, '/*']] };
    expect(flattenIntrinsics(value, name => `<${name}>`)).toBe('arn:<AWS::Partition>:s3:::<Bucket1234.Arn>/*');
  });

  test('joins with the separator, nested joins too', () => {
    const value = { 'Fn::Join': ['/', ['a', { 'Fn::Join': ['-', [{ Ref: 'B' }, 'c']] }, 1]] };
    expect(flattenIntrinsics(value, name => `<${name}>`)).toBe('a/<B>-c/1');
  });

  test('a string is itself', () => {
    expect(flattenIntrinsics('arn:aws:s3:::bucket', () => 'unused')).toBe('arn:aws:s3:::bucket');
  });

  test.each([
    { why: 'another intrinsic', value: { 'Fn::Select': [0, ['a']] }, shown: '{"Fn::Select":[0,["a"]]}' },
    { why: 'a Ref of a non-string', value: { Ref: ['Bucket'] }, shown: '{"Ref":["Bucket"]}' },
    { why: 'a Fn::GetAtt of a string', value: { 'Fn::GetAtt': 'Bucket.Arn' }, shown: '{"Fn::GetAtt":"Bucket.Arn"}' },
    { why: 'a Fn::Join of a non-list', value: { 'Fn::Join': ['', { Ref: 'Parts' }] }, shown: '{"Fn::Join":["",{"Ref":"Parts"}]}' },
    { why: 'a Fn::Join that is not a list', value: { 'Fn::Join': { 0: '-', 1: ['a', 'b'] } }, shown: '{"Fn::Join":{"0":"-","1":["a","b"]}}' },
    { why: 'an object of several keys', value: { Ref: 'Bucket', Other: 1 }, shown: '{"Ref":"Bucket","Other":1}' },
    { why: 'an empty object', value: {}, shown: '{}' },
    { why: 'null', value: null, shown: 'null' },
    { why: 'a number', value: 42, shown: '42' },
  ])('shows $why as JSON', ({ value, shown }) => {
    expect(flattenIntrinsics(value, name => `<${name}>`)).toBe(shown);
  });
});

describe('withoutIntrinsics', () => {
  test('replaces each intrinsic with an empty string and keeps the rest', () => {
    const policy = {
      Statement: [{ Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Store', 'EventDataStoreArn'] }, Principal: { AWS: [{ Ref: 'Account' }, '111111111111'] } }],
    };
    expect(withoutIntrinsics(policy)).toEqual({ Statement: [{ Effect: 'Allow', Resource: '', Principal: { AWS: ['', '111111111111'] } }] });
  });

  test('keeps objects of several keys, even when one looks like an intrinsic', () => {
    expect(withoutIntrinsics({ Ref: 'X', Other: 1 })).toEqual({ Ref: 'X', Other: 1 });
  });

  test.each([
    { why: 'a Ref', value: { Ref: 'AWS::AccountId' }, expected: '' },
    { why: 'any Fn:: function', value: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' }, expected: '' },
    { why: 'an intrinsic in a list in a list', value: [[{ 'Fn::ImportValue': 'X' }, 'a']], expected: [['', 'a']] },
    { why: 'one key that is not an intrinsic', value: { Key: { Ref: 'X' } }, expected: { Key: '' } },
    { why: 'a key that only ends like a function', value: { 'Condition::Fn::': 'x' }, expected: { 'Condition::Fn::': 'x' } },
    { why: 'an empty object', value: {}, expected: {} },
    { why: 'null', value: { Value: null }, expected: { Value: null } },
    { why: 'a string, a number and a boolean', value: ['a', 1, true], expected: ['a', 1, true] },
  ])('replaces $why with an empty string where it is one, and keeps the rest', ({ value, expected }) => {
    expect(withoutIntrinsics(value)).toEqual(expected);
  });
});
