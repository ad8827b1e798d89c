import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { handlerLogGroup } from './handler-log-key';

/**
 * The role of the library's handler functions, with a managed policy (not an inline one, which the
 * NIST, HIPAA and PCI packs reject) that each operation extends with statements scoped to what it
 * touches, and the log groups the functions write to.
 */
export class HandlerRole extends Construct {
  public readonly role: iam.Role;
  private readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, description: string) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
    this.policy = new iam.ManagedPolicy(this, 'Policy', { description: `${description}, scoped to the resources each one touches`, roles: [this.role] });
  }

  /** The managed policy, for resources that must not run before it exists. */
  public get managedPolicy(): iam.ManagedPolicy {
    return this.policy;
  }

  /** Lets the role's functions do what the statement allows. */
  public addToPolicy(statement: iam.PolicyStatement): void {
    this.policy.addStatements(statement);
  }

  /** A handler log group the role's functions may write to. */
  public logGroup(scope: Construct, id: string): logs.LogGroup {
    const logGroup = handlerLogGroup(scope, id);
    this.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    return logGroup;
  }
}
