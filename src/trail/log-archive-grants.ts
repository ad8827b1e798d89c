import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ILogArchive } from './log-archive-props';

// aws-cdk-lib's Bucket.grantRead actions (aws-s3 perms.ts BUCKET_READ_ACTIONS)
const BUCKET_READ_ACTIONS = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];
// arn:<partition>:kms:<region>:<account>:alias/<name>
const ALIAS_ARN = /^arn:([a-z-]+):kms:([a-z0-9-]+):(\d{12}):(alias\/.+)$/;

/**
 * The identity side of reading a log archive's files from another account: the principal's policy allows reading the
 * bucket and decrypting with the archive's key; the archive's own policies must admit it too (`TrailLogArchive.grantRead`).
 * A key named by its alias is matched by `kms:ResourceAliases`, since AWS KMS authorizes Decrypt against the key's ARN
 * (AWS KMS Developer Guide, "Use aliases to control access to KMS keys").
 */
export function grantArchiveRead(grantee: iam.IGrantable, archive: ILogArchive): iam.Grant {
  const bucket = archive.bucket;
  const read = iam.Grant.addToPrincipal({ grantee, actions: BUCKET_READ_ACTIONS, resourceArns: [bucket.bucketArn, bucket.arnForObjects('*')] });
  const keyArn = archive.encryptionKey.keyArn;
  const alias = Token.isUnresolved(keyArn) ? null : ALIAS_ARN.exec(keyArn);
  const decrypt = alias
    ? iam.Grant.addToPrincipal({
      grantee,
      actions: ['kms:Decrypt'],
      resourceArns: [`arn:${alias[1]}:kms:${alias[2]}:${alias[3]}:key/*`],
      conditions: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': alias[4] } },
    })
    : iam.Grant.addToPrincipal({ grantee, actions: ['kms:Decrypt'], resourceArns: [keyArn] });
  return read.combine(decrypt);
}
