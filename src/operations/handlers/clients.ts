import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { callFits, REQUEST_TIMEOUT_MS, withinBudget } from './timing';

/**
 * How every client retries: adaptive mode also slows the client down when the service throttles, which
 * matters when a stack runs several operations at once; up to ten attempts ride out a burst of throttling,
 * but never past the invocation's budget (see `withCallBudget`), and each attempt ends after 10 seconds.
 */
export const CLIENT_RETRY = { retryMode: 'adaptive', maxAttempts: 10 } as const;
/** No attempt waits longer than this for a connection or an answer; a hung connection is retried like a 5xx. */
export const CLIENT_HTTP = { requestHandler: { connectionTimeout: 3_000, requestTimeout: REQUEST_TIMEOUT_MS } } as const;

// Created on first use, so that a warm Lambda reuses it and tests can mock the client class first. Each
// client has its own module, so that a bundle loads only the SDK clients it uses.
let client: CloudTrailClient | undefined;

/** The CloudTrail client of this Lambda. */
export function cloudTrail(): CloudTrailClient {
  client ??= withCallBudget(new CloudTrailClient({ ...CLIENT_RETRY, ...CLIENT_HTTP }));
  return client;
}

/** A call the client's rate limit held back until the budget ran out: throttling, as far as the handler can tell. */
function heldBack(): Error {
  return Object.assign(new Error('The client held the call back (AWS had throttled it) until the function\'s time ran out.'), {
    name: 'ThrottlingException',
  });
}

/** The parts of a retry strategy (RetryStrategyV2) the SDK's retry middleware calls. */
interface RetryStrategy {
  readonly mode?: string;
  /** The SDK's strategy that a budgeted one wraps. */
  readonly inner?: RetryStrategy;
  acquireInitialRetryToken(scope: string): Promise<RetryToken>;
  refreshRetryTokenForRetry(token: RetryToken, errorInfo: unknown): Promise<RetryToken>;
  recordSuccess(token: RetryToken): void;
}
interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}

/**
 * The client, retrying with its own (adaptive) strategy only while the retry can end within the invocation's
 * budget: the SDK then throws the last error, which the handler explains, before Lambda's timeout would stop it
 * without a word (ten throttled attempts can wait 111 seconds).
 */
export function withCallBudget<C extends { config: object }>(sdkClient: C): C {
  const config = sdkClient.config as { retryStrategy: () => Promise<RetryStrategy> };
  const strategy = config.retryStrategy;
  let budgeted: Promise<RetryStrategy> | undefined;
  config.retryStrategy = () => {
    budgeted ??= strategy().then((inner) => ({
      mode: inner.mode,
      inner,
      // adaptive mode may hold a call back (its client-side rate limit) while AWS throttles: never past the budget
      acquireInitialRetryToken: (scope) => withinBudget(inner.acquireInitialRetryToken(scope), heldBack),
      recordSuccess: (token) => inner.recordSuccess(token),
      async refreshRetryTokenForRetry(token, errorInfo) {
        const next = await withinBudget(inner.refreshRetryTokenForRetry(token, errorInfo), heldBack);
        if (!callFits(next.getRetryDelay())) {
          throw new Error('No time left for another attempt');
        }
        return next;
      },
    }));
    return budgeted;
  };
  return sdkClient;
}
