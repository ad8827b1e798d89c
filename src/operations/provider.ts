import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';
import { handlerLogGroup } from './handler-log-key';
import { HandlerRole } from './handler-role';
import { OperationCompleteFunction } from './operation-complete-function';
import { OperationEventFunction } from './operation-event-function';
import { OperationProperties } from './operation-properties';
import { acknowledgeActionsWithoutResources, acknowledgeHandlerFunctions, acknowledgeProviderFramework, acknowledgeWaiterTracing } from './runtime-acknowledgements';
import { SynchronousOperationFunction } from './synchronous-operation-function';
import { withoutRedundantRoleDependencies } from '../core/dependencies';
import { OPERATION_WAIT_MINUTES } from '../core/limits';

const PROVIDER_ID = 'CloudTrailOrgOperations';
const SYNC_PROVIDER_ID = 'CloudTrailOrgSyncOperations';
// The synchronous function's run: it answers FAILED 10 seconds before, well within the resources' ServiceTimeout
const SYNC_TIMEOUT = Duration.minutes(2);

// isComplete polls this often; a query or an import is rarely done sooner
const POLL_INTERVAL = Duration.seconds(20);
// The waiter outlives the longest wait an operation may ask for, so the operation's own deadline (with an
// actionable message) fires first; both stay under CloudFormation's one hour.
const WAITER_TIMEOUT = Duration.minutes(OPERATION_WAIT_MINUTES.max + 2);

/** One custom resource of an operation, as an operation construct declares it. */
export interface OperationResourceOptions {
  /** `Custom::<name>` in the template. */
  readonly resourceType: string;
  readonly properties: OperationProperties & object;
  /** How long CloudFormation waits for an answer before it fails the resource. */
  readonly serviceTimeout: Duration;
}

/**
 * What both kinds of operation provider share: a handler role whose managed policy each operation extends with
 * statements scoped to the resources it touches, and the custom resources they serve.
 */
abstract class OperationResourceProvider extends Construct {
  protected readonly handlerRole: HandlerRole;
  protected abstract readonly serviceToken: string;

  protected constructor(stack: Stack, id: string, roleDescription: string) {
    super(stack, id);
    this.handlerRole = new HandlerRole(this, 'Handler', roleDescription);
  }

  /** The handlers' managed policy. */
  public get handlerPolicy(): iam.ManagedPolicy {
    return this.handlerRole.managedPolicy;
  }

  /**
   * Lets the handlers do what the statement allows. A statement on every resource ('*') is for actions
   * that take no resource type, and is acknowledged as such.
   */
  public addToHandlerPolicy(statement: iam.PolicyStatement): void {
    this.handlerRole.addToPolicy(statement);
    if (statement.resources.includes('*')) {
      acknowledgeActionsWithoutResources(this.handlerPolicy);
    }
  }

  /** A custom resource served by this provider. */
  public createResource(scope: Construct, id: string, options: OperationResourceOptions): CustomResource {
    const resource = new CustomResource(scope, id, {
      serviceToken: this.serviceToken,
      resourceType: options.resourceType,
      properties: { ...options.properties },
      serviceTimeout: options.serviceTimeout,
    });
    // The handlers' permissions must exist before an operation runs, and stay until it has been deleted.
    resource.node.addDependency(this.handlerRole.managedPolicy);
    return resource;
  }

  protected handlerOptions(id: string, description: string, timeout: Duration): lambda.FunctionOptions {
    return {
      description,
      role: this.handlerRole.role,
      logGroup: this.handlerRole.logGroup(this, `${id}Logs`),
      timeout,
      memorySize: 256,
    };
  }
}

/**
 * The custom-resource provider that runs every operation of a stack that waits for its outcome (Lake queries,
 * imports): aws-cdk-lib's Provider with one onEvent and one isComplete function sharing one role.
 */
