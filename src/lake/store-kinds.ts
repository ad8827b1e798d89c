import { EventDataStoreKind } from './store-options';
import { EventCategory } from '../selectors/field-rules';

/** The eventCategory that selects each kind's events; CloudTrail events are chosen by the store's selectors. */
export const KIND_CATEGORY: Record<EventDataStoreKind, EventCategory | undefined> = {
  [EventDataStoreKind.CLOUDTRAIL_EVENTS]: undefined,
  [EventDataStoreKind.CONFIGURATION_ITEMS]: EventCategory.CONFIGURATION_ITEM,
  [EventDataStoreKind.EXTERNAL_EVENTS]: EventCategory.ACTIVITY_AUDIT_LOG,
  [EventDataStoreKind.INSIGHTS]: EventCategory.INSIGHT,
};

/** The kind whose events an eventCategory value selects, if it is not a CloudTrail event category. */
export function kindOfCategory(category: string): EventDataStoreKind | undefined {
  return (Object.keys(KIND_CATEGORY) as EventDataStoreKind[]).find(kind => KIND_CATEGORY[kind] === category);
}
