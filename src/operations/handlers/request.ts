import { cut, errorName, failureMessage, FailureScope, OperationFailure } from './errors';
import { createLogger, Logger } from './log';
import { startBudget } from './timing';

/**
 * What the handlers receive and answer: the requests and responses of the custom-resource provider framework and of
 * CloudFormation, as far as the handlers use them; the readers of their properties; and what each operation
 * implements, with the dispatch on the Operation property. CloudFormation passes every resource property as a string.
 */

/** The resource properties of a request, as CloudFormation passes them. */
export type ResourceProperties = Readonly<Record<string, string | undefined>>;

/** A value of a resource attribute (Fn::GetAtt); numbers stay numbers. */
export type AttributeValue = string | number;

/** The attributes a handler returns: only small values, so that the response stays under 4096 bytes. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** The request the provider passes to onEvent. */
export interface OnEventRequest {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResourceProperties: ResourceProperties;
  /** Only on Update: the properties before it. */
  readonly OldResourceProperties?: ResourceProperties;
  /** Absent on Create. */
  readonly PhysicalResourceId?: string;
  readonly RequestId?: string;
  readonly LogicalResourceId?: string;
  readonly StackId?: string;
}

/** The custom field onEvent returns for isComplete: when the operation it started must be given up. */
export interface WaitFields {
  /** Epoch milliseconds; absent when nothing is to be waited for, and isComplete then answers at once. */
  readonly Deadline?: number;
}

/** What onEvent returns. */
export interface OnEventResponse extends WaitFields {
  readonly PhysicalResourceId: string;
  readonly Data?: Attributes;
}

/** The request the provider passes to isComplete: the onEvent request merged with the onEvent response. */
export interface IsCompleteRequest extends OnEventRequest, WaitFields {
  readonly PhysicalResourceId: string;
  readonly Data?: Attributes;
}

/** What isComplete returns; Data is merged into the onEvent Data, and is only allowed once complete. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  readonly Data?: Attributes;
}

/** A request as CloudFormation sends it to a function that is itself the service token, and answers it. */
export interface CloudFormationRequest extends OnEventRequest {
  /** Presigned: never logged. */
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
}

/** What such a function PUTs to the ResponseURL. */
export interface CloudFormationResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  /** Why it failed; only on FAILED. */
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly Data?: Attributes;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the id is a UUID, as query and import ids are; a failed create leaves another physical id
 * behind (the provider framework's marker or the request id), which names nothing to clean up.
 */
export function isUuid(id: string | undefined): id is string {
  return id !== undefined && UUID.test(id);
}

/** A property the construct always sends; its absence means the template was edited by hand. */
export function required(properties: ResourceProperties, key: string): string {
  const value = properties[key];
  if (value === undefined || value === '') {
    throw new OperationFailure(`the resource property ${key} is missing. Declare the resource with its construct, which always sets it.`);
  }
  return value;
}

/** Whether an update changed any of the keys (an absent property equals an empty one). */
export function changed(keys: readonly string[], properties: ResourceProperties, old: ResourceProperties | undefined): boolean {
  return keys.some((key) => (properties[key] ?? '') !== (old?.[key] ?? ''));
}

/** The resource part of an event data store ARN (eventdatastore/abc), to name the store in messages. */
export function storeName(arn: string | undefined): string {
  if (!arn) {
    return 'an unnamed event data store';
  }
  return arn.split(':').slice(5).join(':') || arn;
}

/** An optional ISO 8601 time property. */
export function optionalTime(properties: ResourceProperties, key: string): Date | undefined {
  const value = properties[key];
  if (value === undefined || value === '') {
    return undefined;
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new OperationFailure(`${key} "${value}" is not an ISO 8601 time. Pass a time such as 2026-01-31T00:00:00Z.`);
  }
  return time;
}

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
  handlers: ReadonlyMap<string, H>, event: OnEventRequest, phase: string, call: (handler: H, log: Logger) => Promise<T>, runMs?: number,
): Promise<T> {
  // the AWS calls and waits stop in time for an answer with a message before Lambda's timeout
  startBudget(runMs);
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

/** What a handler records in an operation to find it again: the stack and logical id of the resource it runs for. */
export function resourceIdentity(event: OnEventRequest): string | undefined {
  // arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>
  const stack = /:stack\/([^/]+)\/([^/]+)$/.exec(event.StackId ?? '');
  if (!stack || !event.LogicalResourceId) {
    return undefined;
  }
  return `${stack[1]}/${stack[2]}/${event.LogicalResourceId}`;
}
