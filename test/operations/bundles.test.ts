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

test.each([
  ['operation-event', ['@aws-sdk/client-cloudtrail']],
  ['operation-complete', ['@aws-sdk/client-cloudtrail']],
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
