import { lakeExport } from './lake-export';
import { lakeImport } from './lake-import';
import { lakeQuery } from './lake-query';
import { dispatch, IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse, WaitingOperationHandler } from './request';
import { OperationKind } from '../operation-properties';

/** The operations the waiter-based provider runs. */
const HANDLERS = new Map<string, WaitingOperationHandler>([
  [OperationKind.LAKE_QUERY, lakeQuery],
  [OperationKind.LAKE_IMPORT, lakeImport],
  [OperationKind.LAKE_EXPORT_TO_CLOUDWATCH, lakeExport],
]);

/** The provider's onEvent for every operation that waits: dispatches on the Operation property. */
export async function onEvent(event: OnEventRequest, context?: RunTime): Promise<OnEventResponse> {
  return dispatch(HANDLERS, event, 'onEvent', (handler, log) => handler.onEvent(event, log), context?.getRemainingTimeInMillis());
}

/** The provider's isComplete for every operation that waits. */
export async function isComplete(event: IsCompleteRequest, context?: RunTime): Promise<IsCompleteResponse> {
  return dispatch(HANDLERS, event, 'isComplete', (handler, log) => handler.isComplete(event, log), context?.getRemainingTimeInMillis());
}

/** The part of the Lambda context that tells the handler how long it may run. */
export interface RunTime {
  getRemainingTimeInMillis(): number;
}
