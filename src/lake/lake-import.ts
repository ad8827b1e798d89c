import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeImportObjects, createImportRole, importBucketStatement, importKeyStatement, importSourceStatements, sourceKeyOf } from './import-role';
import { lakeImportProblems } from './import-rules';
import { LakeImportProps } from './lake-import-props';
import { Problem, throwIfProblems, validateAtSynth } from '../core/problems';
import { joinChain } from '../operations/operation-chain';
import { LakeImportAttribute, LakeImportProperties, OperationKind } from '../operations/operation-properties';
import { OperationsProvider } from '../operations/provider';
import { waitSettings } from '../operations/wait-settings';
import { addOrRequestStatements } from '../policy/resource-policy';
import { attachOrRequestPolicy } from '../policy/role-policy';

/**
 * An import of trail log files from S3 into a CloudTrail Lake event data store, as a custom resource: it
 * starts the import on create, waits for it (unless told not to), fails the deployment with a sample of
 * the failed log files when it fails, starts again on update only when the store, the source or the
 * time range change, and stops a running import on delete. Imported events stay in the store. The
 * imports of a stack run one after the other, because CloudTrail runs one import per account at a time.
 *
 * CloudTrail Lake takes no new customers since 2026-05-31: only accounts that already use it can create event data stores.
 * Without Lake, the trail's log files stay in its bucket, readable with `OrganizationTrail.grantRead`.
 */
export class LakeImport extends Construct {
  /** The import's ID. @attribute */
  public readonly importId: string;
  /** The import's status when the deployment went on: COMPLETED, or INITIALIZING/IN_PROGRESS when not waiting. @attribute */
  public readonly importStatus: string;
  /** How many S3 prefixes the import found. @attribute */
  public readonly prefixesFound: string;
  /** How many S3 prefixes the import completed. @attribute */
  public readonly prefixesCompleted: string;
  /** How many log files the import completed. @attribute */
  public readonly filesCompleted: string;
  /** How many events were copied into the store. @attribute */
  public readonly eventsCompleted: string;
  /** How many entries failed. @attribute */
  public readonly failedEntries: string;

  /** The role CloudTrail assumes to read the source bucket. */
  public readonly role: iam.IRole;
  /** Whether the deployment waits for the import to finish. */
  public readonly waitForCompletion: boolean;

  constructor(scope: Construct, id: string, props: LakeImportProps) {
    super(scope, id);
    const { settings, problems: waitProblems } = waitSettings(props);
    throwIfProblems(this, [...lakeImportProblems(props), ...waitProblems]);
    this.waitForCompletion = settings.waitForCompletion;

    const store = props.eventDataStore;
    const source = { bucket: props.sourceBucket, prefix: props.sourcePrefix, key: props.sourceKey };
    this.role = props.role ?? createImportRole(this, 'Role', source, store.eventDataStoreArn);
    const consequence = 'The import fails with InvalidImportSourceException';
    const sourcePolicy = attachOrRequestPolicy(this, 'SourcePolicy', this.role, importSourceStatements(source), {
      description: `Lets CloudTrail read trail logs from ${props.sourceBucket.node.path} for a CloudTrail Lake import`,
      warningId: 'RolePolicyNotManaged',
      roleName: 'import role',
      consequence,
    });
    if (sourcePolicy) {
      acknowledgeImportObjects(sourcePolicy, source);
    }
    addOrRequestStatements(this, props.sourceBucket, [importBucketStatement(source, this.role)], {
      id: 'BucketPolicyNotManaged', resource: `bucket ${props.sourceBucket.bucketName}`, policy: 'bucket policy', consequence,
    });
    const sourceKey = sourceKeyOf(source);
    if (sourceKey) {
      addOrRequestStatements(this, sourceKey, [importKeyStatement(this, this.role)], {
        id: 'KeyPolicyNotManaged', resource: `KMS key ${sourceKey.keyArn}`, policy: 'key policy', consequence,
      });
    }

    const provider = OperationsProvider.of(this);
    // Service Authorization Reference, AWS CloudTrail: these take no resource type, StartImport included (an import ID
    // is not an ARN, and StartImport names its destination only in the request), so only '*' grants them
    provider.addToHandlerPolicy(new iam.PolicyStatement({
      actions: ['cloudtrail:StartImport', 'cloudtrail:GetImport', 'cloudtrail:ListImports', 'cloudtrail:ListImportFailures', 'cloudtrail:StopImport'],
      resources: ['*'],
    }));
    provider.addToHandlerPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [this.role.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' } },
    }));
    if (store.encryptionKey) {
      provider.addToHandlerPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [store.encryptionKey.keyArn] }));
    }

    const properties: LakeImportProperties = {
      Operation: OperationKind.LAKE_IMPORT,
      EventDataStoreArn: store.eventDataStoreArn,
      S3LocationUri: importLocationUri(props.sourceBucket, props.sourcePrefix),
      S3BucketRegion: props.sourceRegion ?? props.sourceBucket.env.region,
      S3BucketAccessRoleArn: this.role.roleArn,
      StartEventTime: props.startEventTime?.toISOString(),
      EndEventTime: props.endEventTime?.toISOString(),
      ...settings.properties,
    };
    const resource = provider.createResource(this, 'Resource', { resourceType: 'Custom::CloudTrailLakeImport', properties, serviceTimeout: settings.serviceTimeout });
    if (sourcePolicy) {
      resource.node.addDependency(sourcePolicy);
    }

    const before = joinChain(this, resource, 'LakeImport', 1);
    if (before) {
      validateAtSynth(this, () => chainProblems(before as LakeImport));
    }

    this.importId = resource.getAttString(LakeImportAttribute.IMPORT_ID);
    this.importStatus = resource.getAttString(LakeImportAttribute.IMPORT_STATUS);
    this.prefixesFound = resource.getAttString(LakeImportAttribute.PREFIXES_FOUND);
    this.prefixesCompleted = resource.getAttString(LakeImportAttribute.PREFIXES_COMPLETED);
    this.filesCompleted = resource.getAttString(LakeImportAttribute.FILES_COMPLETED);
    this.eventsCompleted = resource.getAttString(LakeImportAttribute.EVENTS_COMPLETED);
    this.failedEntries = resource.getAttString(LakeImportAttribute.FAILED_ENTRIES);
  }
}

function importLocationUri(bucket: s3.IBucket, prefix: string | undefined): string {
  const trimmed = prefix?.replace(/\/+$/, '');
  return trimmed ? `s3://${bucket.bucketName}/${trimmed}` : `s3://${bucket.bucketName}`;
}

function chainProblems(before: LakeImport): Problem[] {
  if (before.waitForCompletion) {
    return [];
  }
  return [{
    id: 'OneImportAtATime',
    property: `waitForCompletion of ${before.node.path}`,
    value: false,
    rule: 'lets that import run on after its deployment step, so this import, which follows it, would fail with AccountHasOngoingImportException; '
      + 'CloudTrail runs one import per account at a time (StartImport)',
    fix: `let ${before.node.path} wait for completion, or deploy this import in a later deployment`,
  }];
}
