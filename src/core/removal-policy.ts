import { RemovalPolicy } from 'aws-cdk-lib';
import { Problem } from './problems';

/**
 * The rule of a construct's `removalPolicy`: not SNAPSHOT, which only resources
 * with snapshots (databases, volumes) take as their CloudFormation DeletionPolicy. Tokens are not checked.
 *
 * @param noSnapshots what has no snapshots, as the message says it, e.g. `AWS::CloudTrail::EventDataStore has no snapshots`
 * @param fix what to use instead, e.g. `use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY`
 */
export function removalPolicyProblems(removalPolicy: RemovalPolicy | undefined, noSnapshots: string, fix: string): Problem[] {
  // Neither undefined nor a token (whose text is '${Token[...]}') is SNAPSHOT
  if (removalPolicy === RemovalPolicy.SNAPSHOT) {
    return [{ id: 'RemovalPolicyNoSnapshot', property: 'removalPolicy', value: 'RemovalPolicy.SNAPSHOT', rule: `${noSnapshots} (CloudFormation DeletionPolicy)`, fix }];
  }
  return [];
}
