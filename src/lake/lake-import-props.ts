import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IEventDataStore } from './event-data-store-props';
import { OperationWaitOptions } from '../operations/operation-options';

/** Properties of a LakeImport. */
export interface LakeImportProps extends OperationWaitOptions {
  /**
   * The store the events are copied into; it must be a store of CloudTrail events. For a store of an
   * organization, the stack must deploy to the organization's management account.
   */
  readonly eventDataStore: IEventDataStore;

  /** The bucket the trail delivered its log files to. */
  readonly sourceBucket: s3.IBucket;

  /**
   * The prefix of the trail's logs in the bucket, when CloudTrail should look somewhere other than the
   * bucket's CloudTrail prefix.
   *
   * @default - CloudTrail imports the events in the bucket's CloudTrail prefix (`AWSLogs/`) and the
   * prefixes inside it, and checks no other prefix
   */
  readonly sourcePrefix?: string;

  /**
   * The key the trail encrypted its log files with (`OrganizationTrail.encryptionKey`); the default role
   * may decrypt with it.
   *
   * @default - the bucket's key, if it has one
   */
  readonly sourceKey?: kms.IKey;

  /**
   * The Region of the source bucket.
   *
   * @default - the bucket's Region when it is known, otherwise the stack's Region
   */
  readonly sourceRegion?: string;

  /**
   * Import only the log files whose names carry this date or a later one.
   *
   * @default - no lower bound
   */
  readonly startEventTime?: Date;

  /**
   * Import only the log files whose names carry this date or an earlier one.
   *
   * @default - no upper bound
   */
  readonly endEventTime?: Date;

  /**
   * The role CloudTrail assumes to read the source bucket. A role of this stack gets the read
   * permissions it needs; for any other role a warning lists them.
   *
   * @default - a new role trusted by CloudTrail for this account, allowed to read the source prefix
   * and to decrypt with the source key
   */
  readonly role?: iam.IRole;
}
