import { CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, QueryStatus, StartQueryCommand } from '@aws-sdk/client-cloudtrail';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { awsError, captureLogs, rejection, STORE_ARN } from './helpers';
import { runScheduledQuery } from '../../src/operations/handlers/scheduled-query';
import { ScheduledQueryInput } from '../../src/operations/operation-properties';
import { handler } from '../../src/operations/scheduled-query.lambda';

const cloudTrail = mockClient(CloudTrailClient);
const topics = mockClient(SNSClient);
const logs = captureLogs();

const QUERY_ID = '44444444-4444-4444-8444-444444444444';
const TOPIC_ARN = 'arn:aws:sns:us-east-1:111111111111:findings';
const INPUT: ScheduledQueryInput = {
  name: 'Audit/RootLogins',
  eventDataStoreArn: STORE_ARN,
  queryStatement: 'SELECT eventTime, sourceIPAddress FROM abc WHERE userIdentity.type = \'Root\'',
  deliveryS3Uri: 's3://results/scheduled',
  topicArn: TOPIC_ARN,
};
const PLENTY_OF_TIME = { getRemainingTimeInMillis: () => 600_000 };
const FAST = { pollIntervalMs: 1 };

function finished(rows: Record<string, string>[][], total = rows.length) {
  cloudTrail.on(DescribeQueryCommand).resolves({
    QueryId: QUERY_ID,
    QueryStatus: QueryStatus.FINISHED,
    DeliveryS3Uri: 's3://results/scheduled/44444444',
    QueryStatistics: { EventsMatched: 3, EventsScanned: 1000 },
  });
  cloudTrail.on(GetQueryResultsCommand)
    .resolves({ QueryStatus: QueryStatus.FINISHED, QueryResultRows: rows, QueryStatistics: { TotalResultsCount: total } });
}

