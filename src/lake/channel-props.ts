import { IEventDataStore } from './event-data-store-props';

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
