import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources } from '../policy/gate-acknowledgements';

/** Where an import reads trail logs from. */
export interface ImportSource {
  readonly bucket: s3.IBucket;
  readonly prefix?: string;
  /** The key the log files are encrypted with. */
  readonly key?: kms.IKey;
}

/**
 * What CloudTrail needs to read trail logs for an import (CloudTrail User Guide, "Copy trail events to an
 * event data store", required permissions): the objects under the prefix, the bucket's listing and ACL
 * (CloudTrail refuses buckets with ACLs), and the key of the log files when they have one.
 */
export function importSourceStatements(source: ImportSource): iam.PolicyStatement[] {
  const statements = [
    new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [importObjects(source)] }),
    new iam.PolicyStatement({ actions: ['s3:ListBucket', 's3:GetBucketAcl'], resources: [source.bucket.bucketArn] }),
  ];
  const key = source.key ?? source.bucket.encryptionKey;
  if (key) {
    statements.push(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [key.keyArn] }));
  }
  return statements;
}

/** A new role CloudTrail assumes, for imports into this account only, to read the source. */
export function createImportRole(scope: Construct, id: string, source: ImportSource): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
    description: `Lets CloudTrail read trail logs from ${source.bucket.node.path} for a CloudTrail Lake import`,
  });
  return role;
}

/** Acknowledges the one wildcard of the source statements: the trail's log files, which CloudTrail names. */
export function acknowledgeImportObjects(scope: Construct, source: ImportSource): void {
  acknowledgeWildcardResources(scope, [importObjects(source)],
    'An import reads every trail log file under the source prefix, and CloudTrail names those files itself');
}

function importObjects(source: ImportSource): string {
  const prefix = source.prefix?.replace(/\/+$/, '');
  return source.bucket.arnForObjects(prefix ? `${prefix}/*` : '*');
}
