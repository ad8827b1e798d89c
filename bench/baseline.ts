import * as path from 'path';
import { Arn, ArnFormat, Aws, CustomResource, Duration, Names, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as observabilityadmin from 'aws-cdk-lib/aws-observabilityadmin';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

// Copied from examples/organization-audit.ts, which imports the library: the baseline must not.
const ORG_ID = 'o-a1b2c3d4e5';
const SECURITY_TOOLING_ACCOUNT = '333333333333';
const WORKLOAD_ACCOUNT = '222222222222';
const TRAIL_NAME = 'organization-audit';
const LOG_GROUP_NAME = `aws-cloudtrail-logs-${TRAIL_NAME}`;

// The CIS AWS Foundations Benchmark checks: metric name, alarm description, filter pattern.
const SECURITY_ALARMS: [string, string, string][] = [
  ['UnauthorizedApiCalls',
    'API calls refused with *UnauthorizedOperation or AccessDenied* (CIS 1.2 3.1, Security Hub CloudWatch.2)',
    '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}'],
  ['ConsoleSignInWithoutMfa',
    'Successful console sign-in of an IAM user without MFA (CIS 1.2 3.2, Security Hub CloudWatch.3)',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") '
    + '&& ($.responseElements.ConsoleLogin = "Success") }'],
  ['RootAccountUsage',
    'Use of the root user (CIS 1.2 3.3, CIS 1.4 4.3, Security Hub CloudWatch.1)',
    '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}'],
  ['IamPolicyChanges',
    'Changes to IAM policies and their attachments (CIS 1.2 3.4, CIS 1.4 4.4, Security Hub CloudWatch.4)',
    '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) '
    + '|| ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) '
    + '|| ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) '
    + '|| ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}'],
  ['CloudTrailConfigurationChanges',
    'Changes to CloudTrail trails and their logging (CIS 1.2 3.5, CIS 1.4 4.5, Security Hub CloudWatch.5)',
    '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}'],
  ['ConsoleAuthenticationFailures',
    'Failed console sign-ins (CIS 1.2 3.6, CIS 1.4 4.6, Security Hub CloudWatch.6)',
    '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}'],
  ['CmkDisablingOrDeletion',
    'Customer managed KMS keys disabled or scheduled for deletion (CIS 1.2 3.7, CIS 1.4 4.7, Security Hub CloudWatch.7)',
    '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}'],
  ['S3BucketPolicyChanges',
    'Changes to S3 bucket policies, ACLs, CORS, lifecycle or replication (CIS 1.2 3.8, CIS 1.4 4.8, Security Hub CloudWatch.8)',
    '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) '
    + '|| ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) '
    + '|| ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}'],
  ['ConfigConfigurationChanges',
    'Changes to AWS Config recorders and delivery channels (CIS 1.2 3.9, CIS 1.4 4.9, Security Hub CloudWatch.9)',
    '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) '
    + '|| ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}'],
  ['SecurityGroupChanges',
    'Changes to security groups and their rules (CIS 1.2 3.10, CIS 1.4 4.10, Security Hub CloudWatch.10)',
    '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) '
    + '|| ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}'],
  ['NaclChanges',
    'Changes to network ACLs (CIS 1.2 3.11, CIS 1.4 4.11, Security Hub CloudWatch.11)',
    '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) '
    + '|| ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}'],
  ['NetworkGatewayChanges',
    'Changes to customer and internet gateways (CIS 1.2 3.12, CIS 1.4 4.12, Security Hub CloudWatch.12)',
    '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) '
    + '|| ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}'],
  ['RouteTableChanges',
    'Changes to route tables and routes (CIS 1.2 3.13, CIS 1.4 4.13, Security Hub CloudWatch.13)',
    '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) '
    + '|| ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}'],
  ['VpcChanges',
    'Changes to VPCs, VPC peering and ClassicLink (CIS 1.2 3.14, CIS 1.4 4.14, Security Hub CloudWatch.14)',
    '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) '
    + '|| ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) '
    + '|| ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}'],
  ['OrganizationsChanges',
    'Changes to AWS Organizations accounts, organizational units and policies (CIS 1.4 4.15)',
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") '
    + '|| ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") '
    + '|| ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") '
    + '|| ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") '
    + '|| ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") '
    + '|| ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }'],
];

/**
 * The example organization audit stack (examples/organization-audit.ts) written by hand with aws-cdk-lib
 * alone, as the benchmark's baseline: the same resources, with the same properties.
 */
export class BaselineAuditStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    const cloudtrailPrincipal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    // The trail's own ARN attribute would make the bucket and key policies, which the trail waits for, depend on it.
    const trailArn = `arn:${Aws.PARTITION}:cloudtrail:${this.region}:${this.account}:trail/${TRAIL_NAME}`;
    const logGroupArn = `arn:${Aws.PARTITION}:logs:${this.region}:${this.account}:log-group:${LOG_GROUP_NAME}`;
    const denyGrantsExceptForAwsResources = new iam.PolicyStatement({
      sid: 'DenyGrantsExceptForAwsResources',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    });

    // Trail key, log buckets, log group

    const trailKey = new kms.Key(this, 'TrailKey', {
      description: `Encrypts the CloudTrail log files of ${this.node.path}/OrganizationTrail`,
      enableKeyRotation: true,
    });
    trailKey.addToResourcePolicy(denyGrantsExceptForAwsResources);
    trailKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailEncryptLogs',
      principals: [cloudtrailPrincipal],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceArn': trailArn },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${Aws.PARTITION}:cloudtrail:*:${this.account}:trail/*` },
      },
    }));
    trailKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailDecryptWithBucketKey',
      principals: [cloudtrailPrincipal],
      actions: ['kms:Decrypt'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceArn': trailArn } },
    }));
    trailKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailDescribeKey',
      principals: [cloudtrailPrincipal],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceArn': trailArn } },
    }));
    const trailLogsPrincipal = new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`);
    trailKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogsEncryptTrailLogGroup',
      principals: [trailLogsPrincipal],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
    }));
    trailKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogsDescribeKey', principals: [trailLogsPrincipal], actions: ['kms:DescribeKey'], resources: ['*'],
    }));

    const bucketSettings: s3.BucketProps = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectLockEnabled: true,
      lifecycleRules: [{
        abortIncompleteMultipartUploadAfter: Duration.days(7),
        noncurrentVersionExpiration: Duration.days(365),
        transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) }],
      }],
    };
    // S3 server access logs can only go to an SSE-S3 bucket.
    const accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', { ...bucketSettings, encryption: s3.BucketEncryption.S3_MANAGED });
    const trailBucket = new s3.Bucket(this, 'TrailBucket', {
      ...bucketSettings,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: trailKey,
      bucketKeyEnabled: true,
    });
    // Set on the L1s: the L2's eventBridgeEnabled adds a custom resource; its serverAccessLogsBucket an ACL.
    (trailBucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: accessLogsBucket.bucketName,
      logFilePrefix: 'bucket-access-logs/',
    };
    for (const bucket of [trailBucket, accessLogsBucket]) {
      (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
    }
    accessLogsBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'S3ServerAccessLogsDelivery',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogsBucket.arnForObjects('bucket-access-logs/*')],
      conditions: {
        ArnLike: { 'aws:SourceArn': trailBucket.bucketArn },
        StringEquals: { 'aws:SourceAccount': this.account },
      },
    }));
    trailBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailAclCheck',
      principals: [cloudtrailPrincipal],
      actions: ['s3:GetBucketAcl'],
      resources: [trailBucket.bucketArn],
      conditions: { StringEquals: { 'aws:SourceArn': trailArn } },
    }));
    for (const [sid, owner] of [['CloudTrailWriteAccountLogs', this.account], ['CloudTrailWriteOrganizationLogs', ORG_ID]]) {
      trailBucket.addToResourcePolicy(new iam.PolicyStatement({
        sid,
        principals: [cloudtrailPrincipal],
        actions: ['s3:PutObject'],
        resources: [trailBucket.arnForObjects(`AWSLogs/${owner}/*`)],
        conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
      }));
    }

    const trailLogGroup = new logs.LogGroup(this, 'TrailLogGroup', {
      logGroupName: LOG_GROUP_NAME,
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: trailKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const trailLogsRole = new iam.Role(this, 'TrailLogsRole', {
      assumedBy: cloudtrailPrincipal,
      description: `Lets CloudTrail deliver the events of ${this.node.path}/OrganizationTrail to CloudWatch Logs`,
    });
    const trailLogsPolicy = new iam.ManagedPolicy(this, 'TrailLogsPolicy', {
      description: `Lets CloudTrail write the log streams of ${this.node.path}/OrganizationTrail`,
      roles: [trailLogsRole],
      statements: [new iam.PolicyStatement({
        sid: 'CloudTrailCreateAndWriteLogStreams',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [
          `${logGroupArn}:log-stream:${this.account}_CloudTrail_${this.region}*`,
          `${logGroupArn}:log-stream:${ORG_ID}_*`,
        ],
      })],
    });

    // The organization trail: management events without AWS KMS, Insights, and the workload's data events

    const dataEventSelectors: cloudtrail.CfnTrail.AdvancedEventSelectorProperty[] = [
      {
        name: 'Payment object writes',
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
          { field: 'readOnly', equalTo: ['false'] },
          { field: 'resources.ARN', startsWith: [`arn:${Aws.PARTITION}:s3:::payments-${WORKLOAD_ACCOUNT}/`] },
        ],
      },
      {
        name: 'Ledger item access',
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::DynamoDB::Table'] },
          { field: 'resources.ARN', equalTo: [`arn:aws:dynamodb:us-east-1:${WORKLOAD_ACCOUNT}:table/ledger`] },
        ],
      },
      {
        name: 'Settlement invocations',
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::Lambda::Function'] },
          { field: 'resources.ARN', equalTo: [`arn:aws:lambda:us-east-1:${WORKLOAD_ACCOUNT}:function:settle`] },
        ],
      },
      {
        name: 'SNS publishes',
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::SNS::Topic'] },
          { field: 'eventName', equalTo: ['Publish', 'PublishBatch'] },
        ],
      },
    ];
    // The trail's selectors, which the CloudWatch telemetry rule below repeats
    const trailSelectors: cloudtrail.CfnTrail.AdvancedEventSelectorProperty[] = [
      {
        name: 'Management events',
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Management'] },
          { field: 'eventSource', notEquals: ['kms.amazonaws.com'] },
        ],
      },
      ...dataEventSelectors,
    ];
    const trail = new cloudtrail.CfnTrail(this, 'Trail', {
      trailName: TRAIL_NAME,
      isOrganizationTrail: true,
      isLogging: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      s3BucketName: trailBucket.bucketName,
      kmsKeyId: trailKey.keyArn,
      cloudWatchLogsLogGroupArn: trailLogGroup.logGroupArn,
      cloudWatchLogsRoleArn: trailLogsRole.roleArn,
      insightSelectors: ['ApiCallRateInsight', 'ApiErrorRateInsight'].map(insightType => ({ insightType, eventCategories: ['Management', 'Data'] })),
      aggregationConfigurations: [{ eventCategory: 'Data', templates: ['API_ACTIVITY', 'USER_ACTIONS'] }],
      advancedEventSelectors: trailSelectors,
    });
    // CloudTrail checks the bucket policy and the role's permissions when it creates the trail.
    trail.node.addDependency(trailBucket.policy!, trailLogsPolicy);

    // CIS security alarms on the trail's log group, notifying an encrypted topic

    const alarmKey = new kms.Key(this, 'AlarmKey', { enableKeyRotation: true, description: 'Encrypts the security alarm topic' });
    alarmKey.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }));
    alarmKey.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }));
    const alarmTopic = new sns.Topic(this, 'AlarmTopic', { masterKey: alarmKey, enforceSSL: true });
    const alarmAction = new SnsAction(alarmTopic);
    new events.Rule(this, 'TrailTampering', {
      eventPattern: {
        source: ['aws.cloudtrail'],
        detailType: ['AWS API Call via CloudTrail'],
        detail: {
          eventSource: ['cloudtrail.amazonaws.com'],
          eventName: ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors', 'PutEventConfiguration'],
          $or: [{ requestParameters: { name: [TRAIL_NAME, trailArn] } }, { requestParameters: { trailName: [TRAIL_NAME, trailArn] } }],
        },
      },
      targets: [new targets.SnsTopic(alarmTopic)],
    });
    for (const [metricName, description, filterPattern] of SECURITY_ALARMS) {
      const filter = new logs.MetricFilter(this, `${metricName}Filter`, {
        logGroup: trailLogGroup,
        filterPattern: logs.FilterPattern.literal(filterPattern),
        metricNamespace: 'CloudTrailMetrics',
        metricName,
        metricValue: '1',
      });
      const alarm = new cloudwatch.Alarm(this, `${metricName}Alarm`, {
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.addAlarmAction(alarmAction);
    }

    // The same management and data events in CloudWatch Logs, in every account and Region of the organization

    const search = new Construct(this, 'CloudWatchSearch');
    new observabilityadmin.CfnOrganizationTelemetryRule(search, 'Rule', {
      ruleName: Names.uniqueResourceName(search, { maxLength: 100, separator: '-', allowedSpecialCharacters: '-' }),
      rule: {
        resourceType: 'AWS::CloudTrail',
        telemetryType: 'Logs',
        allRegions: true,
        destinationConfiguration: {
          destinationType: 'cloud-watch-logs',
          retentionInDays: 365,
          cloudtrailParameters: {
            advancedEventSelectors: trailSelectors,
          },
        },
      },
    });

    // CloudTrail Lake: write management events and the same data events, queryable by the security tooling account

    const lakeKey = new kms.Key(this, 'LakeKey', {
      description: `Encrypts the CloudTrail Lake event data store ${this.node.path}/OrganizationLake`,
      enableKeyRotation: true,
    });
    lakeKey.addToResourcePolicy(denyGrantsExceptForAwsResources);
    lakeKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailLakeEncryptEventDataStores',
      principals: [cloudtrailPrincipal],
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: ['*'],
    }));
    lakeKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailLakeDescribeKey',
      principals: [cloudtrailPrincipal],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
    }));
    const lake = new cloudtrail.CfnEventDataStore(this, 'Lake', {
      name: 'organization-audit-lake',
      billingMode: 'EXTENDABLE_RETENTION_PRICING',
      retentionPeriod: 731,
      terminationProtectionEnabled: true,
      multiRegionEnabled: true,
      organizationEnabled: true,
      ingestionEnabled: true,
      kmsKeyId: lakeKey.keyArn,
      advancedEventSelectors: [
        {
          name: 'Management events',
          fieldSelectors: [
            { field: 'eventCategory', equalTo: ['Management'] },
            { field: 'readOnly', equalTo: ['false'] },
          ],
        },
        ...dataEventSelectors,
      ],
    });
    lake.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const lakeArn = lake.attrEventDataStoreArn;

    const securityTooling = new iam.AccountPrincipal(SECURITY_TOOLING_ACCOUNT);
    new cloudtrail.CfnResourcePolicy(this, 'LakePolicy', {
      resourceArn: lakeArn,
      resourcePolicy: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({
          principals: [securityTooling],
          actions: ['cloudtrail:StartQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:GetQueryResults', 'cloudtrail:CancelQuery', 'cloudtrail:ListQueries'],
          resources: [lakeArn],
        })],
      }),
    });
    lakeKey.grant(securityTooling, 'kms:Decrypt', 'kms:GenerateDataKey');

    // Query results go to the trail bucket, written by CloudTrail for this store only
    const fromLake = { StringEquals: { 'aws:SourceArn': lakeArn } };
    // The import role CloudTrail assumes for this store only; the trail's bucket and key let it in (imported first)
    const importRole = new iam.Role(this, 'ImportRole', {
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account, 'aws:SourceArn': lake.attrEventDataStoreArn } },
      }),
      description: `Lets CloudTrail read trail logs from ${this.node.path}/OrganizationTrail/Logs/Bucket for a CloudTrail Lake import`,
    });
    trailBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailLakeImportRead',
      principals: [importRole],
      actions: ['s3:ListBucket', 's3:GetBucketAcl', 's3:GetObject'],
      resources: [trailBucket.bucketArn, trailBucket.arnForObjects('*')],
    }));
    trailKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailLakeImportDecrypt',
      principals: [importRole],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${this.region}.amazonaws.com` } },
    }));
    trailBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailLakeQueryResults',
      principals: [cloudtrailPrincipal],
      actions: ['s3:PutObject*', 's3:Abort*'],
      resources: [trailBucket.arnForObjects('lake-query-results/*')],
      conditions: fromLake,
    }));
    trailBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailLakeQueryResultsAcl',
      principals: [cloudtrailPrincipal],
      actions: ['s3:GetBucketAcl'],
      resources: [trailBucket.bucketArn],
      conditions: fromLake,
    }));
    trailKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailLakeQueryResultsEncryption',
      principals: [cloudtrailPrincipal],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
      conditions: fromLake,
    }));

    // The custom-resource provider that imports trail logs into the lake and runs queries at deploy time

    // The provider's functions are described by their construct path, so the provider sits where the library puts it.
    const operations = new Construct(this, 'CloudTrailOrgOperations');
    const handlerRole = new iam.Role(operations, 'HandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the CloudTrail operations (Lake queries, imports) of this stack',
    });
    const handlerLogKey = new kms.Key(this, 'CloudTrailOrgHandlerLogKey', {
      description: 'Encrypts the log groups of the cdk-cloudtrail-org handler functions',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    handlerLogKey.addToResourcePolicy(denyGrantsExceptForAwsResources);
    const logsPrincipal = new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`);
    handlerLogKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogsEncryptHandlerLogGroups',
      principals: [logsPrincipal],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*` } },
    }));
    handlerLogKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogsDescribeKey',
      principals: [logsPrincipal],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
    }));
    const handlerLogs = (logGroupId: string) => new logs.LogGroup(operations, logGroupId, {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: handlerLogKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const onEventLogs = handlerLogs('OnEventLogs');
    const isCompleteLogs = handlerLogs('IsCompleteLogs');
    const providerLogs = handlerLogs('ProviderLogs');

    const importPolicy = new iam.ManagedPolicy(this, 'ImportPolicy', {
      description: `Lets CloudTrail read trail logs from ${this.node.path}/OrganizationTrail/Logs/Bucket for a CloudTrail Lake import`,
      roles: [importRole],
      statements: [
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [trailBucket.arnForObjects('*')] }),
        new iam.PolicyStatement({ actions: ['s3:ListBucket', 's3:GetBucketAcl'], resources: [trailBucket.bucketArn] }),
        new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [trailKey.keyArn] }),
      ],
    });

    const handlerPolicy = new iam.ManagedPolicy(operations, 'HandlerPolicy', {
      description: 'Runs the CloudTrail operations (Lake queries, imports) of this stack, scoped to the resources each one touches',
      roles: [handlerRole],
      statements: [
        ...[onEventLogs, isCompleteLogs, providerLogs].map(logGroup => new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        })),
        // The import actions take no resource type.
        new iam.PolicyStatement({
          actions: ['cloudtrail:StartImport', 'cloudtrail:GetImport', 'cloudtrail:ListImports', 'cloudtrail:ListImportFailures', 'cloudtrail:StopImport'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [importRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' } },
        }),
        new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [lakeKey.keyArn] }),
        new iam.PolicyStatement({
          actions: ['cloudtrail:StartQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:CancelQuery', 'cloudtrail:ListQueries'],
          resources: [lakeArn],
        }),
      ],
    });

    const handler = (functionId: string, bundle: string, description: string, logGroup: logs.ILogGroup, timeout: Duration) =>
      new lambda.Function(operations, functionId, {
        description,
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        // The bench bundles this file one level below the project root, as bench/ is.
        code: lambda.Code.fromAsset(path.join(__dirname, '..', 'assets', 'operations', bundle)),
        role: handlerRole,
        logGroup,
        timeout,
        memorySize: 256,
        environment: { AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1' },
      });
    const provider = new cr.Provider(operations, 'Provider', {
      onEventHandler: handler('OnEvent', 'operation-event.lambda', 'Starts, updates and stops CloudTrail operations', onEventLogs, Duration.minutes(2)),
      isCompleteHandler: handler('IsComplete', 'operation-complete.lambda', 'Checks whether a CloudTrail operation has finished', isCompleteLogs, Duration.minutes(1)),
      queryInterval: Duration.seconds(20),
      totalTimeout: Duration.minutes(57),
      logGroup: providerLogs,
      disableWaiterStateMachineLogging: false,
      waiterStateMachineLogOptions: { destination: handlerLogs('WaiterLogs'), level: sfn.LogLevel.ALL },
    });
    const waiter = provider.node.findChild('waiter-state-machine');
    (waiter.node.findChild('Resource') as sfn.CfnStateMachine).tracingConfiguration = { enabled: true };
    (waiter.node.findChild('Role') as iam.Role).addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
      resources: ['*'],
    }));

    // Copy the trail's first half-year of logs into the lake, then count each account's writes

    const history = new CustomResource(this, 'TrailHistoryImport', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::CloudTrailLakeImport',
      serviceTimeout: Duration.minutes(35),
      properties: {
        Operation: 'LakeImport',
        EventDataStoreArn: lakeArn,
        S3LocationUri: `s3://${trailBucket.bucketName}`,
        S3BucketRegion: this.region,
        S3BucketAccessRoleArn: importRole.roleArn,
        StartEventTime: '2026-01-01T00:00:00.000Z',
        EndEventTime: '2026-07-01T00:00:00.000Z',
        WaitForCompletion: 'true',
        TimeoutSeconds: '1800',
      },
    });
    history.node.addDependency(handlerPolicy, importPolicy);

    const lakeId = Arn.split(lakeArn, ArnFormat.SLASH_RESOURCE_NAME).resourceName;
    const writesByAccount = new CustomResource(this, 'WritesByAccount', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::CloudTrailLakeQuery',
      serviceTimeout: Duration.minutes(35),
      properties: {
        Operation: 'LakeQuery',
        EventDataStoreArn: lakeArn,
        QueryStatement: `SELECT recipientAccountId, count(*) AS writes FROM ${lakeId} `
          + "WHERE eventTime >= '2026-01-01 00:00:00' GROUP BY recipientAccountId ORDER BY writes DESC",
        DeliveryS3Uri: `s3://${trailBucket.bucketName}/lake-query-results`,
        WaitForCompletion: 'true',
        TimeoutSeconds: '1800',
      },
    });
    writesByAccount.node.addDependency(handlerPolicy, history);
  }
}
