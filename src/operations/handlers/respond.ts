import * as https from 'https';
import { setTimeout as sleep } from 'timers/promises';
import { cut, failureMessage, FailureScope, OperationFailure } from './errors';
import { createLogger } from './log';
import { CloudFormationRequest, CloudFormationResponse, dispatch, OnEventResponse, OperationHandler } from './request';

/**
 * The physical id of a resource whose create failed. It names nothing, so the delete CloudFormation then sends
 * has nothing to undo: above all, it must not deregister an account that someone else registered.
 */
export const CREATE_FAILED_ID = 'cdk-cloudtrail-org::CREATE_FAILED';
// What the function keeps of its run time to answer CloudFormation (the PUT and its retries) before Lambda stops it
const ANSWER_MARGIN_MS = 10_000;
// The response bucket's PUT is tried again after these pauses
const PUT_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000];
const PUT_TIMEOUT_MS = 5_000;
// Reasons are at most 1000 characters and a log stream name; this bounds the whole response far below 4096 bytes
const MAX_REASON_LENGTH = 1_500;
const TIMED_OUT = Symbol('timed out');

/** The part of the Lambda context the function needs. */
export interface LambdaContext {
  readonly logStreamName?: string;
  getRemainingTimeInMillis(): number;
}

/**
 * Answers a CloudFormation request for an operation that completes at once (the pattern of aws-cdk-lib's
 * CustomResourceProvider: the function is the service token): runs the operation's onEvent, then PUTs SUCCESS or
 * FAILED, with a message a person can act on, to the request's presigned ResponseURL. It answers FAILED before
 * Lambda would stop it, so CloudFormation never waits out the resource's timeout. It throws only when CloudFormation
 * cannot be answered: Lambda then runs the request again, which every handler takes as the same request.
 */
export async function answer(handlers: ReadonlyMap<string, OperationHandler>, event: CloudFormationRequest, context: LambdaContext): Promise<void> {
  if (!isHttps(event.ResponseURL)) {
    throw new Error('The request\'s ResponseURL is not an HTTPS URL; only CloudFormation invokes this function.');
  }
  const operation = event.ResourceProperties.Operation ?? '';
  const log = createLogger({ operation, requestType: event.RequestType, physicalResourceId: event.PhysicalResourceId ?? null });
  const outcome = await run(handlers, event, context);
  const response: CloudFormationResponse = {
    Status: outcome.failure === undefined ? 'SUCCESS' : 'FAILED',
    ...(outcome.failure === undefined ? {} : { Reason: reason(outcome.failure, context) }),
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    ...(outcome.data ? { Data: outcome.data } : {}),
  };
  await put(event.ResponseURL, JSON.stringify(response), log.warn);
  log.info('Answered CloudFormation', { status: response.Status, physicalResourceId: response.PhysicalResourceId });
}

interface Outcome {
  readonly physicalResourceId: string;
  readonly data?: OnEventResponse['Data'];
  /** The message, when the operation failed. */
  readonly failure?: string;
}

async function run(handlers: ReadonlyMap<string, OperationHandler>, event: CloudFormationRequest, context: LambdaContext): Promise<Outcome> {
  // On failure, an update or delete keeps its physical id (CloudFormation would take a new one for a replacement)
  const unchanged = event.RequestType === 'Create' ? CREATE_FAILED_ID : event.PhysicalResourceId ?? CREATE_FAILED_ID;
  if (event.RequestType === 'Delete' && event.PhysicalResourceId === CREATE_FAILED_ID) {
    createLogger({ operation: event.ResourceProperties.Operation ?? '', requestType: 'Delete' }).info('The create failed: nothing to delete');
    return { physicalResourceId: CREATE_FAILED_ID };
  }
  const work = dispatch(handlers, event, 'onEvent', (handler, log) => handler.onEvent(event, log), context.getRemainingTimeInMillis() - ANSWER_MARGIN_MS);
  try {
    const response = await beforeDeadline(work, context.getRemainingTimeInMillis() - ANSWER_MARGIN_MS);
    if (response === TIMED_OUT) {
      return { physicalResourceId: unchanged, failure: timedOutMessage(handlers, event) };
    }
    return { physicalResourceId: response.PhysicalResourceId, data: response.Data };
  } catch (error) {
    // dispatch has made the message and logged it
    return { physicalResourceId: unchanged, failure: (error as Error).message };
  }
}

async function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function timedOutMessage(handlers: ReadonlyMap<string, OperationHandler>, event: CloudFormationRequest): string {
  const operation = event.ResourceProperties.Operation ?? '';
  const scope: FailureScope = handlers.get(operation)?.scope(event.ResourceProperties) ?? { operation, resource: 'its resource' };
  const message = failureMessage(scope, new OperationFailure('the AWS calls did not finish before the function\'s timeout; AWS was slow or '
    + 'throttled them.', 'Deploy again: the operation picks up what an earlier attempt did.'));
  createLogger({ operation, requestType: event.RequestType }).error(message);
  return message;
}

/** The failure message, with the log stream that holds the whole run. */
function reason(message: string, context: LambdaContext): string {
  return cut(context.logStreamName ? `${message} (log stream ${context.logStreamName})` : message, MAX_REASON_LENGTH);
}

function isHttps(url: string | undefined): url is string {
  try {
    return new URL(url ?? '').protocol === 'https:';
  } catch {
    return false;
  }
}

/** PUTs the response, trying again when the bucket fails; never logs the presigned URL. */
async function put(url: string, body: string, warn: (message: string, fields?: Record<string, unknown>) => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await putOnce(url, body);
    } catch (error) {
      if (attempt >= PUT_RETRY_DELAYS_MS.length) {
        throw new Error(`Could not deliver the response to CloudFormation after ${attempt + 1} attempts: ${(error as Error).message}`);
      }
      warn('Could not deliver the response to CloudFormation; trying again', { reason: (error as Error).message });
      await sleep(PUT_RETRY_DELAYS_MS[attempt]);
    }
  }
}

function putOnce(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // the URL is presigned for an empty content type
    const headers = { 'content-type': '', 'content-length': Buffer.byteLength(body) };
    const request = https.request(url, { method: 'PUT', headers }, (reply) => {
      reply.resume();
      reply.on('end', () => (reply.statusCode !== undefined && reply.statusCode < 300 ? resolve() : reject(new Error(`status ${reply.statusCode}`))));
      reply.on('error', reject);
    });
    request.setTimeout(PUT_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${PUT_TIMEOUT_MS} ms`)));
    // the error of a failed connection names the host and path only through its code, never the query string
    request.on('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)));
    request.end(body);
  });
}
