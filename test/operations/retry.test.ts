import { captureLogs, createEvent, rejection, STORE_ARN } from './helpers';
import { CLIENT_RETRY, cloudTrail } from '../../src/operations/handlers/clients';
import { organizations } from '../../src/operations/handlers/organizations-client';
import { sns } from '../../src/operations/handlers/sns-client';
import { handler as onEvent } from '../../src/operations/operation-event.lambda';

// No aws-sdk-client-mock here: it replaces send(), and with it the SDK's retries. These tests keep the whole
// middleware stack and replace only the HTTP transport.

const QUERY_ID = '66666666-6666-4666-8666-666666666666';
const PROPERTIES = { Operation: 'LakeQuery', EventDataStoreArn: STORE_ARN, QueryStatement: 'SELECT 1 FROM abc', WaitForCompletion: 'false', TimeoutSeconds: '60' };
const ENVIRONMENT = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'not-a-secret', AWS_SESSION_TOKEN: '' };

captureLogs();

/** An HTTP reply, or an error the transport throws. */
type Reply = { readonly status: number; readonly body: object } | Error;

/** CloudTrail's HTTP endpoint: answers each operation with its replies in turn, repeating the last one. */
function fakeEndpoint(replies: Record<string, Reply[]>) {
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
  Object.assign(cloudTrail().config, { requestHandler: handler });
  return requests;
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
beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

test.each([
  ['CloudTrail', cloudTrail],
  ['Organizations', organizations],
  ['SNS', sns],
] as const)('the %s client is created once, with adaptive retries and 10 attempts', async (_service, client) => {
  expect(CLIENT_RETRY).toEqual({ retryMode: 'adaptive', maxAttempts: 10 });
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

  const response = await settle(onEvent(createEvent(PROPERTIES)));

  expect(response).toEqual(expect.objectContaining({ PhysicalResourceId: QUERY_ID }));
  expect(requests).toEqual(['ListQueries', 'StartQuery', 'StartQuery', 'DescribeQuery']);
});

test('throttling that lasts ten attempts fails with what to do', async () => {
  const requests = fakeEndpoint({ ListQueries: [NO_QUERIES], StartQuery: [THROTTLED] });

  expect(await settle(rejection(onEvent(createEvent(PROPERTIES))))).toBe('LakeQuery on eventdatastore/abc: AWS throttled the calls even '
    + 'after 10 attempts. Deploy again later, or run fewer operations at once.');
  expect(requests.filter((operation) => operation === 'StartQuery')).toHaveLength(10);
});
