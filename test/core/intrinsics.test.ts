import { flattenIntrinsics, withoutIntrinsics } from '../../src/core/intrinsics';

describe('flattenIntrinsics', () => {
  test('joins Fn::Join and shows references', () => {
    const value = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { 'Fn::GetAtt': ['Bucket1234', 'Arn'] }, '/*']] };
    expect(flattenIntrinsics(value, name => `<${name}>`)).toBe('arn:<AWS::Partition>:s3:::<Bucket1234.Arn>/*');
  });

  test('shows anything else as JSON', () => {
    expect(flattenIntrinsics({ 'Fn::Select': [0, ['a']] }, name => name)).toBe('{"Fn::Select":[0,["a"]]}');
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
});
