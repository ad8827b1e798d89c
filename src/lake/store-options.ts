/**
 * How an event data store is billed, which decides its default and longest retention.
 */
export enum EventDataStoreBillingMode {
  /**
   * Pay for ingestion and for retention beyond the first year: keeps events 7 to 3653 days (about ten
   * years), 366 by default. Recommended for most stores.
   */
  EXTENDABLE_RETENTION_PRICING = 'EXTENDABLE_RETENTION_PRICING',
  /**
   * One ingestion price that includes retention: keeps events 7 to 2557 days (about seven years), 2557 by
   * default. For stores ingesting more than 25 TB a month.
   */
  FIXED_RETENTION_PRICING = 'FIXED_RETENTION_PRICING',
}

/**
 * What an event data store collects. One store holds one kind of event.
 */
export enum EventDataStoreKind {
  /** CloudTrail management, data and network activity events, chosen with advanced event selectors. */
  CLOUDTRAIL_EVENTS = 'CloudTrailEvents',
  /** AWS Config configuration items (eventCategory `ConfigurationItem`). */
  CONFIGURATION_ITEMS = 'ConfigurationItem',
  /** Events from outside AWS, delivered through CloudTrail Lake channels (eventCategory `ActivityAuditLog`). */
  EXTERNAL_EVENTS = 'ActivityAuditLog',
  /** CloudTrail Insights events of another event data store (eventCategory `Insight`). */
  INSIGHTS = 'Insight',
}

/**
 * The largest event an event data store keeps.
 */
export enum MaxEventSize {
  /** Events up to 256 KB. */
  STANDARD = 'Standard',
  /** Events up to 1 MB; needed for context key selectors. */
  LARGE = 'Large',
}

/**
 * Where the keys of a context key selector come from.
 */
export enum ContextKeyType {
  /**
   * IAM global condition keys evaluated for the request: those CloudTrail documents for enriched events (such as
   * `aws:PrincipalOrgID`, `aws:ViaAWSService`) and principal tag keys (`aws:PrincipalTag/<key>`).
   */
  REQUEST_CONTEXT = 'RequestContext',
  /** Tag keys of the resources involved in the request. */
  TAG_CONTEXT = 'TagContext',
}

/**
 * Context keys CloudTrail adds to each event as enriched event data, so that queries can filter on them.
 */
export interface ContextKeySelector {
  /** Where the keys come from. */
  readonly type: ContextKeyType;
  /** The keys to include: 1 to 50 of 1 to 128 characters. */
  readonly keys: string[];
}
