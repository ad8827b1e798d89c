/**
 * Integration test app for `OrganizationTrail`.
 *
 * CI checks the committed snapshot (`integ.organization-trail.ts.snapshot/`) without deploying, in
 * `integ.organization-trail.test.ts`: no `@aws-cdk/integ-runner` on the registry reads the cloud assembly
 * schema this aws-cdk-lib writes. To deploy the app and run its assertions, from the organization's
 * management account (trusted access for CloudTrail on) in the Region the trails should live in:
 *
 *   ORG_ID=o-xxxxxxxxxx npx cdk deploy --all --require-approval never \
 *     --app 'npx ts-node --prefer-ts-exts test/integ.organization-trail.ts'
 *
 * Each assertion is a custom resource in the assertions stack; a failed assertion fails its deployment.
 * Then `npx cdk destroy --all` with the same `--app`.
 *
 * Cost and clean-up: both trails log the whole organization, so the second copy of management events, the
 * Insights and the S3 data events are billed in every member account while the stacks exist. The trails'
 * buckets, keys and log groups keep `RemovalPolicy.RETAIN` (the default): the log buckets have Object Lock
 * and hold log files, so CloudFormation could not delete them anyway, and RETAIN lets the stacks delete
 * cleanly. Delete the retained buckets, keys (scheduled deletion) and log groups by hand afterwards; the
 * log groups' names are fixed (`aws-cloudtrail-logs-<trail name>`), so the app cannot be deployed again
 * while they exist.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Annotations, App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { InsightType, ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { INTEG_APP_CONTEXT, integEnvironment, IntegEnvironment, SNAPSHOT_ENV } from './integ-environment';
import { DataEventSelectors, OrganizationTrail } from '../src';

/** Where and for which organization the integration app is built. */
export interface OrganizationTrailIntegOptions {
  /** The account (the organization's management account) and Region of every stack. */
  readonly env: IntegEnvironment;
  /** The organization's ID. */
  readonly orgId: string;
}

/** The settings the committed snapshot is synthesized with; also the fallbacks when nothing is set. */
export const SNAPSHOT_OPTIONS: OrganizationTrailIntegOptions = {
  env: SNAPSHOT_ENV,
  orgId: 'o-a1b2c3d4e5',
};

/**
 * The settings for a deployment: `CDK_INTEG_ACCOUNT`/`CDK_INTEG_REGION` (integ-runner), else
 * `CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION` (the CDK CLI), and `ORG_ID`; the snapshot's values otherwise.
 */
export function optionsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): OrganizationTrailIntegOptions {
  return {
    env: integEnvironment(environment),
    orgId: environment.ORG_ID ?? SNAPSHOT_OPTIONS.orgId,
  };
}

/** The stacks of the integration app, for the snapshot test. */
export interface OrganizationTrailIntegStacks {
  readonly trailStack: Stack;
  readonly assertionStack: Stack;
}

/**
 * Adds the integration test to an app: a stack with two organization trails (one with the defaults, one
 * with notifications, a key prefix, data events, Insights and security alarms) and a stack of assertions
 * on what CloudTrail reports about them once deployed.
 */
