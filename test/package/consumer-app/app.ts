// A CDK app as a user writes it against the published package: every construct and helper src/index.ts
// exports, imported by package name. test/package/consumer-test.sh installs the packed tarball into a fresh
// project outside the repository, compiles this file with tsc and synthesizes it with the pinned aws-cdk CLI.
// It is not part of the repository's TypeScript or eslint projects ('cdk-cloudtrail-org' resolves only there).
import { App, CfnOutput, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  AdvancedEventSelector,
  CloudTrailTelemetryRule,
  CloudTrailTrustedAccess,
  ContextKeyType,
  DashboardQueryParameter,
  DataEventSelectors,
  DataResourceType,
  EventDataStoreBillingMode,
  EventDataStoreKind,
  LakeChannel,
  LakeDashboard,
  LakeEventDataStore,
  LakeExportToCloudWatch,
  LakeImport,
  LakeQuery,
  OrganizationDelegatedAdmin,
  OrganizationTrail,
  ScheduledLakeQuery,
  SecurityAlarmCheck,
  SecurityAlarms,
  TrailLogArchive,
  TrailProtectionPolicy,
} from 'cdk-cloudtrail-org';
import { Construct } from 'constructs';

const ORG_ID = 'o-a1b2c3d4e5';
const MANAGEMENT = { account: '111111111111', region: 'us-east-1' };
const WORKLOAD = { account: '222222222222', region: 'us-east-1' };
const SECURITY_TOOLING_ACCOUNT = '333333333333';
const LOG_ARCHIVE = { account: '444444444444', region: 'us-east-1' };

/** A KMS-encrypted topic CloudWatch alarms may publish to. */
function securityTopic(scope: Construct, id: string): sns.Topic {
  const key = new kms.Key(scope, `${id}Key`, { enableKeyRotation: true, description: 'Encrypts the security findings topic' });
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
  }));
  return new sns.Topic(scope, id, { masterKey: key, enforceSSL: true });
}

/**
 * The organization's management account: the organization trail with its alarms, an organization event
 * data store with an Insights store, the trail's history imported into it, a deploy-time and a scheduled
 * query, the security tooling account as CloudTrail delegated administrator, an organization telemetry rule,
 * a service control policy protecting the trail, a channel for events from outside AWS, a dashboard and an
 * export of the lake's history to CloudWatch Logs.
 */
class ManagementAccountStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    const payments = s3.Bucket.fromBucketName(this, 'PaymentsBucket', `payments-${WORKLOAD.account}`);
    const ledger = dynamodb.Table.fromTableArn(this, 'LedgerTable', `arn:aws:dynamodb:us-east-1:${WORKLOAD.account}:table/ledger`);
    const settle = lambda.Function.fromFunctionArn(this, 'SettleFunction', `arn:aws:lambda:us-east-1:${WORKLOAD.account}:function:settle`);

    const dataEvents = new DataEventSelectors()
      .addS3Objects({
        name: 'Payment object writes',
        buckets: [payments],
        objectPrefix: 'incoming/',
        readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY,
      })
      .addLambdaFunctions({
        name: 'Settlement invocations',
        functions: [settle],
        userIdentityArns: { notStartsWith: [`arn:aws:sts::${WORKLOAD.account}:assumed-role/deploy`] },
      })
      .addDynamoDbTables({ name: 'Ledger item access', tables: [ledger] })
      .addDataEvents(DataResourceType.SNS_TOPIC, { name: 'SNS publishes', eventNames: { equalTo: ['Publish', 'PublishBatch'] } });

    const trail = new OrganizationTrail(this, 'OrganizationTrail', {
      orgId: ORG_ID,
      trailName: 'organization-audit',
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      cloudWatchLogsRetention: logs.RetentionDays.TWO_YEARS,
      dataEvents,
    });
    const findings = securityTopic(this, 'SecurityFindings');
    trail.addSecurityAlarms('SecurityAlarms', { topic: findings });
    const auditReader = new iam.Role(this, 'AuditReader', { assumedBy: new iam.AccountPrincipal(SECURITY_TOOLING_ACCOUNT) });
    trail.grantRead(auditReader);
    OrganizationTrail.onEvent(this, 'TrailChanges', {
      eventPattern: { source: ['aws.cloudtrail'], detail: { eventName: ['StopLogging', 'DeleteTrail', 'UpdateTrail'] } },
    });

    const insights = new LakeEventDataStore(this, 'InsightsStore', { kind: EventDataStoreKind.INSIGHTS });
    const lake = new LakeEventDataStore(this, 'OrganizationLake', {
      eventDataStoreName: 'organization-audit-lake',
      organizationEnabled: true,
      retention: Duration.days(731),
      billingMode: EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING,
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      dataEvents,
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE],
      insightsDestination: insights,
      federationEnabled: true,
      contextKeySelectors: [{ type: ContextKeyType.TAG_CONTEXT, keys: ['team', 'cost-center'] }],
    });
    lake.grantQuery(auditReader);
    lake.grantQuery(new iam.AccountPrincipal(SECURITY_TOOLING_ACCOUNT));

    const history = new LakeImport(this, 'TrailHistoryImport', {
      eventDataStore: lake,
      sourceBucket: trail.bucket,
      sourceKey: trail.encryptionKey,
      startEventTime: new Date('2026-01-01T00:00:00Z'),
      endEventTime: new Date('2026-07-01T00:00:00Z'),
    });
    const writesByAccount = new LakeQuery(this, 'WritesByAccount', {
      eventDataStore: lake,
      queryStatement: `SELECT recipientAccountId, count(*) AS writes FROM ${lake.eventDataStoreId} GROUP BY recipientAccountId`,
      deliveryBucket: trail.bucket,
      deliveryPrefix: 'lake-query-results',
      timeout: Duration.minutes(20),
    });
    writesByAccount.node.addDependency(history);
    new CfnOutput(this, 'EventsScanned', { value: writesByAccount.eventsScanned });

    const results = new s3.Bucket(this, 'QueryResults', { enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    new ScheduledLakeQuery(this, 'RootActivity', {
      eventDataStore: lake,
      queryStatement: `SELECT eventTime, eventName, sourceIPAddress FROM ${lake.eventDataStoreId} WHERE userIdentity.type = 'Root' `
        + "AND eventTime > date_add('hour', -1, now())",
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      deliveryBucket: results,
      deliveryPrefix: 'root-activity',
      topic: findings,
      description: 'Hourly: root user activity anywhere in the organization',
    });

    new OrganizationDelegatedAdmin(this, 'SecurityToolingAdmin', { memberAccountId: SECURITY_TOOLING_ACCOUNT });
    trail.node.addDependency(new CloudTrailTrustedAccess(this, 'TrustedAccess'));

    // The same events in CloudWatch Logs for every account, and the trail and store protected by an SCP.
    new CloudTrailTelemetryRule(this, 'CloudWatchSearch', {
      organizationEnabled: true,
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
      dataEvents,
    });
    new TrailProtectionPolicy(this, 'ProtectTrail', {
      trailArns: [trail.trailArn],
      eventDataStoreArns: [lake.eventDataStoreArn],
      logArchiveBuckets: [trail.bucket],
      logArchiveKeys: [trail.encryptionKey],
      targetIds: ['r-a1b2'],
    });

    // Events from outside AWS, a dashboard over the lake, and the lake's history copied to CloudWatch Logs.
    const partnerEvents = new LakeEventDataStore(this, 'PartnerEvents', { kind: EventDataStoreKind.EXTERNAL_EVENTS });
    new LakeChannel(this, 'PartnerChannel', { source: 'Custom', destinations: [partnerEvents] })
      .grantPutAuditEvents(new iam.AccountPrincipal(WORKLOAD.account), 'workload-audit');
    new LakeDashboard(this, 'ErrorsDashboard', {
      widgets: [{
        title: 'Top errors',
        queryStatement: `SELECT errorCode, count(*) AS n FROM ${lake.eventDataStoreId} WHERE eventTime > '?' GROUP BY errorCode`,
        queryParameters: [DashboardQueryParameter.START_TIME],
        eventDataStores: [lake],
      }],
      refreshSchedule: { frequency: Duration.hours(6) },
    });
    const lakeHistory = new LakeExportToCloudWatch(this, 'LakeHistoryToCloudWatch', {
      eventDataStore: lake,
      startEventTime: new Date('2026-01-01T00:00:00Z'),
      endEventTime: new Date('2026-07-01T00:00:00Z'),
    });
    new CfnOutput(this, 'LakeHistoryLogGroup', { value: lakeHistory.logGroup.logGroupName });
  }
}

