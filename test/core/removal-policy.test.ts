import { RemovalPolicy, Token } from 'aws-cdk-lib';
import { formatProblem } from '../../src/core/problems';
import { removalPolicyProblems } from '../../src/core/removal-policy';

const NO_SNAPSHOTS = 'AWS::CloudTrail::EventDataStore has no snapshots';
const FIX = 'use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY';

describe('removalPolicyProblems', () => {
  test.each([undefined, RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE])('accepts %s', policy => {
    expect(removalPolicyProblems(policy, NO_SNAPSHOTS, FIX)).toEqual([]);
  });

  test('does not check a token', () => {
    expect(removalPolicyProblems(Token.asString({ Ref: 'Policy' }) as RemovalPolicy, NO_SNAPSHOTS, FIX)).toEqual([]);
  });

  test('rejects SNAPSHOT, saying what has no snapshots', () => {
    expect(removalPolicyProblems(RemovalPolicy.SNAPSHOT, NO_SNAPSHOTS, FIX)).toEqual([{
      id: 'RemovalPolicyNoSnapshot',
      property: 'removalPolicy',
      value: 'RemovalPolicy.SNAPSHOT',
      rule: `${NO_SNAPSHOTS} (CloudFormation DeletionPolicy)`,
      fix: FIX,
    }]);
  });

  test('formats the SNAPSHOT problem as one line, its id first', () => {
    expect(removalPolicyProblems(RemovalPolicy.SNAPSHOT, NO_SNAPSHOTS, FIX).map(formatProblem)).toEqual([
      `[RemovalPolicyNoSnapshot] removalPolicy "RemovalPolicy.SNAPSHOT": ${NO_SNAPSHOTS} (CloudFormation DeletionPolicy). Fix: ${FIX}`,
    ]);
  });
});
