import { RemovalPolicy, Token } from 'aws-cdk-lib';
import { removalPolicyProblems } from '../../src/core/removal-policy';

const NO_SNAPSHOTS = 'AWS::CloudTrail::EventDataStore has no snapshots';
const FIX = 'use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY';

describe('removalPolicyProblems', () => {
  test.each([undefined, RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE])('accepts %s', policy => {
    expect(removalPolicyProblems(policy, NO_SNAPSHOTS, FIX)).toEqual([]);
  });

  test('does not check a token', () => {
    expect(removalPolicyProblems(Token.asString({ Ref: 'Policy' }), NO_SNAPSHOTS, FIX)).toEqual([]);
  });

  test('rejects SNAPSHOT, saying what has no snapshots', () => {
    expect(removalPolicyProblems(RemovalPolicy.SNAPSHOT, NO_SNAPSHOTS, FIX)).toEqual([{
      property: 'removalPolicy',
      value: 'RemovalPolicy.SNAPSHOT',
      rule: `${NO_SNAPSHOTS} (CloudFormation DeletionPolicy)`,
      fix: FIX,
    }]);
  });

  test.each(['keep', 'Retain', 1, null, {}])('rejects %p, which is not a RemovalPolicy', policy => {
    expect(removalPolicyProblems(policy, NO_SNAPSHOTS, FIX)).toEqual([{ property: 'removalPolicy', value: policy, rule: 'must be a RemovalPolicy', fix: FIX }]);
  });
});
