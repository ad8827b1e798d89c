import { captureLogs, createEvent, lambdaContext, rejection, STORE_ARN } from './helpers';
import { CLIENT_HTTP, CLIENT_RETRY, cloudTrail } from '../../src/operations/handlers/clients';
import { cloudWatchLogs } from '../../src/operations/handlers/logs-client';
import { organizations } from '../../src/operations/handlers/organizations-client';
import { sns } from '../../src/operations/handlers/sns-client';
import { handler as isComplete } from '../../src/operations/operation-complete.lambda';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

// No aws-sdk-client-mock here: it replaces send(), and with it the SDK's retries. These tests keep the whole
// middleware stack and replace only the HTTP transport.

const QUERY_ID = '66666666-6666-4666-8666-666666666666';
const PROPERTIES = { Operation: 'LakeQuery', EventDataStoreArn: STORE_ARN, QueryStatement: 'SELECT 1 FROM abc', WaitForCompletion: 'false', TimeoutSeconds: '60' };
const ENVIRONMENT = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'not-a-secret', AWS_SESSION_TOKEN: '' };

captureLogs();

/** An HTTP reply, or an error the transport throws. */
type Reply = { readonly status: number; readonly body: object } | Error;

/** A service's HTTP endpoint (CloudTrail's unless told): answers each operation with its replies in turn, repeating the last one. */
function fakeEndpoint(replies: Record<string, Reply[]>, client: { config: object } = cloudTrail()) {
  const requests: string[] = [];
  const handler = {
    async handle(request: { headers: Record<string, string> }) {
      const operation = request.headers['x-amz-target'].split('.')[1];
      requests.push(operation);
      const queue = replies[operation] ?? [];
      const reply = queue.length > 1 ? queue.shift()! : queue[0];
      if (!reply) {
        throw new Error(`unexpected ${operation}`);
      }
      if (reply instanceof Error) {
        throw reply;
      }
      const body = Buffer.from(JSON.stringify(reply.body));
      return { response: { statusCode: reply.status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body } };
    },
  };
  Object.assign(client.config, { requestHandler: handler });
  return requests;
}

/** A client as a cold Lambda has it: the adaptive rate limit forgets the throttling of the tests before. */
async function coldRateLimit(): Promise<void> {
  for (const client of [cloudTrail(), cloudWatchLogs()]) {
    const { inner } = await client.config.retryStrategy() as unknown as { inner: { rateLimiter: object } };
    inner.rateLimiter = new (inner.rateLimiter.constructor as new () => object)();
  }
}

const THROTTLED: Reply = { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } };
const SDK_THROTTLING_ERROR: Reply = Object.assign(new Error('Rate exceeded'), {
  name: 'ThrottlingException', $metadata: { httpStatusCode: 400 }, $retryable: { throttling: true },
});
const STARTED: Reply = { status: 200, body: { QueryId: QUERY_ID } };
const NO_QUERIES: Reply = { status: 200, body: { Queries: [] } };
const DESCRIBED: Reply = { status: 200, body: { QueryId: QUERY_ID, QueryStatus: 'QUEUED', QueryString: 'SELECT 1 FROM abc' } };

