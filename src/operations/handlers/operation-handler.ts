import { cut, errorName } from './errors';
import { failureMessage, FailureScope } from './explanations';
import { createLogger, Logger } from './log';
import { IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse, ResourceProperties } from './request-types';

/** What each operation implements: one that answers at once, from onEvent. */
export interface OperationHandler {
  /** What its error messages name first. */
  scope(properties: ResourceProperties): FailureScope;
  onEvent(event: OnEventRequest, log: Logger): Promise<OnEventResponse>;
}

/** An operation that runs for a while: the provider's waiter calls isComplete until it has ended. */
export interface WaitingOperationHandler extends OperationHandler {
  isComplete(event: IsCompleteRequest, log: Logger): Promise<IsCompleteResponse>;
}

/**
 * Runs `call` with the handler of the request's Operation property, logging its answer; any failure becomes an
 * Error whose message names the operation and its resource, says what to do and is at most 1000 characters.
 */
export async function dispatch<H extends OperationHandler, T>(
  handlers: ReadonlyMap<string, H>, event: OnEventRequest, phase: string, call: (handler: H, log: Logger) => Promise<T>,
): Promise<T> {
  const operation = event.ResourceProperties.Operation ?? '';
  const log = createLogger({ operation, requestType: event.RequestType, physicalResourceId: event.PhysicalResourceId ?? null, phase });
  const handler = handlers.get(operation);
  if (!handler) {
    const message = cut(`Unknown operation "${operation}": expected one of ${[...handlers.keys()].join(', ')}. Declare the resource with its construct.`);
    log.error(message);
    throw new Error(message);
  }
  try {
    const response = await call(handler, log);
    log.info('Answered', { response });
    return response;
  } catch (error) {
    const message = failureMessage(handler.scope(event.ResourceProperties), error);
    log.error(message, { errorName: errorName(error) });
    throw new Error(message);
  }
}
