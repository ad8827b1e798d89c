import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { acknowledgeGateFindings, acknowledgeWildcardResources, GATE_ACKNOWLEDGEMENTS } from '../policy/gate-acknowledgements';

/**
 * Acknowledges the gate findings the handler functions of the library have by design (concurrency, dead-letter
 * queue, VPC, runtime), on the construct that holds them.
 */
export function acknowledgeHandlerFunctions(scope: IConstruct): void {
  for (const acknowledgement of [GATE_ACKNOWLEDGEMENTS.handlerConcurrency, GATE_ACKNOWLEDGEMENTS.handlerDeadLetterQueue,
    GATE_ACKNOWLEDGEMENTS.handlerOutsideVpc, GATE_ACKNOWLEDGEMENTS.handlerRuntime]) {
    acknowledgeGateFindings(scope, acknowledgement);
  }
}

/**
 * Acknowledges the findings on what aws-cdk-lib's Provider creates: its framework functions, their roles and the
 * waiter; among the wildcards, only the function versions (`<function ARN>:*`) of the functions they invoke.
 */
export function acknowledgeProviderFramework(framework: IConstruct, handlers: lambda.IFunction[]): void {
  acknowledgeGateFindings(framework, GATE_ACKNOWLEDGEMENTS.providerFramework);
  const invoked = [...handlers, ...framework.node.children.filter((c): c is lambda.Function => c instanceof lambda.Function)];
  acknowledgeWildcardResources(framework, invoked.map(fn => `${fn.functionArn}:*`), GATE_ACKNOWLEDGEMENTS.providerFramework.reason);
}

/** Acknowledges the handler policy's actions that take no resource (imports, delegated administrators). */
export function acknowledgeActionsWithoutResources(handlerPolicy: IConstruct): void {
  acknowledgeGateFindings(handlerPolicy, GATE_ACKNOWLEDGEMENTS.handlerActionsWithoutResources);
}

/** Acknowledges the X-Ray actions, which take no resource, on the policy of the waiter state machine's role. */
export function acknowledgeWaiterTracing(waiterRole: IConstruct): void {
  acknowledgeGateFindings(waiterRole, GATE_ACKNOWLEDGEMENTS.waiterTracing);
}
