import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * The key policy statements an event data store needs (CloudTrail User Guide, "Configure AWS KMS key
 * policies for CloudTrail", required elements for event data stores): CloudTrail may generate data keys,
 * decrypt and describe the key. The guide states that aws:SourceArn and aws:SourceAccount are not
 * supported in key policies for event data stores, so the statements carry no conditions.
 */
export function storeKeyStatements(): iam.PolicyStatement[] {
  const cloudtrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
  return [
    new iam.PolicyStatement({
      sid: 'CloudTrailLakeEncryptEventDataStores',
      principals: [cloudtrail],
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'CloudTrailLakeDescribeKey',
      principals: [cloudtrail],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
    }),
  ];
}
