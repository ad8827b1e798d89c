import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';
import { HandlerRole } from './handler-role';
import { OperationCompleteFunction } from './operation-complete-function';
import { OperationEventFunction } from './operation-event-function';
import { OperationProperties } from './operation-properties';
import { acknowledgeActionsWithoutResources, acknowledgeHandlerFunctions, acknowledgeProviderFramework } from './runtime-acknowledgements';
import { OPERATION_WAIT_MINUTES } from '../core/limits';

const PROVIDER_ID = 'CloudTrailOrgOperations';

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
 * The custom-resource provider that runs every operation of a stack (queries, imports, delegated
 * administrators): one onEvent and one isComplete function sharing one role, whose managed policy each
 * operation extends with statements scoped to the resources it touches.
 */
export class OperationsProvider extends Construct {
  /** The stack's provider, created on first use. */
  public static of(scope: IConstruct): OperationsProvider {
    const stack = Stack.of(scope);
    return stack.node.tryFindChild(PROVIDER_ID) as OperationsProvider | undefined ?? new OperationsProvider(stack);
  }

  private readonly handlerRole: HandlerRole;
  private readonly serviceToken: string;

  private constructor(stack: Stack) {
    super(stack, PROVIDER_ID);
    this.handlerRole = new HandlerRole(this, 'Handler', 'Runs the CloudTrail operations (Lake queries, imports, delegated administrators) of this stack');
    const onEvent = new OperationEventFunction(this, 'OnEvent', this.handlerOptions('OnEvent', 'Starts, updates and stops CloudTrail operations', 2));
    const isComplete = new OperationCompleteFunction(this, 'IsComplete', this.handlerOptions('IsComplete', 'Checks whether a CloudTrail operation has finished', 1));
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: isComplete,
      queryInterval: POLL_INTERVAL,
      totalTimeout: WAITER_TIMEOUT,
      logGroup: this.handlerRole.logGroup(this, 'ProviderLogs'),
    });
    this.serviceToken = provider.serviceToken;
    acknowledgeHandlerFunctions(this);
    acknowledgeProviderFramework(provider, [onEvent, isComplete]);
  }

  /** The handlers' managed policy. */
  public get handlerPolicy(): iam.ManagedPolicy {
    return this.handlerRole.managedPolicy;
  }

  /**
   * Lets both handlers do what the statement allows. A statement on every resource ('*') is for actions
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

  private handlerOptions(id: string, description: string, timeoutMinutes: number): lambda.FunctionOptions {
    return {
      description,
      role: this.handlerRole.role,
      logGroup: this.handlerRole.logGroup(this, `${id}Logs`),
      timeout: Duration.minutes(timeoutMinutes),
      memorySize: 256,
    };
  }
}
