import { Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { LakeQueryOptions } from './lake-query-props';
import { deliveryS3Uri } from './query-delivery';
import { keyPrefixProblems } from '../core/operation-rules';
import { Problem } from '../core/problems';
import { deliveryS3UriProblems, queryStatementProblems } from '../core/query-rules';

/** The problems of what a query runs on and where its results go. */
export function lakeQueryOptionsProblems(props: LakeQueryOptions, deliveryBucket: s3.IBucket | undefined): Problem[] {
  const problems = queryStatementProblems('queryStatement', props.queryStatement, [props.eventDataStore.eventDataStoreId]);
  if (props.deliveryPrefix !== undefined && !deliveryBucket) {
    problems.push({
      id: 'DeliveryPrefixNeedsBucket',
      property: 'deliveryPrefix',
      value: props.deliveryPrefix,
      rule: 'needs a deliveryBucket to be a prefix in',
      fix: 'pass deliveryBucket too, or drop deliveryPrefix',
    });
  }
  problems.push(...keyPrefixProblems('deliveryPrefix', props.deliveryPrefix));
  if (deliveryBucket && problems.length === 0 && !Token.isUnresolved(deliveryBucket.bucketName)) {
    problems.push(...deliveryS3UriProblems('deliveryBucket', deliveryS3Uri({ bucket: deliveryBucket, prefix: props.deliveryPrefix })));
  }
  return problems;
}
