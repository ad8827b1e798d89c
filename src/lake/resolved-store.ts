import { RemovalPolicy } from 'aws-cdk-lib';
import { ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import type { LakeEventDataStoreProps } from './event-data-store-props';
import { EventDataStoreBillingMode, EventDataStoreKind, MaxEventSize } from './store-options';

/**
 * An event data store's props with the documented defaults applied: what its rules check and its constructor
 * renders. A plain object; nothing reads the props after `resolveStore`.
 */
export interface ResolvedStore extends LakeEventDataStoreProps {
  readonly kind: EventDataStoreKind;
  readonly billingMode: EventDataStoreBillingMode;
  readonly terminationProtection: boolean;
  readonly multiRegionEnabled: boolean;
  readonly organizationEnabled: boolean;
  readonly ingestionEnabled: boolean;
  readonly federationEnabled: boolean;
  /** All management events by default, for a store of CloudTrail events only. */
  readonly managementEvents?: ReadWriteType;
  /** Large when context key selectors need it and no size is given. */
  readonly maxEventSize?: MaxEventSize;
  readonly removalPolicy: RemovalPolicy;
}

/** The props with every default `LakeEventDataStoreProps` documents. */
export function resolveStore(props: LakeEventDataStoreProps): ResolvedStore {
  const kind = props.kind ?? EventDataStoreKind.CLOUDTRAIL_EVENTS;
  const cloudTrailEvents = kind === EventDataStoreKind.CLOUDTRAIL_EVENTS;
  const contextKeys = (props.contextKeySelectors ?? []).length > 0;
  return {
    ...props,
    kind,
    billingMode: props.billingMode ?? EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING,
    terminationProtection: props.terminationProtection ?? true,
    // CloudTrail Lake integrations: stores of events from outside AWS are single-Region.
    multiRegionEnabled: props.multiRegionEnabled ?? kind !== EventDataStoreKind.EXTERNAL_EVENTS,
    organizationEnabled: props.organizationEnabled ?? false,
    ingestionEnabled: props.ingestionEnabled ?? true,
    federationEnabled: props.federationEnabled ?? props.federationRole !== undefined,
    // Defaults of CloudTrail-event settings only for a store of CloudTrail events, so that a store of another kind is
    // told about exactly the ones its props set.
    managementEvents: props.managementEvents ?? (cloudTrailEvents ? ReadWriteType.ALL : undefined),
    maxEventSize: props.maxEventSize ?? (cloudTrailEvents && contextKeys ? MaxEventSize.LARGE : undefined),
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
  };
}
