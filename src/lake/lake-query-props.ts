import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IEventDataStore } from './event-data-store-props';
import { OperationWaitOptions } from '../operations/operation-options';

/** What a Lake query runs on and where its results go; shared by LakeQuery and ScheduledLakeQuery. */
export interface LakeQueryOptions {
  /** The event data store the query runs on. */
  readonly eventDataStore: IEventDataStore;

  /**
   * The SQL query: one read-only `SELECT` (or `WITH … SELECT`) of 1 to 10000 characters that names the
   * store by its ID, e.g. `` `SELECT eventName, count(*) FROM ${store.eventDataStoreId} GROUP BY eventName` ``.
   */
  readonly queryStatement: string;

  /**
   * The ID of the account that owns the event data store, which StartQuery, DescribeQuery, GetQueryResults and
   * CancelQuery then name (`EventDataStoreOwnerAccountId`): needed by a delegated administrator querying an
   * organization store, which the management account owns, even when the delegated administrator created it.
   *
   * @default - the store's owner when it is another account than the stack's (both known at synthesis): an imported
   * store's ARN account; for an organization store of this app, its `managementAccountId` or the management account
   * that registers its stack's account as delegated administrator; otherwise none
   */
  readonly eventDataStoreOwnerAccountId?: string;

  /**
   * The key prefix of the results in the delivery bucket.
   *
   * @default - the bucket's root
   */
  readonly deliveryPrefix?: string;
}

/** Properties of a LakeQuery. */
export interface LakeQueryProps extends LakeQueryOptions, OperationWaitOptions {
  /**
   * A bucket CloudTrail writes the query results to, as CSV files. Its bucket policy (and key policy,
   * when it has a key) gains what CloudTrail needs, limited to queries of this store.
   *
   * @default - results are kept by CloudTrail Lake only (GetQueryResults, for 7 days)
   */
  readonly deliveryBucket?: s3.IBucket;
}

/** Properties of a ScheduledLakeQuery. */
export interface ScheduledLakeQueryProps extends LakeQueryOptions {
  /** When the query runs, e.g. `ScheduleExpression.rate(Duration.hours(1))` or a cron expression. */
  readonly schedule: scheduler.ScheduleExpression;

  /**
   * The bucket CloudTrail writes every run's results to, as CSV files. Its bucket policy (and key policy,
   * when it has a key) gains what CloudTrail needs, limited to queries of this store.
   */
  readonly deliveryBucket: s3.IBucket;

  /**
   * A topic that hears about every run that returns at least one row: the query, the number of rows,
   * the first rows and where all of them were delivered.
   *
   * @default - no notification
   */
  readonly topic?: sns.ITopic;

  /**
   * Whether the schedule runs.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The schedule's description.
   *
   * @default - none
   */
  readonly description?: string;
}
