import { randomUUID } from 'crypto';
import { CloudTrailServiceException } from '@aws-sdk/client-cloudtrail';
import { IsCompleteRequest, OnEventRequest, ResourceProperties } from '../../src/operations/handlers/request';
import { timing } from '../../src/operations/handlers/timing';

export const STORE_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/abc';
export const NOW = Date.parse('2026-06-01T12:00:00Z');
/** What CloudFormation allows a custom-resource response to hold. */
export const MAX_RESPONSE_BYTES = 4096;

/** An AWS service error as the SDK throws it. */
export function awsError(name: string, message: string = `${name} message`): Error {
  return new CloudTrailServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

/** A 5xx error as the SDK throws it after its retries. */
export function serverError(name = 'InternalServerException', status = 500): Error {
  return Object.assign(new CloudTrailServiceException({ name, message: `${name} message`, $fault: 'server', $metadata: { httpStatusCode: status } }),
    { $metadata: { httpStatusCode: status, attempts: 4 } });
}

/** A connection that failed, as Node.js reports it after the SDK's retries. */
export function networkError(code = 'ECONNRESET'): Error {
  return Object.assign(new Error(`socket hang up (${code})`), { code, $metadata: { attempts: 4 } });
}

/** The stack the test resources belong to. */
export const STACK_ID = 'arn:aws:cloudformation:us-east-1:111111111111:stack/Audit/11111111-2222-4333-8444-555555555555';

/**
 * Pauses of the handlers take no time: each advances the mocked clock instead (Date.now, as the tests mock it), and
 * is recorded.
 */
export function instantPauses(): { pauses(): number[] } {
  const pauses: number[] = [];
  beforeEach(() => {
    pauses.length = 0;
    jest.spyOn(timing, 'sleep').mockImplementation(async (ms: number) => {
      pauses.push(ms);
      const now = Date.now() + ms;
      jest.spyOn(Date, 'now').mockReturnValue(now);
    });
  });
  return { pauses: () => [...pauses] };
}

/** A request id CloudFormation would send. */
export function requestId(): string {
  return randomUUID();
}

export function createEvent(properties: ResourceProperties, logicalId = 'Operation'): OnEventRequest {
  return { RequestType: 'Create', ResourceProperties: properties, RequestId: requestId(), LogicalResourceId: logicalId, StackId: STACK_ID };
}

export function updateEvent(properties: ResourceProperties, old: ResourceProperties, physicalResourceId: string): OnEventRequest {
  return {
    RequestType: 'Update',
    ResourceProperties: properties,
    OldResourceProperties: old,
    PhysicalResourceId: physicalResourceId,
    RequestId: requestId(),
    LogicalResourceId: 'Operation',
    StackId: STACK_ID,
  };
}

export function deleteEvent(properties: ResourceProperties, physicalResourceId: string): OnEventRequest {
  return {
    RequestType: 'Delete',
    ResourceProperties: properties,
    PhysicalResourceId: physicalResourceId,
    RequestId: requestId(),
    LogicalResourceId: 'Operation',
    StackId: STACK_ID,
  };
}

/** The isComplete request the provider builds from the onEvent request and response. */
export function completeEvent(event: OnEventRequest, response: { PhysicalResourceId: string; Deadline?: number }): IsCompleteRequest {
  return { ...event, ...response };
}

/** The size of a value as the provider sends it on. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** The message a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

/** One parsed log line. */
export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

/** Captures the structured log lines the handlers write to stdout (and keeps them out of the test output). */
export function captureLogs(): { lines(): LogLine[]; raw(): string[] } {
  const written: string[] = [];
  beforeEach(() => {
    written.length = 0;
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());
  return { raw: () => [...written], lines: () => written.map((line) => JSON.parse(line) as LogLine) };
}

/** A response a handler PUT to CloudFormation's presigned ResponseURL. */
export interface CapturedResponse {
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly raw: string;
  readonly body: Record<string, any>;
}

/** What a Lambda context gives the synchronous handler. */
export function lambdaContext(remainingMs = 60_000): { logStreamName: string; getRemainingTimeInMillis(): number } {
  const end = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => end - Date.now(), logStreamName: '2026/06/01/[$LATEST]0123456789abcdef' };
}

/** The presigned ResponseURL of a request, as CloudFormation sends it. */
export const RESPONSE_URL = 'https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/arn%3Aaws%3Acloudformation/response?X-Amz-Signature=secret';

/**
 * CloudFormation's response bucket, on a local HTTP server: https.request is redirected to it, so the handler's
 * real PUT is received and recorded. `reject(n)` makes the next n PUTs fail with status 503.
 */
export function cloudFormationEndpoint(): { responses(): CapturedResponse[]; clear(): void; reject(times: number): void } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require('http') as typeof import('http');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const https = require('https') as typeof import('https');
  const received: CapturedResponse[] = [];
  let rejections = 0;
  const server = http.createServer((request, reply) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (rejections > 0) {
        rejections--;
        reply.writeHead(503).end();
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ path: `${request.method} ${request.url}`, headers: request.headers, raw, body: JSON.parse(raw) });
      reply.writeHead(200).end();
    });
  });
  beforeAll(async () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    rejections = 0;
    const port = (server.address() as { port: number }).port;
    jest.spyOn(https, 'request').mockImplementation(((url: string | URL, options: object, callback: () => void) => {
      const target = new URL(url);
      return http.request(`http://127.0.0.1:${port}${target.pathname}${target.search}`, options, callback);
    }) as any);
  });
  return { responses: () => [...received], clear: () => { received.length = 0; }, reject: (times) => { rejections = times; } };
}
