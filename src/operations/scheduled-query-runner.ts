import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct, IConstruct } from 'constructs';
import { HandlerRole } from './handler-role';
import { acknowledgeHandlerFunctions } from './runtime-acknowledgements';
import { ScheduledQueryFunction } from './scheduled-query-function';
import { withoutRedundantRoleDependencies } from '../core/dependencies';
import { SCHEDULED_RUN_MINUTES } from '../core/limits';

const RUNNER_ID = 'CloudTrailOrgScheduledQueries';

// Lambda's longest run: the function waits for the query this long at most, then leaves it running
const RUN_TIMEOUT = Duration.minutes(SCHEDULED_RUN_MINUTES);

/**
 * The function that runs every scheduled Lake query of a stack when EventBridge Scheduler invokes it with
 * the query's input; its role's managed policy gains each query's statements.
 */
export class ScheduledQueryRunner extends Construct {
  /** The stack's runner, created on first use. */
  public static of(scope: IConstruct): ScheduledQueryRunner {
    const stack = Stack.of(scope);
    return stack.node.tryFindChild(RUNNER_ID) as ScheduledQueryRunner | undefined ?? new ScheduledQueryRunner(stack);
  }

  public readonly function: lambda.IFunction;
  /** The role EventBridge Scheduler assumes to invoke the function. */
  public readonly schedulerRole: iam.IRole;
  private readonly handlerRole: HandlerRole;

  private constructor(stack: Stack) {
    super(stack, RUNNER_ID);
    this.handlerRole = new HandlerRole(this, 'Handler', 'Runs the scheduled CloudTrail Lake queries of this stack');
    this.function = new ScheduledQueryFunction(this, 'Function', {
      description: 'Runs a scheduled CloudTrail Lake query and publishes a notification when it returns rows',
      role: this.handlerRole.role,
      logGroup: this.handlerRole.logGroup(this, 'Logs'),
      timeout: RUN_TIMEOUT,
      memorySize: 256,
      // a failed run is not repeated: the next scheduled run starts a fresh query
      retryAttempts: 0,
    });
    acknowledgeHandlerFunctions(this);
    // the function references its role already
    withoutRedundantRoleDependencies(this);

    const invoker = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'Lets EventBridge Scheduler start the scheduled CloudTrail Lake queries of this stack',
    });
    new iam.ManagedPolicy(this, 'SchedulerPolicy', {
      description: 'Lets EventBridge Scheduler invoke the scheduled-query function',
      roles: [invoker],
      statements: [new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.function.functionArn] })],
    });
    // The managed policy above grants the invocation; the schedule target must not add an inline one.
    this.schedulerRole = invoker.withoutPolicyUpdates();
  }

  /** Lets the function do what the statement allows. */
  public addToPolicy(statement: iam.PolicyStatement): void {
    this.handlerRole.addToPolicy(statement);
  }
}
