import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import { CfnEventDataStore } from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import type { IEventDataStore } from './event-data-store-props';
import type { LakeQueryOptions } from './lake-query-props';
import { deliveryS3Uri } from './query-delivery';
import { isOrganizationStore } from './store-problems';
import { keyPrefixProblems } from '../core/operation-rules';
import { accountIdProblems } from '../core/organization';
import { ownerAccountOf } from '../core/placement';
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
 * store's owner when it is another account than the stack's, both known; otherwise none (the caller's own). A store of
 * this app is owned by its stack's account, or by the management account for an organization store created from a
 * delegated administrator account; an imported store by the account in its ARN.
 */
export function storeOwnerAccountId(scope: IConstruct, props: LakeQueryOptions): string | undefined {
  if (props.eventDataStoreOwnerAccountId !== undefined) {
    return props.eventDataStoreOwnerAccountId;
  }
  const owner = storeOwner(props.eventDataStore);
  return Token.compareStrings(owner, Stack.of(scope).account) === TokenComparison.DIFFERENT ? owner : undefined;
}

function storeOwner(store: IEventDataStore): string {
  const resource = store.node.defaultChild;
  return resource && CfnEventDataStore.isCfnEventDataStore(resource)
    ? ownerAccountOf(resource, isOrganizationStore(resource))
    : store.env.account;
}

/**
 * A store's owner that the app tells only after the query was rendered without one: a delegated administrator
 * registration defined after the query. The query would look for the store in the caller's account.
 */
export function storeOwnerProblems(scope: IConstruct, props: LakeQueryOptions, rendered: string | undefined): Problem[] {
  const owner = storeOwnerAccountId(scope, props);
  return rendered !== undefined || owner === undefined ? [] : [{
    id: 'StoreOwnerKnownTooLate',
    property: 'eventDataStore',
    value: props.eventDataStore.node.path,
    rule: `is an organization store owned by the management account ${owner}, which the app's delegated administrator registration tells `
      + 'only after this query was defined; the query names no owner, and CloudTrail would look for the store in the caller\'s account '
      + '(StartQuery EventDataStoreOwnerAccountId)',
    fix: "set the store's managementAccountId, or the query's eventDataStoreOwnerAccountId, or define the OrganizationDelegatedAdmin before the query",
  }];
}