beforeEach(() => {
  cloudTrail.reset();
  topics.reset();
  cloudTrail.on(StartQueryCommand).resolves({ QueryId: QUERY_ID });
  topics.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

test('a query that returns rows publishes them to the topic', async () => {
  finished([
    [{ eventTime: '2026-06-01 10:00:00.000' }, { sourceIPAddress: '203.0.113.7' }],
    [{ eventTime: '2026-06-01 11:00:00.000' }, { sourceIPAddress: '203.0.113.8' }],
  ], 3);

  const summary = await runScheduledQuery(INPUT, PLENTY_OF_TIME, FAST);

  expect(summary).toEqual({ name: INPUT.name, queryId: QUERY_ID, queryStatus: 'FINISHED', rowCount: 3, notified: true });
  expect(cloudTrail.commandCalls(StartQueryCommand)[0].args[0].input)
    .toEqual({ QueryStatement: INPUT.queryStatement, DeliveryS3Uri: INPUT.deliveryS3Uri });
  expect(cloudTrail.commandCalls(GetQueryResultsCommand)[0].args[0].input)
    .toEqual({ EventDataStore: STORE_ARN, QueryId: QUERY_ID, MaxQueryResults: 10 });
  const publish = topics.commandCalls(PublishCommand)[0].args[0].input;
  expect(publish.TopicArn).toBe(TOPIC_ARN);
  expect(publish.Subject).toBe('CloudTrail Lake: Audit/RootLogins found 3 rows');
  expect(JSON.parse(publish.Message!)).toEqual({
    name: INPUT.name,
    queryId: QUERY_ID,
    rowCount: 3,
    eventsMatched: 3,
    deliveryS3Uri: 's3://results/scheduled/44444444',
    rowsShown: 2,
    rows: [
      { eventTime: '2026-06-01 10:00:00.000', sourceIPAddress: '203.0.113.7' },
      { eventTime: '2026-06-01 11:00:00.000', sourceIPAddress: '203.0.113.8' },
    ],
  });
});

test('polls until the query ends', async () => {
  cloudTrail.on(DescribeQueryCommand)
    .resolvesOnce({ QueryStatus: QueryStatus.QUEUED })
    .resolvesOnce({ QueryStatus: QueryStatus.RUNNING })
    .resolves({ QueryStatus: QueryStatus.FINISHED });
  cloudTrail.on(GetQueryResultsCommand).resolves({ QueryResultRows: [] });

  await runScheduledQuery(INPUT, PLENTY_OF_TIME, FAST);

  expect(cloudTrail.commandCalls(DescribeQueryCommand).map((call) => call.args[0].input)).toEqual(
    Array(3).fill({ EventDataStore: STORE_ARN, QueryId: QUERY_ID }));
});

test('no rows, no notification', async () => {
  finished([], 0);

  expect(await runScheduledQuery(INPUT, PLENTY_OF_TIME, FAST)).toEqual(expect.objectContaining({ rowCount: 0, notified: false }));
  expect(topics.calls()).toHaveLength(0);
});

test('no topic, no notification', async () => {
  finished([[{ eventTime: 'x' }]]);

  expect(await runScheduledQuery({ ...INPUT, topicArn: undefined }, PLENTY_OF_TIME, FAST))
    .toEqual(expect.objectContaining({ rowCount: 1, notified: false }));
  expect(topics.calls()).toHaveLength(0);
});

test('leaves a query that outlives the function running, and says so', async () => {
  cloudTrail.on(DescribeQueryCommand).resolves({ QueryStatus: QueryStatus.RUNNING });
  let remaining = 45_000;
  const context = { getRemainingTimeInMillis: () => (remaining -= 10_000) };

  expect(await runScheduledQuery(INPUT, context, FAST)).toEqual({ name: INPUT.name, queryId: QUERY_ID, queryStatus: 'RUNNING', notified: false });
  // 35 s, 25 s: polls; 15 s: gives up
  expect(cloudTrail.commandCalls(DescribeQueryCommand)).toHaveLength(3);
  expect(cloudTrail.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  expect(logs.lines().filter((line) => line.level === 'WARN')).toEqual([expect.objectContaining({
    message: 'The function is about to time out; the query keeps running and still delivers its results', queryId: QUERY_ID,
  })]);
});

test.each([
  [QueryStatus.FAILED, 'failed: Column not found. Correct the statement (or the delivery bucket), then run it again.'],
  [QueryStatus.TIMED_OUT, 'timed out in CloudTrail Lake: Column not found. Narrow it (a shorter eventTime range, fewer columns) so that it finishes in time.'],
  [QueryStatus.CANCELLED, 'was cancelled by someone else: Column not found. Run it again.'],
])('%s fails the run with the query\'s error message', async (status, text) => {
  cloudTrail.on(DescribeQueryCommand).resolves({ QueryId: QUERY_ID, QueryStatus: status, ErrorMessage: 'Column not found' });

  expect(await rejection(runScheduledQuery(INPUT, PLENTY_OF_TIME, FAST))).toBe(
    `ScheduledQuery on eventdatastore/abc ("Audit/RootLogins"): query ${QUERY_ID} ${text}`);
  expect(topics.calls()).toHaveLength(0);
});

test('an account that is not a Lake customer is told that Lake is closed to new customers', async () => {
  cloudTrail.on(StartQueryCommand).rejects(awsError('OperationNotPermittedException', 'This operation is not available to new customers.'));

  expect(await rejection(runScheduledQuery(INPUT, PLENTY_OF_TIME, FAST))).toBe('ScheduledQuery on eventdatastore/abc ("Audit/RootLogins"): '
    + 'CloudTrail Lake is closed to new customers since May 31, 2026, and this account is not an existing Lake customer, so ScheduledQuery cannot '
    + 'run here. Query the trail\'s log files in S3 with Amazon Athena instead, or run it in an account that already uses CloudTrail Lake.');
});

test('the statement is logged once, and the query id from then on', async () => {
  cloudTrail.on(DescribeQueryCommand).resolvesOnce({ QueryStatus: QueryStatus.RUNNING }).resolves({ QueryStatus: QueryStatus.FINISHED });
  cloudTrail.on(GetQueryResultsCommand).resolves({ QueryResultRows: [[{ a: '1' }]] });

  await runScheduledQuery(INPUT, PLENTY_OF_TIME, FAST);

  expect(logs.raw().filter((line) => line.includes('userIdentity.type'))).toHaveLength(1);
  expect(logs.lines().every((line) => line.operation === 'ScheduledQuery' && line.name === INPUT.name)).toBe(true);
});

test('the Lambda handler runs the query with the default interval', async () => {
  finished([]);

  expect(await handler(INPUT, PLENTY_OF_TIME)).toEqual(expect.objectContaining({ queryId: QUERY_ID, queryStatus: 'FINISHED' }));
});