/** Waits for the promise while advancing the fake clock, so that backoff and rate limiting take no real time. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(() => settled = true, () => settled = true);
  while (!settled) {
    await jest.advanceTimersByTimeAsync(1_000);
  }
  return promise;
}

const saved = { ...process.env };
beforeAll(() => Object.assign(process.env, ENVIRONMENT));
afterAll(() => {
  process.env = saved;
});
beforeEach(async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
  await coldRateLimit();
});
afterEach(() => jest.useRealTimers());

test.each([
  ['CloudTrail', cloudTrail],
  ['Organizations', organizations],
  ['SNS', sns],
  ['CloudWatch Logs', cloudWatchLogs],
] as const)('the %s client is created once, with adaptive retries, 10 attempts and a 10-second request timeout', async (_service, client) => {
  expect(CLIENT_RETRY).toEqual({ retryMode: 'adaptive', maxAttempts: 10 });
  expect(CLIENT_HTTP).toEqual({ requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 } });
  expect(client()).toBe(client());
  expect(await client().config.maxAttempts()).toBe(10);
  // RetryStrategyV2's type has no mode, though every strategy the SDK builds has one
  expect((await client().config.retryStrategy() as { mode?: string }).mode).toBe('adaptive');
});

test.each([
  ['a throttling response', THROTTLED],
  ['an SDK error that says it is throttling', SDK_THROTTLING_ERROR],
])('after %s, the SDK retries and the create completes', async (_case, throttled) => {
  const requests = fakeEndpoint({ ListQueries: [NO_QUERIES], StartQuery: [throttled, STARTED], DescribeQuery: [DESCRIBED] });

  // time enough: settle() moves the fake clock on while the SDK works, which a short budget would notice
  const response = await settle(onEvent(createEvent(PROPERTIES), lambdaContext(15 * 60_000)));

  expect(response).toEqual(expect.objectContaining({ PhysicalResourceId: QUERY_ID }));
  // the last listing looks for a query another delivery of the request started first
  expect(requests).toEqual(['ListQueries', 'StartQuery', 'StartQuery', 'DescribeQuery', 'ListQueries']);
});

test('after a throttled CreateImportTask, the SDK retries and the export starts', async () => {
  const importId = '88888888-8888-4888-8888-888888888888';
  const requests = fakeEndpoint({
    DescribeImportTasks: [{ status: 200, body: { imports: [] } }],
    CreateImportTask: [THROTTLED, { status: 200, body: { importId, importDestinationArn: 'arn:aws:logs:us-east-1:111111111111:log-group:aws/cloudtrail/abc' } }],
  }, cloudWatchLogs());
  const properties = { Operation: 'LakeExportToCloudWatch', EventDataStoreArn: STORE_ARN, ImportRoleArn: 'arn:aws:iam::111111111111:role/export', WaitForCompletion: 'false' };

  const response = await settle(onEvent(createEvent(properties), lambdaContext(15 * 60_000)));

  expect(response).toEqual(expect.objectContaining({ PhysicalResourceId: importId }));
  expect(requests).toEqual(['DescribeImportTasks', 'CreateImportTask', 'CreateImportTask', 'DescribeImportTasks']);
});

test('with time enough, throttling that lasts ten attempts fails with what to do', async () => {
  const requests = fakeEndpoint({ ListQueries: [NO_QUERIES], StartQuery: [THROTTLED] });

  expect(await settle(rejection(onEvent(createEvent(PROPERTIES), lambdaContext(15 * 60_000))))).toBe('LakeQuery on eventdatastore/abc: AWS '
    + 'throttled the calls through all 10 attempts. Deploy again later, or run fewer operations at once.');
  expect(requests.filter((operation) => operation === 'StartQuery')).toHaveLength(10);
});

describe('the retries fit the function\'s timeout', () => {
  // the longest backoff the SDK may draw: 1, 2, 4, 8, 16 and then 20 seconds between attempts, 111 seconds for ten
  beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0.999));

  test.each([
    ['isComplete', 60_000, isComplete],
    ['onEvent', 120_000, onEvent],
  ] as const)('under sustained throttling, %s (a %d ms function) answers with its own message before Lambda stops it', async (_name, timeout, handler) => {
    const requests = fakeEndpoint({ ListQueries: [NO_QUERIES], StartQuery: [THROTTLED], DescribeQuery: [THROTTLED] });
    const event = { ...createEvent(PROPERTIES), RequestType: 'Create' as const, PhysicalResourceId: QUERY_ID, Deadline: Date.now() + 600_000 };
    const start = Date.now();

    const message = await settle(rejection((handler as (e: typeof event, c: object) => Promise<unknown>)(event, lambdaContext(timeout))));

    expect(message).toMatch(/^LakeQuery on eventdatastore\/abc: AWS throttled the calls through (\d attempts, as many as|every attempt) the function's time allowed\. Deploy again later/);
    // the answer leaves time to report it: the last attempt ended 5 seconds before the timeout, at the latest
    expect(Date.now() - start).toBeLessThanOrEqual(timeout - 5_000);
    expect(requests.length).toBeGreaterThan(1);
  });

  test.each([
    ['a 5xx error', { status: 503, body: { __type: 'ServiceUnavailableException', message: 'Service unavailable' } },
      /AWS answered with a server error \(ServiceUnavailableException, HTTP 503\) through (all 10 attempts|\d attempts, as many as the function's time allowed): /],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      /the connection to AWS failed \(ECONNRESET\) through (all 10 attempts|\d attempts, as many as the function's time allowed); /],
  ] as const)('%s that outlasts the retries says so and what to do, in time', async (_case, reply, text) => {
    fakeEndpoint({ ListQueries: [reply as Reply] });
    const start = Date.now();

    const message = await settle(rejection(onEvent(createEvent(PROPERTIES), lambdaContext(60_000))));

    expect(message).toMatch(text);
    expect(message).toMatch(/Deploy again in a few minutes; if it lasts, check the AWS Health Dashboard for this Region\.$/);
    expect(Date.now() - start).toBeLessThanOrEqual(55_000);
  });
});
