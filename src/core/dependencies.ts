import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Dependable, IConstruct, IDependable } from 'constructs';

/**
 * Makes `source` wait for what `target` holds besides its own resource (its default child): a role's
 * policies, a topic's policy. `source` must reference that resource (Ref, GetAtt), which orders the two
 * already: a DependsOn on it as well is redundant, and cfn-lint reports it (W3005). The constructs are read
 * at synthesis, so a policy added to `target` later is waited for too.
 */
export function dependOnAllButDefaultChild(source: IConstruct, target: IConstruct): void {
  const dependable: IDependable = {};
  Dependable.implement(dependable, {
    get dependencyRoots(): IConstruct[] {
      return target.node.children.filter(child => child !== target.node.defaultChild);
    },
  });
  source.node.addDependency(dependable);
}

/**
 * aws-cdk-lib makes a Lambda function's and a state machine's resource wait for their whole role (the role
 * and its policies), though the resource names the role already (its ARN). This narrows each such
 * dependency under `scope` to the role's policies.
 *
 * It needs `Node.removeDependency`, which constructs has since 10.7.0: with an older constructs (the peer
 * range starts at 10.5.1) the dependencies stay as aws-cdk-lib made them, which deploys in the same order.
 */
export function withoutRedundantRoleDependencies(scope: IConstruct): void {
  if (typeof scope.node.removeDependency !== 'function') {
    return;
  }
  for (const resource of scope.node.findAll()) {
    const roleArn = resource instanceof lambda.CfnFunction ? resource.role
      : resource instanceof sfn.CfnStateMachine ? resource.roleArn
        : undefined;
    for (const role of resource.node.dependencies) {
      if (role instanceof iam.Role && roleArn === role.roleArn) {
        resource.node.removeDependency(role);
        dependOnAllButDefaultChild(resource, role);
      }
    }
  }
}
