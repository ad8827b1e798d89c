import * as iam from 'aws-cdk-lib/aws-iam';
import { IEventDataStore } from './event-data-store-props';
import { OperationWaitOptions } from '../operations/operation-options';

/** Properties of a LakeExportToCloudWatch. */
export interface LakeExportToCloudWatchProps extends OperationWaitOptions {
  /** The event data store whose events are copied; the stack must deploy to its account and Region. */
  readonly eventDataStore: IEventDataStore;

  /**
   * Copy only the events whose event time is this date or a later one; the window must lie within the
   * store's retention period.
   *
   * @default - no lower bound: from the oldest event the store keeps
   */
  readonly startEventTime?: Date;

  /**
   * Copy only the events whose event time is this date or an earlier one.
   *
   * @default - no upper bound
   */
  readonly endEventTime?: Date;

  /**
   * The role CloudTrail assumes to read the store and write the log group. A role of this stack gets the
   * permissions it needs; for any other role a warning lists them.
   *
   * @default - a new role trusted by CloudTrail for this account, allowed to read this store (and use its
   * key) and to create this store's log group
   */
  readonly importRole?: iam.IRole;
}