export class OperationsProvider extends OperationResourceProvider {
  /** The stack's provider, created on first use. */
  public static of(scope: IConstruct): OperationsProvider {
    const stack = Stack.of(scope);
    return stack.node.tryFindChild(PROVIDER_ID) as OperationsProvider | undefined ?? new OperationsProvider(stack);
  }

  protected readonly serviceToken: string;

  private constructor(stack: Stack) {
    super(stack, PROVIDER_ID, 'Runs the CloudTrail operations (Lake queries, imports) of this stack');
    const onEvent = new OperationEventFunction(this, 'OnEvent', this.handlerOptions('OnEvent', 'Starts, updates and stops CloudTrail operations', Duration.minutes(2)));
    const isComplete = new OperationCompleteFunction(this, 'IsComplete',
      this.handlerOptions('IsComplete', 'Checks whether a CloudTrail operation has finished', Duration.minutes(1)));
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: isComplete,
      queryInterval: POLL_INTERVAL,
      totalTimeout: WAITER_TIMEOUT,
      logGroup: this.handlerRole.logGroup(this, 'ProviderLogs'),
      // Logged and traced, as AWS Control Tower (CT.STEPFUNCTIONS.PR.1, .2) and AwsSolutions-SF1/SF2 ask
      disableWaiterStateMachineLogging: false,
      waiterStateMachineLogOptions: { destination: handlerLogGroup(this, 'WaiterLogs'), level: sfn.LogLevel.ALL },
    });
    traceWaiter(provider);
    this.serviceToken = provider.serviceToken;
    acknowledgeHandlerFunctions(this);
    acknowledgeProviderFramework(provider, [onEvent, isComplete]);
    // the handlers, the framework's functions and the waiter reference their roles already
    withoutRedundantRoleDependencies(this);
  }
}

/**
 * The function that runs every operation of a stack that completes at once (delegated administrators). It is
 * itself the custom resources' service token and answers CloudFormation's presigned response URL, as aws-cdk-lib's
 * CustomResourceProvider does: no provider framework, no waiter. With its role, managed policy, log group and the
 * stack's handler log key, a stack pays five resources for it, however many operations it serves.
 */
export class SynchronousOperationsProvider extends OperationResourceProvider {
  /** The stack's function, created on first use. */
  public static of(scope: IConstruct): SynchronousOperationsProvider {
    const stack = Stack.of(scope);
    return stack.node.tryFindChild(SYNC_PROVIDER_ID) as SynchronousOperationsProvider | undefined ?? new SynchronousOperationsProvider(stack);
  }

  protected readonly serviceToken: string;

  private constructor(stack: Stack) {
    super(stack, SYNC_PROVIDER_ID, 'Runs the synchronous CloudTrail operations (delegated administrators) of this stack');
    const fn = new SynchronousOperationFunction(this, 'Function',
      this.handlerOptions('', 'Registers and deregisters CloudTrail delegated administrators, and answers CloudFormation', SYNC_TIMEOUT));
    this.serviceToken = fn.functionArn;
    acknowledgeHandlerFunctions(this);
    // the function references its role already
    withoutRedundantRoleDependencies(this);
  }
}

/**
 * Turns on X-Ray tracing for the Provider's waiter state machine, which aws-cdk-lib offers no prop for. The
 * waiter's construct ids are aws-cdk-lib internals: where a release names them otherwise, the waiter stays
 * untraced and Control Tower reports it, rather than synthesis failing.
 */
function traceWaiter(provider: cr.Provider): void {
  const waiter = provider.node.tryFindChild('waiter-state-machine');
  const stateMachine = waiter?.node.tryFindChild('Resource');
  const role = waiter?.node.tryFindChild('Role');
  if (!(stateMachine instanceof sfn.CfnStateMachine) || !(role instanceof iam.Role)) {
    return;
  }
  stateMachine.tracingConfiguration = { enabled: true };
  // Step Functions Developer Guide, "Trace Step Functions request data in AWS X-Ray": these take no resource
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
    resources: ['*'],
  }));
  acknowledgeWaiterTracing(role);
}
