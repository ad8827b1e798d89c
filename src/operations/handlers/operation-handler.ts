import { FailureScope } from './explanations';
import { Logger } from './log';
import { IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse, ResourceProperties } from './request-types';

/** What each operation implements for the dispatcher. */
export interface OperationHandler {
  /** What its error messages name first. */
  scope(properties: ResourceProperties): FailureScope;
  onEvent(event: OnEventRequest, log: Logger): Promise<OnEventResponse>;
  isComplete(event: IsCompleteRequest, log: Logger): Promise<IsCompleteResponse>;
}