/**
 * A workload account with its own trail and store, built from aws-cdk-lib's resources with the library's
 * selectors applied, the CIS alarms on the trail's log group, and its write management events in CloudWatch Logs.
 */
class WorkloadAccountStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    const glueConsoleReads: AdvancedEventSelector = {
      name: 'Glue table reads from the console',
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Data'] },
        { field: 'resources.type', equalTo: ['AWS::Glue::Table'] },
        { field: 'readOnly', equalTo: ['true'] },
        { field: 'sessionCredentialFromConsole', equalTo: ['true'] },
      ],
    };
    const selectors = DataEventSelectors.fromAdvancedEventSelectors([glueConsoleReads])
      .addDataEvents(DataResourceType.of('AWS::DynamoDB::Stream'))
      .addS3Objects({ readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY });

    const logGroup = new logs.LogGroup(this, 'TrailLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const trail = new cloudtrail.Trail(this, 'AccountTrail', { sendToCloudWatchLogs: true, cloudWatchLogGroup: logGroup });
    selectors.applyToCfnTrail(trail.node.defaultChild as cloudtrail.CfnTrail, {
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
    });
    new SecurityAlarms(this, 'RootAndIamAlarms', {
      logGroup,
      topic: securityTopic(this, 'AlarmTopic'),
      checks: [SecurityAlarmCheck.ROOT_ACCOUNT_USAGE, SecurityAlarmCheck.IAM_POLICY_CHANGES, SecurityAlarmCheck.CLOUDTRAIL_CONFIGURATION_CHANGES],
      metricNamespace: 'WorkloadAudit',
    });

    const store = new cloudtrail.CfnEventDataStore(this, 'AccountStore', { retentionPeriod: 90, terminationProtectionEnabled: true });
    selectors.applyToCfnEventDataStore(store, { managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY });

    // The organization store of the management account, queried from here through its resource policy.
    const organizationLake = LakeEventDataStore.fromEventDataStoreArn(this, 'OrganizationLake',
      `arn:aws:cloudtrail:us-east-1:${MANAGEMENT.account}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`);
    const analyst = new iam.Role(this, 'LakeAnalyst', { assumedBy: new iam.AccountRootPrincipal() });
    organizationLake.grantQuery(analyst);

    new CloudTrailTelemetryRule(this, 'AccountEventsToCloudWatch', {
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      retention: logs.RetentionDays.SIX_MONTHS,
    });
  }
}

/** The Log Archive account: the bucket and key of an organization trail of the management account. */
class LogArchiveAccountStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const archive = new TrailLogArchive(this, 'LogArchive', {
      orgId: ORG_ID,
      managementAccountId: MANAGEMENT.account,
      trailName: 'consumer-archived-trail',
      objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(365)),
    });
    archive.grantRead(iam.Role.fromRoleArn(this, 'LogReader', `arn:aws:iam::${SECURITY_TOOLING_ACCOUNT}:role/log-reader`, { mutable: false }));
  }
}

const app = new App();
new ManagementAccountStack(app, 'ConsumerManagementAccount', { env: MANAGEMENT });
new LogArchiveAccountStack(app, 'ConsumerLogArchiveAccount', { env: LOG_ARCHIVE });
new WorkloadAccountStack(app, 'ConsumerWorkloadAccount', { env: WORKLOAD });
app.synth();
