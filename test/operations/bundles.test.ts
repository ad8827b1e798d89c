import * as fs from 'fs';
import * as path from 'path';
import {
  CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, ListQueriesCommand, QueryStatus, RegisterOrganizationDelegatedAdminCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { captureLogs, cloudFormationEndpoint, completeEvent, createEvent, lambdaContext, requestId, RESPONSE_URL, STORE_ARN } from './helpers';

// The function a stack deploys runs the esbuild bundle in assets/ (built by `npx projen bundle`, which `compile` and
// `test` run first), not the TypeScript sources the other tests import: this runs the shipped bundle itself.

const bundle = (name: string): string => path.join(__dirname, '..', '..', 'assets', 'operations', `${name}.lambda`, 'index.js');
const BUNDLE = bundle('synchronous-operation');
const cloudTrail = mockClient(CloudTrailClient);
const organizations = mockClient(OrganizationsClient);
const topics = mockClient(SNSClient);
captureLogs();
const cloudFormation = cloudFormationEndpoint();

/** The handler a shipped bundle exports. */
function handlerOf<T>(name: string): (event: T, context?: object) => Promise<any> {
  expect(fs.existsSync(bundle(name))).toBe(true);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(bundle(name)) as { handler: (event: T, context?: object) => Promise<any> }).handler;
}

const QUERY_ID = '55555555-5555-4555-8555-555555555555';
const STATEMENT = 'SELECT eventName FROM abc';

beforeEach(() => {
  cloudTrail.reset();
  topics.reset();
});

test('the synchronous-operation bundle registers a delegated administrator and answers CloudFormation', async () => {
  expect(fs.existsSync(BUNDLE)).toBe(true);
  // the runtime's AWS SDK is used, not a bundled copy
  expect(fs.readFileSync(BUNDLE, 'utf8')).toMatch(/require\("@aws-sdk\/client-cloudtrail"\)/);
  cloudTrail.on(RegisterOrganizationDelegatedAdminCommand).resolves({});
  organizations.on(EnableAWSServiceAccessCommand).resolves({});
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(BUNDLE) as { handler: (event: object, context: object) => Promise<void> };
  const event = {
    RequestType: 'Create',
    ResponseURL: RESPONSE_URL,
    StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/Stack/1',
    RequestId: requestId(),
    LogicalResourceId: 'Admin',
    ResourceType: 'Custom::CloudTrailDelegatedAdmin',
    ResourceProperties: { ServiceToken: 'arn', Operation: 'OrganizationDelegatedAdmin', MemberAccountId: '222222222222' },
  };

  await handler(event, lambdaContext());

  expect(cloudFormation.responses().map(r => r.body)).toEqual([{
    Status: 'SUCCESS', PhysicalResourceId: '222222222222', StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: 'Admin',
  }]);
  expect(cloudTrail.commandCalls(RegisterOrganizationDelegatedAdminCommand)).toHaveLength(1);
});

// The waiting operations bundle the CloudWatch Logs client (the runtime's SDK may predate CreateImportTask), and with it
// the SDK core's Node.js modules; '@aws-sdk/signature-v4-crt' is only named in its error messages.
const BUNDLED_LOGS_CLIENT = ['@aws-sdk/client-cloudtrail', '@aws-sdk/signature-v4-crt', 'node:child_process', 'node:crypto', 'node:fs', 'node:fs/promises',
  'node:http', 'node:http2', 'node:https', 'node:os', 'node:path', 'node:process', 'node:stream', 'node:util', 'node:zlib'];

test.each([
  ['operation-event', BUNDLED_LOGS_CLIENT],
  ['operation-complete', BUNDLED_LOGS_CLIENT],
  ['synchronous-operation', ['@aws-sdk/client-cloudtrail', '@aws-sdk/client-organizations', 'https', 'timers/promises']],
  ['scheduled-query', ['@aws-sdk/client-cloudtrail', '@aws-sdk/client-sns', 'timers/promises']],
])('the %s bundle loads only the modules it uses (each SDK client has a module of its own: esbuild keeps an external require)', (name, modules) => {
  const text = fs.readFileSync(bundle(name), 'utf8');
  expect([...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map(m => m[1]))].sort()).toEqual(modules);
});

