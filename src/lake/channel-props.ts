import { IResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IEventDataStore } from './event-data-store-props';

/**
 * A CloudTrail Lake channel, created by this app or imported with `LakeChannel.fromChannelArn`.
 */
export interface ILakeChannel extends IResource {
  /**
   * The channel's ARN.
   * @attribute
   */
  readonly channelArn: string;

  /**
   * Lets a principal send events to the channel with `cloudtrail-data:PutAuditEvents`.
   *
   * @param grantee the principal that sends events
   * @param externalId the external ID the sender passes with each call
   */
  grantPutAuditEvents(grantee: iam.IGrantable, externalId?: string): iam.Grant;
}

/**
 * Properties of a CloudTrail Lake channel.
 */
export interface LakeChannelProps {
  /**
   * Where the events come from: 'Custom' for your own applications, or the source name of an integration partner
   * (CloudTrail User Guide, "Additional information about integration partners"). One channel per source; the source
   * cannot change after the channel is created.
   */
  readonly source: string;

  /**
   * The event data stores that log the channel's events: 1 to 10 stores of kind `EventDataStoreKind.EXTERNAL_EVENTS`.
   */
  readonly destinations: IEventDataStore[];

  /**
   * The channel's name: 3 to 128 ASCII letters, digits, '.', '_' or '-'.
   *
   * @default - a stable name generated from the construct path
   */
  readonly channelName?: string;
}
