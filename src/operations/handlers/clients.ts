import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';

/**
 * How every client retries: adaptive mode also slows the client down when the service throttles, which
 * matters when a stack runs several operations at once; ten attempts ride out a burst of throttling.
 */
export const CLIENT_RETRY = { retryMode: 'adaptive', maxAttempts: 10 } as const;

// Created on first use, so that a warm Lambda reuses it and tests can mock the client class first. Each
// client has its own module, so that a bundle loads only the SDK clients it uses.
let client: CloudTrailClient | undefined;

/** The CloudTrail client of this Lambda. */
export function cloudTrail(): CloudTrailClient {
  client ??= new CloudTrailClient({ ...CLIENT_RETRY });
  return client;
}