test('the onEvent and isComplete bundles start a Lake query and see it finish', async () => {
  cloudTrail.on(ListQueriesCommand).resolves({ Queries: [] });
  cloudTrail.on(StartQueryCommand).resolves({ QueryId: QUERY_ID });
  cloudTrail.on(DescribeQueryCommand).resolvesOnce({ QueryId: QUERY_ID, QueryStatus: QueryStatus.QUEUED, QueryString: STATEMENT })
    .resolves({ QueryId: QUERY_ID, QueryStatus: QueryStatus.FINISHED, QueryString: STATEMENT });
  const event = createEvent({
    ServiceToken: 'arn', Operation: 'LakeQuery', EventDataStoreArn: STORE_ARN, QueryStatement: STATEMENT, WaitForCompletion: 'true', TimeoutSeconds: '1800',
  });

  const started = await handlerOf<typeof event>('operation-event')(event);
  const done = await handlerOf<ReturnType<typeof completeEvent>>('operation-complete')(completeEvent(event, started));

  expect(started).toEqual(expect.objectContaining({ PhysicalResourceId: QUERY_ID, Data: expect.objectContaining({ QueryId: QUERY_ID, QueryStatus: 'QUEUED' }) }));
  expect(done).toEqual(expect.objectContaining({ IsComplete: true, Data: expect.objectContaining({ QueryStatus: 'FINISHED' }) }));
  // the statement as written, then the comment line naming the resource (adoption)
  expect(cloudTrail.commandCalls(StartQueryCommand).map(call => call.args[0].input))
    .toEqual([{ QueryStatement: expect.stringMatching(new RegExp(`^${STATEMENT}\n-- cdk-cloudtrail-org resource `)) }]);
});

test('the scheduled-query bundle runs the query and publishes its rows', async () => {
  cloudTrail.on(StartQueryCommand).resolves({ QueryId: QUERY_ID });
  cloudTrail.on(DescribeQueryCommand).resolves({ QueryId: QUERY_ID, QueryStatus: QueryStatus.FINISHED, QueryStatistics: { EventsMatched: 1 } });
  cloudTrail.on(GetQueryResultsCommand).resolves({ QueryStatus: QueryStatus.FINISHED, QueryResultRows: [[{ eventName: 'ConsoleLogin' }]] });
  topics.on(PublishCommand).resolves({ MessageId: 'm-1' });
  const topicArn = 'arn:aws:sns:us-east-1:111111111111:findings';

  const summary = await handlerOf<object>('scheduled-query')({ name: 'Audit/Logins', eventDataStoreArn: STORE_ARN, queryStatement: STATEMENT, topicArn },
    { getRemainingTimeInMillis: () => 600_000 });

  expect(summary).toEqual({ name: 'Audit/Logins', queryId: QUERY_ID, queryStatus: 'FINISHED', rowCount: 1, notified: true });
  expect(topics.commandCalls(PublishCommand).map(call => call.args[0].input.TopicArn)).toEqual([topicArn]);
});

/**
 * CloudWatch Logs' JSON endpoint on a local HTTP server: the bundled client (its own copy, which aws-sdk-client-mock
 * cannot reach) is pointed at it with AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, and each operation answers its body in turn.
 */
function logsEndpoint(replies: Record<string, object[]>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require('http') as typeof import('http');
  const operations: string[] = [];
  const server = http.createServer((request, reply) => {
    request.resume();
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target']).split('.')[1];
      operations.push(operation);
      const queue = replies[operation] ?? [];
      const body = queue.length > 1 ? queue.shift() : queue[0];
      reply.writeHead(body ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify(body ?? { __type: 'InvalidOperationException', message: `unexpected ${operation}` }));
    });
  });
  return { server, operations };
}

test('the onEvent and isComplete bundles run a CloudWatch Logs import task with their own client, over HTTP', async () => {
  const importId = '77777777-7777-4777-8777-777777777777';
  const destination = 'arn:aws:logs:us-east-1:111111111111:log-group:aws/cloudtrail/abc';
  const { server, operations } = logsEndpoint({
    DescribeImportTasks: [
      { imports: [] },
      { imports: [{ importId, importSourceArn: STORE_ARN, importStatus: 'IN_PROGRESS', creationTime: Date.now() }] },
      { imports: [{ importId, importSourceArn: STORE_ARN, importStatus: 'COMPLETED', importDestinationArn: destination, importStatistics: { bytesImported: 2048 } }] },
    ],
    CreateImportTask: [{ importId, importDestinationArn: destination, creationTime: Date.now() }],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const saved = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'not-a-secret',
  });
  try {
    const event = createEvent({
      ServiceToken: 'arn',
      Operation: 'LakeExportToCloudWatch',
      EventDataStoreArn: STORE_ARN,
      ImportRoleArn: 'arn:aws:iam::111111111111:role/export',
      StartEventTime: '2026-01-01T00:00:00.000Z',
      WaitForCompletion: 'true',
      TimeoutSeconds: '1800',
    });

    const started = await handlerOf<typeof event>('operation-event')(event);
    const done = await handlerOf<ReturnType<typeof completeEvent>>('operation-complete')(completeEvent(event, started));

    expect(started).toEqual(expect.objectContaining({
      PhysicalResourceId: importId, Data: expect.objectContaining({ ImportDestinationArn: destination }),
    }));
    expect(done).toEqual({ IsComplete: true, Data: { ImportId: importId, ImportStatus: 'COMPLETED', ImportDestinationArn: destination, BytesImported: 2048 } });
    // look for an earlier attempt's task, start one, see that it is the first of its window, then follow it
    expect(operations).toEqual(['DescribeImportTasks', 'CreateImportTask', 'DescribeImportTasks', 'DescribeImportTasks']);
  } finally {
    process.env = saved;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
