/**
 * Integration test app for the CloudTrail Lake operations: `LakeQuery`, `ScheduledLakeQuery` and `LakeImport`.
 *
 * CI checks the committed snapshot (`integ.lake-operations.ts.snapshot/`) without deploying, in
 * `integ.lake-operations.test.ts`. CloudTrail Lake is closed to new customers since May 31, 2026: only an
 * account that already uses CloudTrail Lake can deploy the app. To deploy it and run its assertions:
 *
 *   npx projen bundle && npx cdk deploy --all --require-approval never \
 *     --app 'npx ts-node --prefer-ts-exts test/integ.lake-operations.ts'
 *
 * then `npx cdk destroy --all` with the same `--app`. `OrganizationDelegatedAdmin` is not part of the app:
 * it needs an organization's management account and changes the organization.
 *
 * Cost and clean-up: the store ingests the account's write management events while the stacks exist; the
 * deploy-time query scans them once, the scheduled query once a day. The store is deletable with the stack
 * (no termination protection, `RemovalPolicy.DESTROY`; it stays in PENDING_DELETION for 7 days), and the
 * results and source buckets empty themselves on deletion. The import reads an empty prefix of the source
 * bucket, so it is expected to complete with no events.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { INTEG_APP_CONTEXT, integEnvironment, IntegEnvironment, SNAPSHOT_ENV } from './integ-environment';
import { LakeEventDataStore, LakeImport, LakeQuery, ScheduledLakeQuery } from '../src';

/** Where the integration app is built. */
export interface LakeOperationsIntegOptions {
  /** The account (one that already uses CloudTrail Lake) and Region of every stack. */
  readonly env: IntegEnvironment;
}

/** The settings the committed snapshot is synthesized with. */
export const SNAPSHOT_OPTIONS: LakeOperationsIntegOptions = { env: SNAPSHOT_ENV };

/** The settings for a deployment, from the environment (see integ-environment.ts). */
export function optionsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): LakeOperationsIntegOptions {
  return { env: integEnvironment(environment) };
}

function deletableBucket(stack: Stack, id: string): s3.Bucket {
  return new s3.Bucket(stack, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });
}

/**
 * Adds the integration test to an app: a stack with an event data store, an import into it, a query at
 * deploy time that delivers its results to a bucket, and a daily query that notifies a topic; and a stack
 * of assertions on what CloudTrail reports about the query and the import once deployed.
 */
export function buildLakeOperationsInteg(app: App, options: LakeOperationsIntegOptions): { operationsStack: Stack; assertionStack: Stack } {
  const { env } = options;
  const stack = new Stack(app, 'LakeOperationsInteg', { env });
  const store = new LakeEventDataStore(stack, 'Store', {
    terminationProtection: false,
    removalPolicy: RemovalPolicy.DESTROY,
    retention: Duration.days(7),
    managementEvents: ReadWriteType.WRITE_ONLY,
  });
  const results = deletableBucket(stack, 'Results');
  const source = deletableBucket(stack, 'Source');

  const trailHistory = new LakeImport(stack, 'Import', {
    eventDataStore: store,
    sourceBucket: source,
    sourcePrefix: 'empty',
    startEventTime: new Date('2026-01-01T00:00:00Z'),
    endEventTime: new Date('2026-01-02T00:00:00Z'),
  });
  const query = new LakeQuery(stack, 'Query', {
    eventDataStore: store,
    queryStatement: `SELECT eventSource, count(*) AS events FROM ${store.eventDataStoreId} GROUP BY eventSource`,
    deliveryBucket: results,
    deliveryPrefix: 'deploy-time',
    timeout: Duration.minutes(20),
  });
  query.node.addDependency(trailHistory);
  new ScheduledLakeQuery(stack, 'DailyRootActivity', {
    eventDataStore: store,
    queryStatement: `SELECT eventTime, eventName, sourceIPAddress FROM ${store.eventDataStoreId} WHERE userIdentity.type = 'Root' `
      + "AND eventTime > date_add('day', -1, now())",
    schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
    deliveryBucket: results,
    deliveryPrefix: 'daily',
    topic: new sns.Topic(stack, 'Findings', { enforceSSL: true }),
  });

  const assertionStack = new Stack(app, 'LakeOperationsIntegAssertions', { env });
  const integ = new IntegTest(app, 'LakeOperations', { testCases: [stack], assertionStack, stackUpdateWorkflow: false });
  integ.assertions.awsApiCall('CloudTrail', 'describeQuery', { EventDataStore: store.eventDataStoreArn, QueryId: query.queryId })
    .expect(ExpectedResult.objectLike({ QueryStatus: 'FINISHED', DeliveryStatus: 'SUCCESS' }));
  integ.assertions.awsApiCall('CloudTrail', 'getImport', { ImportId: trailHistory.importId })
    .expect(ExpectedResult.objectLike({ ImportStatus: 'COMPLETED' }));
  return { operationsStack: stack, assertionStack };
}

if (require.main === module) {
  const app = new App({ context: INTEG_APP_CONTEXT });
  buildLakeOperationsInteg(app, optionsFromEnvironment());
  app.synth();
}
