import { App, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  AggregationTemplate, CloudTrailTelemetryRule, DataEventSelectors, DataResourceType, InsightEventCategory, LakeEventDataStore, LakeImport, LakeQuery,
  OrganizationTrail,
} from '../src';
import { SecurityToolingStack } from './security-tooling';
import { securityAlarmTopic } from './security-topic';

/** Account and Region the example is synthesized for: the organization's management account. */
export const EXAMPLE_ENV = { account: '111111111111', region: 'us-east-1' };
export const EXAMPLE_ORG_ID = 'o-a1b2c3d4e5';
/** The member account the security team works from. */
export const SECURITY_TOOLING_ACCOUNT = '333333333333';
/** A member account whose workload the security team audits closely. */
export const WORKLOAD_ACCOUNT = '222222222222';

/**
 * An organization audit stack for the management account: one organization trail for every account,
 * logging management events (without the noisy AWS KMS calls), Insights, and the data events of the
 * payments workload in a member account; CIS security alarms on its log group; the same events in CloudWatch
 * Logs for search, through an organization telemetry rule; and an organization event data store with the same
 * data events, which the security tooling account may query.
 */
export class OrganizationAuditStack extends Stack {
  public readonly trail: OrganizationTrail;
  public readonly lake: LakeEventDataStore;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    // The workload lives in a member account; organization trails log it by ARN.
    const payments = s3.Bucket.fromBucketName(this, 'PaymentsBucket', `payments-${WORKLOAD_ACCOUNT}`);
    const ledger = dynamodb.Table.fromTableArn(this, 'LedgerTable', `arn:aws:dynamodb:us-east-1:${WORKLOAD_ACCOUNT}:table/ledger`);
    const settle = lambda.Function.fromFunctionArn(this, 'SettleFunction', `arn:aws:lambda:us-east-1:${WORKLOAD_ACCOUNT}:function:settle`);

    const dataEvents = new DataEventSelectors()
      .addS3Objects({ name: 'Payment object writes', buckets: [payments], readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY })
      .addDynamoDbTables({ name: 'Ledger item access', tables: [ledger] })
      .addLambdaFunctions({ name: 'Settlement invocations', functions: [settle] })
      .addDataEvents(DataResourceType.SNS_TOPIC, {
        name: 'SNS publishes',
        eventNames: { equalTo: ['Publish', 'PublishBatch'] },
      });

    this.trail = new OrganizationTrail(this, 'OrganizationTrail', {
      orgId: EXAMPLE_ORG_ID,
      trailName: 'organization-audit',
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      insightEventCategories: [InsightEventCategory.MANAGEMENT, InsightEventCategory.DATA],
      dataEvents,
      dataEventAggregation: [AggregationTemplate.API_ACTIVITY, AggregationTemplate.USER_ACTIONS],
    });
    const securityTopic = securityAlarmTopic(this);
    this.trail.addSecurityAlarms('SecurityAlarms', { topic: securityTopic });
    // Calls that stop, delete or weaken the trail reach the security team in real time.
    this.trail.onTamper('TrailTampering', { target: new targets.SnsTopic(securityTopic) });

    // The trail's S3 archive is the record; CloudWatch Logs is where the same events are searched, in every
    // account and Region of the organization.
    new CloudTrailTelemetryRule(this, 'CloudWatchSearch', {
      organizationEnabled: true,
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
      dataEvents,
    });

    // CloudTrail Lake: two years of the organization's write management events and the workload's data
    // events, queryable with SQL from the security tooling account.
    this.lake = new LakeEventDataStore(this, 'OrganizationLake', {
      eventDataStoreName: 'organization-audit-lake',
      organizationEnabled: true,
      retention: Duration.days(731),
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      dataEvents,
    });
    this.lake.grantQuery(new iam.AccountPrincipal(SECURITY_TOOLING_ACCOUNT));

    // Copy the trail's first half-year of logs into the lake, then count each account's write events at
    // deploy time, with the results next to the trail's logs.
    const history = new LakeImport(this, 'TrailHistoryImport', {
      eventDataStore: this.lake,
      sourceBucket: this.trail.bucket,
      sourceKey: this.trail.encryptionKey,
      startEventTime: new Date('2026-01-01T00:00:00Z'),
      endEventTime: new Date('2026-07-01T00:00:00Z'),
    });
    const writesByAccount = new LakeQuery(this, 'WritesByAccount', {
      eventDataStore: this.lake,
      queryStatement: `SELECT recipientAccountId, count(*) AS writes FROM ${this.lake.eventDataStoreId} `
        + "WHERE eventTime >= '2026-01-01 00:00:00' GROUP BY recipientAccountId ORDER BY writes DESC",
      deliveryBucket: this.trail.bucket,
      deliveryPrefix: 'lake-query-results',
    });
    writesByAccount.node.addDependency(history);
  }
}

/** Adds the example's stacks to an app: the management account's, and the security tooling account's. */
export function buildOrganizationAuditApp(app: App): void {
  new OrganizationAuditStack(app, 'OrganizationAudit', { env: EXAMPLE_ENV });
  new SecurityToolingStack(app, 'SecurityTooling', { env: { account: SECURITY_TOOLING_ACCOUNT, region: EXAMPLE_ENV.region } });
}
