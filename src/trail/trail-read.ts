import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Read access to a trail's log files: the bucket's objects and, to decrypt them, the key. */
export function grantTrailRead(grantee: iam.IGrantable, bucket: s3.IBucket, key: kms.IKey | undefined): iam.Grant {
  const bucketGrant = bucket.grantRead(grantee);
  // A bucket whose default key is the trail's key grants decryption itself.
  return key === undefined || bucket.encryptionKey === key ? bucketGrant : bucketGrant.combine(key.grantDecrypt(grantee));
}
