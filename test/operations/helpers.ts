import { randomUUID } from 'crypto';
import { CloudTrailServiceException } from '@aws-sdk/client-cloudtrail';
import { IsCompleteRequest, OnEventRequest, ResourceProperties } from '../../src/operations/handlers/request-types';

export const STORE_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/abc';
export const NOW = Date.parse('2026-06-01T12:00:00Z');
/** What CloudFormation allows a custom-resource response to hold. */
export const MAX_RESPONSE_BYTES = 4096;

/** An AWS service error as the SDK throws it. */
export function awsError(name: string, message: string = `${name} message`): Error {
  return new CloudTrailServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

/** A request id CloudFormation would send. */
export function requestId(): string {
  return randomUUID();
}

export function createEvent(properties: ResourceProperties): OnEventRequest {
  return { RequestType: 'Create', ResourceProperties: properties, RequestId: requestId(), LogicalResourceId: 'Operation' };
}

export function updateEvent(properties: ResourceProperties, old: ResourceProperties, physicalResourceId: string): OnEventRequest {
  return { RequestType: 'Update', ResourceProperties: properties, OldResourceProperties: old, PhysicalResourceId: physicalResourceId, RequestId: requestId() };
}

export function deleteEvent(properties: ResourceProperties, physicalResourceId: string): OnEventRequest {
  return { RequestType: 'Delete', ResourceProperties: properties, PhysicalResourceId: physicalResourceId, RequestId: requestId() };
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
