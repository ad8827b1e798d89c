import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeWildcardResources } from '../policy/gate-acknowledgements';

/** Where an import reads trail logs from. */
export interface ImportSource {
  readonly bucket: s3.IBucket;
  readonly prefix?: string;
  /** The key the log files are encrypted with. */
  readonly key?: kms.IKey;
}

// CloudTrail User Guide, "Copy trail events to an event data store": the permissions the import role needs on the
// source, in its own policy, in the bucket policy and in the key policy.
const BUCKET_ACTIONS = ['s3:ListBucket', 's3:GetBucketAcl'];
const OBJECT_ACTIONS = ['s3:GetObject'];
const KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'];

/** The key the source's log files are encrypted with, if any. */
export function sourceKeyOf(source: ImportSource): kms.IKey | undefined {
  return source.key ?? source.bucket.encryptionKey;
}

/**
 * The import role's own policy: the objects under the prefix, the bucket's listing and ACL (CloudTrail refuses
 * buckets with ACLs), and the key of the log files when they have one.
 */
export function importSourceStatements(source: ImportSource): iam.PolicyStatement[] {
  const statements = [
    new iam.PolicyStatement({ actions: OBJECT_ACTIONS, resources: importObjects(source) }),
    new iam.PolicyStatement({ actions: BUCKET_ACTIONS, resources: [source.bucket.bucketArn] }),
  ];
  const key = sourceKeyOf(source);
  if (key) {
    statements.push(new iam.PolicyStatement({ actions: KEY_ACTIONS, resources: [key.keyArn] }));
  }
  return statements;
}

/** The source bucket's policy statement that lets the import role read the trail logs. */
export function importBucketStatement(source: ImportSource, role: iam.IRole): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'CloudTrailLakeImportRead',
    principals: [new iam.ArnPrincipal(role.roleArn)],
    actions: [...BUCKET_ACTIONS, ...OBJECT_ACTIONS],
    resources: [source.bucket.bucketArn, ...importObjects(source)],
  });
}

/**
 * The source key's policy statement that lets the import role decrypt the trail logs through S3. The User Guide's
 * example conditions on the bucket's encryption context instead; a key of the bucket's own stack cannot name the
 * bucket without a dependency cycle (the bucket names its key), and the role reads no other bucket anyway.
 */
export function importKeyStatement(scope: IConstruct, role: iam.IRole): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'CloudTrailLakeImportDecrypt',
    principals: [new iam.ArnPrincipal(role.roleArn)],
    actions: KEY_ACTIONS,
    resources: ['*'],
    conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(scope).region}.amazonaws.com` } },
  });
}

/** A new role CloudTrail assumes, for imports into this store only, to read the source. */
export function createImportRole(scope: Construct, id: string, source: ImportSource, eventDataStoreArn: string): iam.Role {
  return new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account, 'aws:SourceArn': eventDataStoreArn } },
    }),
    description: `Lets CloudTrail read trail logs from ${source.bucket.node.path} for a CloudTrail Lake import`,
  });
}

/** Acknowledges the one wildcard of the source statements: the trail's log files, which CloudTrail names. */
export function acknowledgeImportObjects(scope: Construct, source: ImportSource): void {
  acknowledgeWildcardResources(scope, importObjects(source).filter(arn => arn.endsWith('*')),
    'An import reads every trail log file under the source prefix, and CloudTrail names those files itself');
}

/** The source's objects: the prefix and everything under it, or the whole bucket. */
function importObjects(source: ImportSource): string[] {
  const prefix = source.prefix?.replace(/\/+$/, '');
  return prefix ? [source.bucket.arnForObjects(prefix), source.bucket.arnForObjects(`${prefix}/*`)] : [source.bucket.arnForObjects('*')];
}
