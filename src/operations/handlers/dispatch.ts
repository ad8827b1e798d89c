import { delegatedAdmin } from './delegated-admin';
import { cut, errorName } from './errors';
import { failureMessage } from './explanations';
import { lakeImport } from './lake-import';
import { lakeQuery } from './lake-query';
import { createLogger, Logger } from './log';
import { OperationHandler } from './operation-handler';
import { IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse } from './request-types';
import { OperationKind } from '../operation-properties';

const HANDLERS = new Map<string, OperationHandler>([
  [OperationKind.LAKE_QUERY, lakeQuery],
  [OperationKind.LAKE_IMPORT, lakeImport],
  [OperationKind.ORGANIZATION_DELEGATED_ADMIN, delegatedAdmin],
]);

/** The provider's onEvent for every operation: dispatches on the Operation property. */
export async function onEvent(event: OnEventRequest): Promise<OnEventResponse> {
  return dispatch(event, 'onEvent', (handler, log) => handler.onEvent(event, log));
}

/** The provider's isComplete for every operation. */
export async function isComplete(event: IsCompleteRequest): Promise<IsCompleteResponse> {
  return dispatch(event, 'isComplete', (handler, log) => handler.isComplete(event, log));
}

async function dispatch<T>(event: OnEventRequest, phase: string, call: (handler: OperationHandler, log: Logger) => Promise<T>): Promise<T> {
  const operation = event.ResourceProperties.Operation ?? '';
  const log = createLogger({ operation, requestType: event.RequestType, physicalResourceId: event.PhysicalResourceId ?? null, phase });
  const handler = HANDLERS.get(operation);
  if (!handler) {
    const message = cut(`Unknown operation "${operation}": expected one of ${[...HANDLERS.keys()].join(', ')}. Declare the resource with its construct.`);
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
