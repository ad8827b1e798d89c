import { Duration, IResource, RemovalPolicy } from 'aws-cdk-lib';
import { InsightType, ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ContextKeySelector, EventDataStoreBillingMode, EventDataStoreKind, MaxEventSize } from './store-options';
import { DataEventSelectors } from '../selectors/data-event-selectors';

/**
 * A CloudTrail Lake event data store, created here or imported.
 */
export interface IEventDataStore extends IResource, iam.IResourceWithPolicy {
  /**
   * The store's ARN, `arn:<partition>:cloudtrail:<region>:<account>:eventdatastore/<id>`.
   * @attribute
   */
  readonly eventDataStoreArn: string;

  /**
   * The ID suffix of the store's ARN: the table name in CloudTrail Lake SQL (`SELECT … FROM <id>`).
   * @attribute
   */
  readonly eventDataStoreId: string;

  /** What the store collects; undefined for an imported store whose kind was not given. */
  readonly kind?: EventDataStoreKind;

  /** The key that encrypts the store's events, if known. */
  readonly encryptionKey?: kms.IKey;

  /**
   * Lets a principal run CloudTrail Lake queries on the store and read their results; a principal of
   * another account through the store's resource policy.
   */
  grantQuery(grantee: iam.IGrantable): iam.Grant;
}

/** What an imported event data store is known by. */
export interface EventDataStoreAttributes {
  /** The store's ARN. */
  readonly eventDataStoreArn: string;

  /**
   * The key that encrypts the store's events; `grantQuery` lets the grantee use it.
   *
   * @default - the grantee gets no key permissions
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * What the store collects, so that constructs that need a certain kind can check it.
   *
   * @default - unknown
   */
  readonly kind?: EventDataStoreKind;
}

/**
 * Properties of a CloudTrail Lake event data store.
 */
export interface LakeEventDataStoreProps {
  /**
   * The store's name: 3 to 128 ASCII letters, digits, '.', '_' or '-'.
   *
   * @default - a stable name generated from the construct path
   */
  readonly eventDataStoreName?: string;

  /**
   * What the store collects. A store of CloudTrail events takes `managementEvents`, `dataEvents`,
   * Insights and context keys; a store of another kind takes none of them.
   *
   * @default EventDataStoreKind.CLOUDTRAIL_EVENTS
   */
  readonly kind?: EventDataStoreKind;

  /**
   * How long the store keeps events, in whole days, counted from each event's eventTime: 7 to 3653 days
   * with extendable retention pricing, 7 to 2557 with fixed retention pricing.
   *
   * @default - CloudTrail's default for the billing mode: 366 days for EXTENDABLE_RETENTION_PRICING,
   * 2557 days for FIXED_RETENTION_PRICING
   */
  readonly retention?: Duration;

  /**
   * How ingestion and retention are billed. A store cannot move from extendable to fixed retention
   * pricing later: that takes a new store.
   *
   * @default EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING
   */
  readonly billingMode?: EventDataStoreBillingMode;

  /**
   * Refuse to delete the store while this is on.
   *
   * @default true
   */
  readonly terminationProtection?: boolean;

  /**
   * What happens to the store (and a created key) when it leaves the stack. A deleted store is kept in
   * PENDING_DELETION for seven days. DESTROY needs `terminationProtection: false` and no federation.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * The symmetric KMS key that encrypts the store's events. Once a store has a key, the key cannot be
   * changed or removed, and disabling or deleting it makes the store unusable. A key of this stack gets
   * the key policy statements CloudTrail Lake needs; for an imported key a warning lists them.
   *
   * @default - a new key with automatic rotation
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * The management events to collect. `ReadWriteType.NONE` collects none, and needs data events.
   *
   * @default ReadWriteType.ALL
   */
  readonly managementEvents?: ReadWriteType;

  /**
   * Management event sources to leave out, such as AWS KMS.
   *
   * @default - none
   */
  readonly excludeManagementEventSources?: ManagementEventSources[];

  /**
   * Data events to collect, checked against the event data store's rules (at most five selectors,
   * counting the management-events selector).
   *
   * @default - no data events
   */
  readonly dataEvents?: DataEventSelectors;

  /**
   * Collect the events of every account of the organization. Create such a store from the
   * organization's management account or a CloudTrail delegated administrator account; only the
   * management account can turn this on or off later.
   *
   * @default false
   */
  readonly organizationEnabled?: boolean;

  /**
   * The ID of the organization's management account, which owns every organization store, also one a
   * delegated administrator creates. The store counts toward that account's quota of stores, and queries
   * of the store name it as the store's owner. Needs `organizationEnabled`.
   *
   * @default - the stack's account; in an account the app registers as CloudTrail delegated administrator,
   * the management account that registers it
   */
  readonly managementAccountId?: string;

  /**
   * Collect events of every Region, not only the stack's.
   *
   * @default true
   */
  readonly multiRegionEnabled?: boolean;

  /**
   * Start ingesting live events when the store is created.
   *
   * @default true
   */
  readonly ingestionEnabled?: boolean;

  /**
   * Lake query federation: register the store in the AWS Glue Data Catalog so that Amazon Athena can
   * query it. A federated store cannot be deleted until federation is turned off.
   *
   * @default - true when `federationRole` is given, false otherwise
   */
  readonly federationEnabled?: boolean;

  /**
   * The role AWS Lake Formation uses to read the federated store.
   *
   * @default - with federation, a new role that Lake Formation may assume and that may read this store only
   */
  readonly federationRole?: iam.IRole;

  /**
   * CloudTrail Insights types to enable on the store's management events; the Insights events go to
   * `insightsDestination`. API call rate Insights need write management events; API error rate
   * Insights need read or write management events.
   *
   * @default - no Insights
   */
  readonly insightTypes?: InsightType[];

  /**
   * The store that receives the Insights events: a store of kind `EventDataStoreKind.INSIGHTS` in the
   * same account. Needs `insightTypes`.
   *
   * @default - no Insights
   */
  readonly insightsDestination?: IEventDataStore;

  /**
   * The largest event the store keeps.
   *
   * @default - MaxEventSize.LARGE when `contextKeySelectors` are given, CloudTrail's default (Standard) otherwise
   */
  readonly maxEventSize?: MaxEventSize;

  /**
   * Context keys CloudTrail adds to each event (enriched events): at most two selectors.
   *
   * @default - none
   */
  readonly contextKeySelectors?: ContextKeySelector[];
}