export function buildOrganizationTrailInteg(app: App, options: OrganizationTrailIntegOptions): OrganizationTrailIntegStacks {
  const { env, orgId } = options;
  const stack = new Stack(app, 'OrganizationTrailInteg', { env });

  // Everything on its defaults: multi-Region, global service events, file validation, CloudWatch Logs.
  const trail = new OrganizationTrail(stack, 'Trail', { orgId });

  // Nothing is written to this bucket: it exists to be named in the data event selector, and is empty, so
  // it can be deleted with the stack.
  const workload = new s3.Bucket(stack, 'WorkloadBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const deliveries = new sns.Topic(stack, 'LogFileDeliveries', { enforceSSL: true });
  const alarms = new sns.Topic(stack, 'SecurityAlarmNotifications', { enforceSSL: true });
  const detailed = new OrganizationTrail(stack, 'DetailedTrail', {
    orgId,
    snsTopic: deliveries,
    s3KeyPrefix: 'integ',
    logFileExpiration: Duration.days(30),
    // Write events are enough for both Insights types, and cost less than a second copy of all events.
    managementEvents: ReadWriteType.WRITE_ONLY,
    excludeManagementEventSources: [ManagementEventSources.KMS],
    // The workload bucket only: S3 data events of every bucket of the organization would be expensive.
    dataEvents: new DataEventSelectors().addS3Objects({
      name: 'Workload object writes',
      buckets: [workload],
      readWriteType: ReadWriteType.WRITE_ONLY,
    }),
    insightTypes: [InsightType.API_CALL_RATE, InsightType.API_ERROR_RATE],
  });
  detailed.addSecurityAlarms('SecurityAlarms', { topic: alarms });
  // the second copy of the write management events is the price of testing both trails (see the header)
  Annotations.of(detailed).acknowledgeWarning('cdk-cloudtrail-org:DuplicateManagementEvents', 'the integration test deploys two organization trails on purpose');

  // In the trails' environment: assertions take cross-stack references, which need one environment.
  const assertionStack = new Stack(app, 'OrganizationTrailIntegAssertions', { env });
  const integ = new IntegTest(app, 'OrganizationTrail', {
    testCases: [stack],
    assertionStack,
    // Replacing an organization trail deletes and recreates it in every member account: update workflow off.
    stackUpdateWorkflow: false,
  });
  const assertions = integ.assertions;

  for (const t of [trail, detailed]) {
    assertions.awsApiCall('CloudTrail', 'getTrailStatus', { Name: t.trailArn })
      .expect(ExpectedResult.objectLike({ IsLogging: true }));
  }

  assertions.awsApiCall('CloudTrail', 'getTrail', { Name: trail.trailArn })
    .expect(ExpectedResult.objectLike({
      Trail: {
        Name: trail.trailName,
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        LogFileValidationEnabled: true,
        KmsKeyId: trail.encryptionKey.keyArn,
        S3BucketName: trail.bucket.bucketName,
        CloudWatchLogsRoleArn: trail.logsRole!.roleArn,
        HasCustomEventSelectors: true,
        HasInsightSelectors: false,
      },
    }));
  assertions.awsApiCall('CloudTrail', 'getTrail', { Name: detailed.trailArn })
    .expect(ExpectedResult.objectLike({
      Trail: {
        Name: detailed.trailName,
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
        LogFileValidationEnabled: true,
        KmsKeyId: detailed.encryptionKey.keyArn,
        S3BucketName: detailed.bucket.bucketName,
        S3KeyPrefix: 'integ',
        SnsTopicARN: deliveries.topicArn,
        HasCustomEventSelectors: true,
        HasInsightSelectors: true,
      },
    }));

  // CloudTrail returns the selectors as they were put; the lists are compared in the order the construct
  // renders them (objects inside them partially).
  assertions.awsApiCall('CloudTrail', 'getEventSelectors', { TrailName: trail.trailArn })
    .expect(ExpectedResult.objectLike({
      AdvancedEventSelectors: [{
        Name: 'Management events',
        FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
      }],
    }));
  assertions.awsApiCall('CloudTrail', 'getEventSelectors', { TrailName: detailed.trailArn })
    .expect(ExpectedResult.objectLike({
      AdvancedEventSelectors: [
        {
          Name: 'Management events',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['false'] },
            { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
          ],
        },
        {
          Name: 'Workload object writes',
          FieldSelectors: Match.arrayWith([
            Match.objectLike({ Field: 'eventCategory', Equals: ['Data'] }),
            Match.objectLike({ Field: 'resources.type', Equals: ['AWS::S3::Object'] }),
            Match.objectLike({ Field: 'readOnly', Equals: ['false'] }),
            Match.objectLike({ Field: 'resources.ARN', StartsWith: [`${workload.bucketArn}/`] }),
          ]),
        },
      ],
    }));
  assertions.awsApiCall('CloudTrail', 'getInsightSelectors', { TrailName: detailed.trailArn })
    .expect(ExpectedResult.objectLike({
      InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
    }));

  return { trailStack: stack, assertionStack };
}

if (require.main === module) {
  if (!process.env.ORG_ID) {
    // Without the real ID the bucket policy names the wrong organization, and CreateTrail fails.
    process.stderr.write(`ORG_ID is not set: synthesizing for the placeholder organization ${SNAPSHOT_OPTIONS.orgId}.\n`);
  }
  const app = new App({ context: INTEG_APP_CONTEXT });
  buildOrganizationTrailInteg(app, optionsFromEnvironment());
  app.synth();
}
