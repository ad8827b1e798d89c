import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import type { LakeQueryOptions } from './lake-query-props';
import { deliveryS3Uri } from './query-delivery';
import { keyPrefixProblems } from '../core/operation-rules';
import { accountIdProblems } from '../core/organization';
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
  problems.push(...accountIdProblems('eventDataStoreOwnerAccountId', props.eventDataStoreOwnerAccountId,
    "pass the ID of the account that owns the event data store (for an organization store, the management account), e.g. '111111111111'"));
  if (deliveryBucket && problems.length === 0 && !Token.isUnresolved(deliveryBucket.bucketName)) {
    problems.push(...deliveryS3UriProblems('deliveryBucket', deliveryS3Uri({ bucket: deliveryBucket, prefix: props.deliveryPrefix })));
  }
  return problems;
}

/**
 * The account a query names as the store's owner (StartQuery EventDataStoreOwnerAccountId): the one given, else the
 * store's account when its ARN names another account than the stack's, both known; otherwise none (the caller's own).
 */
export function storeOwnerAccountId(scope: IConstruct, props: LakeQueryOptions): string | undefined {
  if (props.eventDataStoreOwnerAccountId !== undefined) {
    return props.eventDataStoreOwnerAccountId;
  }
  const storeAccount = props.eventDataStore.env.account;
  const stackAccount = Stack.of(scope).account;
  return Token.compareStrings(storeAccount, stackAccount) === TokenComparison.DIFFERENT ? storeAccount : undefined;
}
