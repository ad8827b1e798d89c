import { App, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DataEventSelectors, DataResourceType } from '../src';

/** Account and Region the example is synthesized for; any management account works. */
export const EXAMPLE_ENV = { account: '111111111111', region: 'us-east-1' };
export const EXAMPLE_ORG_ID = 'o-a1b2c3d4e5';

/**
 * An organization audit stack: an organization trail and an organization event data store, both
 * logging management events plus the data events of the workload resources a security team cares about.
 */
export class OrganizationAuditStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    const payments = new s3.Bucket(this, 'PaymentsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const ledger = new dynamodb.TableV2(this, 'LedgerTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    const settle = new lambda.Function(this, 'SettleFunction', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ settled: true });'),
    });

    const dataEvents = new DataEventSelectors()
      .addS3Objects({ name: 'Payment object writes', buckets: [payments], readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY })
      .addDynamoDbTables({ name: 'Ledger item access', tables: [ledger] })
      .addLambdaFunctions({ name: 'Settlement invocations', functions: [settle] })
      .addDataEvents(DataResourceType.SNS_TOPIC, {
        name: 'SNS publishes',
        eventNames: { equalTo: ['Publish', 'PublishBatch'] },
      });

    const trail = new cloudtrail.Trail(this, 'OrganizationTrail', {
      trailName: 'organization-audit',
      isOrganizationTrail: true,
      orgId: EXAMPLE_ORG_ID,
    });
    dataEvents.applyToCfnTrail(trail.node.defaultChild as cloudtrail.CfnTrail, {
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
    });

    const store = new cloudtrail.CfnEventDataStore(this, 'OrganizationEventDataStore', {
      name: 'organization-audit-lake',
      organizationEnabled: true,
      multiRegionEnabled: true,
      retentionPeriod: 366,
    });
    dataEvents.applyToCfnEventDataStore(store, { managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY });
  }
}

/** Adds the example's stacks to an app. */
export function buildOrganizationAuditApp(app: App): void {
  new OrganizationAuditStack(app, 'OrganizationAudit', { env: EXAMPLE_ENV });
}

if (require.main === module) {
  const app = new App();
  buildOrganizationAuditApp(app);
  app.synth();
}
