import { RemovalPolicy } from 'aws-cdk-lib';
import { isUnresolved, Problem } from './problems';

/**
 * The rule of a construct's `removalPolicy`: a member of RemovalPolicy, and not SNAPSHOT, which only resources
 * with snapshots (databases, volumes) take as their CloudFormation DeletionPolicy. Tokens are not checked.
 *
 * @param noSnapshots what has no snapshots, as the message says it, e.g. `AWS::CloudTrail::EventDataStore has no snapshots`
 * @param fix what to use instead, e.g. `use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY`
 */
export function removalPolicyProblems(removalPolicy: unknown, noSnapshots: string, fix: string): Problem[] {
  if (removalPolicy === undefined || isUnresolved(removalPolicy)) {
    return [];
  }
  if (!Object.values(RemovalPolicy).includes(removalPolicy as RemovalPolicy)) {
    return [{ property: 'removalPolicy', value: removalPolicy, rule: 'must be a RemovalPolicy', fix }];
  }
  if (removalPolicy === RemovalPolicy.SNAPSHOT) {
    return [{ property: 'removalPolicy', value: 'RemovalPolicy.SNAPSHOT', rule: `${noSnapshots} (CloudFormation DeletionPolicy)`, fix }];
  }
  return [];
}
