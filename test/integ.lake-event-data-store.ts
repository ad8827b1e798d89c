/**
 * Integration test app for `LakeEventDataStore`.
 *
 * CI checks the committed snapshot (`integ.lake-event-data-store.ts.snapshot/`) without deploying, in
 * `integ.lake-event-data-store.test.ts`: no `@aws-cdk/integ-runner` on the registry reads the cloud assembly
 * schema this aws-cdk-lib writes. CloudTrail Lake is closed to new customers since May 31, 2026: only an
 * account that already uses CloudTrail Lake can deploy the app. To deploy it and run its assertions, in the
 * account and Region the stores should live in:
 *
 *   npx cdk deploy --all --require-approval never \
 *     --app 'npx ts-node --prefer-ts-exts test/integ.lake-event-data-store.ts'
 *
 * Each assertion is a custom resource in the assertions stack; a failed assertion fails its deployment.
 * Then `npx cdk destroy --all` with the same `--app`.
 *
 * Cost and clean-up: CloudTrail Lake bills the events each store ingests (the write management events of
 * every Region, the workload bucket's S3 data events, the Insights events and the AWS Config configuration
 * items) while the stacks exist. Stores have termination protection and keep `RemovalPolicy.RETAIN` by
 * default; here every store has `terminationProtection: false` and `RemovalPolicy.DESTROY`, so
 * `cdk destroy` deletes them. A deleted store stays in PENDING_DELETION for 7 days (no charge, but it
 * still counts towards the quota of ten stores per account and Region) and can be restored meanwhile; the
 * stores' names are generated from their construct paths, so deploying again within those 7 days may find
 * the names taken. The stores' keys are scheduled for deletion (30 days) with the stacks, and the workload
 * bucket, which nothing writes to, is deleted with them.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { InsightType, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { INTEG_APP_CONTEXT, integEnvironment, IntegEnvironment, SNAPSHOT_ENV } from './integ-environment';
import { EventDataStoreBillingMode, DataEventSelectors, EventDataStoreKind, LakeEventDataStore } from '../src';

/** Where the integration app is built. */
export interface LakeEventDataStoreIntegOptions {
  /** The account (one that already uses CloudTrail Lake) and Region of every stack. */
  readonly env: IntegEnvironment;
}

/** The settings the committed snapshot is synthesized with; also the fallbacks when nothing is set. */
export const SNAPSHOT_OPTIONS: LakeEventDataStoreIntegOptions = {
  env: SNAPSHOT_ENV,
};

/**
 * The settings for a deployment: `CDK_INTEG_ACCOUNT`/`CDK_INTEG_REGION` (integ-runner), else
 * `CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION` (the CDK CLI); the snapshot's values otherwise.
 */
export function optionsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): LakeEventDataStoreIntegOptions {
  return {
    env: integEnvironment(environment),
  };
}

/** The stacks of the integration app, for the snapshot test. */
export interface LakeEventDataStoreIntegStacks {
  readonly storeStack: Stack;
  readonly assertionStack: Stack;
}

/**
 * Adds the integration test to an app: a stack with three event data stores (CloudTrail events with data
 * events and Insights, the Insights events, and AWS Config configuration items) and a role that may query
 * the first, and a stack of assertions on what CloudTrail reports about them once deployed.
 */
export function buildLakeEventDataStoreInteg(app: App, options: LakeEventDataStoreIntegOptions): LakeEventDataStoreIntegStacks {
  const { env } = options;
  const stack = new Stack(app, 'LakeEventDataStoreInteg', { env });

  // Deletable with the stack: neither protected from termination nor retained (see the header).
  const deletable = { terminationProtection: false, removalPolicy: RemovalPolicy.DESTROY };

  // Nothing is written to this bucket: it exists to be named in the data event selector, and is empty, so
  // it can be deleted with the stack.
  const workload = new s3.Bucket(stack, 'WorkloadBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });

  const insights = new LakeEventDataStore(stack, 'InsightsStore', { ...deletable, kind: EventDataStoreKind.INSIGHTS });
  const store = new LakeEventDataStore(stack, 'Store', {
    ...deletable,
    retention: Duration.days(90),
    // Write events are enough for API call rate Insights, and cost less than all management events.
    managementEvents: ReadWriteType.WRITE_ONLY,
    // The workload bucket only: S3 data events of every bucket of the account would be expensive.
    dataEvents: new DataEventSelectors().addS3Objects({ buckets: [workload] }),
    insightTypes: [InsightType.API_CALL_RATE],
    insightsDestination: insights,
  });
  const configuration = new LakeEventDataStore(stack, 'ConfigurationItemsStore', {
    ...deletable,
    kind: EventDataStoreKind.CONFIGURATION_ITEMS,
  });

  const queryRole = new iam.Role(stack, 'QueryRole', {
    assumedBy: new iam.AccountRootPrincipal(),
    description: 'Runs CloudTrail Lake queries on the integration test store',
  });
  store.grantQuery(queryRole);

  // In the stores' environment: assertions take cross-stack references, which need one environment.
  const assertionStack = new Stack(app, 'LakeEventDataStoreIntegAssertions', { env });
  const integ = new IntegTest(app, 'LakeEventDataStore', {
    testCases: [stack],
    assertionStack,
    // The update workflow deploys the committed snapshot first: a second round of billed ingestion, and of
    // stores left in PENDING_DELETION, for nothing this test checks.
    stackUpdateWorkflow: false,
  });
  const assertions = integ.assertions;

  assertions.awsApiCall('CloudTrail', 'getEventDataStore', { EventDataStore: store.eventDataStoreArn })
    .expect(ExpectedResult.objectLike({
      Name: store.eventDataStoreName,
      Status: 'ENABLED',
      RetentionPeriod: 90,
      TerminationProtectionEnabled: false,
      BillingMode: EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING,
      MultiRegionEnabled: true,
      OrganizationEnabled: false,
    }));
  assertions.awsApiCall('CloudTrail', 'getInsightSelectors', { EventDataStore: store.eventDataStoreArn })
    .expect(ExpectedResult.objectLike({
      InsightSelectors: Match.arrayWith([Match.objectLike({ InsightType: 'ApiCallRateInsight' })]),
    }));

  // A store of another kind than CloudTrail events has one selector, on the kind's event category.
  for (const [other, category] of [[insights, 'Insight'], [configuration, 'ConfigurationItem']] as const) {
    assertions.awsApiCall('CloudTrail', 'getEventDataStore', { EventDataStore: other.eventDataStoreArn })
      .expect(ExpectedResult.objectLike({
        Name: other.eventDataStoreName,
        Status: 'ENABLED',
        TerminationProtectionEnabled: false,
        AdvancedEventSelectors: [Match.objectLike({
          FieldSelectors: [Match.objectLike({ Field: 'eventCategory', Equals: [category] })],
        })],
      }));
  }

  return { storeStack: stack, assertionStack };
}

if (require.main === module) {
  const app = new App({ context: INTEG_APP_CONTEXT });
  buildLakeEventDataStoreInteg(app, optionsFromEnvironment());
  app.synth();
}
