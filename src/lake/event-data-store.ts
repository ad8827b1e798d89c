import { Annotations, Arn, ArnFormat, Duration, IResource, Names, PhysicalName, RemovalPolicy, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnEventDataStore, CfnResourcePolicy, InsightType, ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { FederationRole } from './federation-role';
import { storeKeyStatements } from './store-key';
import { KIND_CATEGORY } from './store-kinds';
import { BillingMode, ContextKeySelector, EventDataStoreKind, MaxEventSize } from './store-options';
import { insightsDestinationAccountProblems, KINDS_WITH_INGESTION_CONTROL, selectorKindProblems, StoreSettings, storeSettings, storeSettingsProblems, storeSynthProblems } from './store-settings';
import { withoutIntrinsics } from '../core/intrinsics';
import { resourcePolicyProblems } from '../core/lake-rules';
import { EVENT_DATA_STORE_NAME_LENGTH } from '../core/limits';
import { throwIfProblems, validateAtSynth } from '../core/problems';
import { createRotatingKey } from '../kms/rotating-key';
import { DataEventSelectors } from '../selectors/data-event-selectors';
import { bindSelectors } from '../selectors/selector-binding';
import { addOrRequestStatements } from '../trail/resource-policy';

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

// Service Authorization Reference, AWS CloudTrail: these actions take the eventdatastore resource type.
const QUERY_ACTIONS = ['cloudtrail:StartQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:GetQueryResults', 'cloudtrail:CancelQuery', 'cloudtrail:ListQueries'];
// CloudTrail User Guide, "Granting decrypt permissions for an event data store": queries of an encrypted store.
const QUERY_KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'];

/**
 * What every event data store, created or imported, can do.
 */
export abstract class EventDataStoreBase extends Resource implements IEventDataStore {
  public abstract readonly eventDataStoreArn: string;
  public abstract readonly eventDataStoreId: string;
  public abstract readonly kind?: EventDataStoreKind;
  public abstract readonly encryptionKey?: kms.IKey;

  /**
   * Adds a statement to the store's resource-based policy, e.g. to let another account query it.
   * An imported store's policy cannot be changed: the statement is not added.
   */
  public abstract addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult;

  public grantQuery(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipalOrResource({
      grantee,
      actions: QUERY_ACTIONS,
      resourceArns: [this.eventDataStoreArn],
      resource: this,
    });
    return this.encryptionKey ? grant.combine(this.encryptionKey.grant(grantee, ...QUERY_KEY_ACTIONS)) : grant;
  }
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
   * @default BillingMode.EXTENDABLE_RETENTION_PRICING
   */
  readonly billingMode?: BillingMode;

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

/**
 * A CloudTrail Lake event data store: encrypted with its own key, protected from deletion, with
 * selectors checked against every CreateEventDataStore rule before deployment.
 *
 * CloudTrail Lake takes no new customers since 2026-05-31: only accounts that already use it can create event data stores.
 * Without Lake, `OrganizationTrail` keeps the organization's events in S3 and CloudWatch Logs.
 *
 * @example
 * const store = new LakeEventDataStore(this, 'Store', { organizationEnabled: true, retention: Duration.days(730) });
 * store.grantQuery(auditors);
 */
export class LakeEventDataStore extends EventDataStoreBase {
  /**
   * Imports an event data store by its ARN.
   */
  public static fromEventDataStoreArn(scope: Construct, id: string, eventDataStoreArn: string): IEventDataStore {
    return LakeEventDataStore.fromEventDataStoreAttributes(scope, id, { eventDataStoreArn });
  }

  /**
   * Imports an event data store by its ARN, with its key and kind when known.
   */
  public static fromEventDataStoreAttributes(scope: Construct, id: string, attrs: EventDataStoreAttributes): IEventDataStore {
    return new ImportedEventDataStore(scope, id, attrs);
  }

  public readonly eventDataStoreArn: string;
  public readonly eventDataStoreId: string;
  /**
   * The store's name.
   * @attribute
   */
  public readonly eventDataStoreName: string;
  /** What the store collects; always set on a created store. */
  public readonly kind?: EventDataStoreKind;
  /** The key that encrypts the store's events; always set on a created store. */
  public readonly encryptionKey?: kms.IKey;
  /** The role Lake Formation uses to read the store, when federation is on. */
  public readonly federationRole?: iam.IRole;

  private readonly resource: CfnEventDataStore;
  private resourcePolicy?: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: LakeEventDataStoreProps = {}) {
    // An eventDataStoreName that is not a string is reported below, not left to aws-cdk-lib's Resource to trip over.
    super(scope, id, { physicalName: typeof props?.eventDataStoreName === 'string' ? props.eventDataStoreName : PhysicalName.GENERATE_IF_NEEDED });
    const settings = storeSettings(props ?? {});
    throwIfProblems(this, storeSettingsProblems(settings));
    // null props from JavaScript mean no props, as undefined does
    props = settings.props;

    this.kind = settings.kind;
    this.eventDataStoreName = props.eventDataStoreName ?? Names.uniqueResourceName(this, { maxLength: EVENT_DATA_STORE_NAME_LENGTH.max });
    this.encryptionKey = props.encryptionKey
      ?? createRotatingKey(this, 'Key', `Encrypts the CloudTrail Lake event data store ${this.node.path}`, settings.removalPolicy);
    addOrRequestStatements(this, this.encryptionKey, storeKeyStatements(), {
      id: 'cdk-cloudtrail-org:keyPolicy',
      resource: `KMS key ${this.encryptionKey.keyArn}`,
      policy: 'key policy',
      consequence: 'CloudTrail Lake cannot encrypt the store (CreateEventDataStore fails with InsufficientEncryptionPolicyException)',
    });

    this.resource = new CfnEventDataStore(this, 'Resource', {
      name: this.eventDataStoreName,
      billingMode: settings.billingMode,
      retentionPeriod: props.retention?.toDays(),
      terminationProtectionEnabled: settings.terminationProtection,
      multiRegionEnabled: settings.multiRegionEnabled,
      organizationEnabled: settings.organizationEnabled,
      ingestionEnabled: KINDS_WITH_INGESTION_CONTROL.includes(settings.kind) ? settings.ingestionEnabled : undefined,
      kmsKeyId: this.encryptionKey.keyArn,
      insightSelectors: props.insightTypes?.map(type => ({ insightType: type.value })),
      insightsDestination: props.insightsDestination?.eventDataStoreArn,
      maxEventSize: settings.maxEventSize,
      contextKeySelectors: props.contextKeySelectors?.map(selector => ({ type: selector.type, equalTo: selector.keys })),
    });
    this.resource.applyRemovalPolicy(settings.removalPolicy);
    this.eventDataStoreArn = this.resource.attrEventDataStoreArn;
    this.eventDataStoreId = eventDataStoreIdOf(this.eventDataStoreArn);

    if (settings.federationEnabled) {
      this.federationRole = new FederationRole(this, 'Federation', { store: this, role: props.federationRole }).role;
      this.resource.federationEnabled = true;
      this.resource.federationRoleArn = this.federationRole.roleArn;
    }

    this.selectEvents(settings);
    validateAtSynth(this, () => [
      ...storeSynthProblems(this, this.resource),
      ...insightsDestinationAccountProblems(this, props.insightsDestination),
      ...this.resourcePolicyProblems(),
    ]);
    warnAboutRiskySettings(this, settings);
  }

  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    if (!this.resourcePolicy) {
      this.resourcePolicy = new iam.PolicyDocument();
      new CfnResourcePolicy(this, 'Policy', { resourceArn: this.eventDataStoreArn, resourcePolicy: this.resourcePolicy });
    }
    this.resourcePolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.resourcePolicy };
  }

  private selectEvents(settings: StoreSettings): void {
    const category = KIND_CATEGORY[settings.kind];
    if (category !== undefined) {
      this.resource.advancedEventSelectors = [{ fieldSelectors: [{ field: 'eventCategory', equalTo: [category] }] }];
      return;
    }
    const props = settings.props;
    throwIfProblems(this, selectorKindProblems(props.dataEvents));
    validateAtSynth(this, () => selectorKindProblems(props.dataEvents));
    bindSelectors(this, {
      target: 'eventDataStore',
      managementEvents: settings.managementEvents,
      excludeManagementEventSources: props.excludeManagementEventSources,
      dataEvents: props.dataEvents,
    }, rendered => { this.resource.advancedEventSelectors = rendered; });
  }

  private resourcePolicyProblems() {
    if (!this.resourcePolicy) {
      return [];
    }
    const resolved = Stack.of(this).resolve(this.resourcePolicy);
    const actions = (resolved?.Statement ?? []).flatMap((statement: { Action?: string | string[] }) => statement.Action ?? []);
    return resourcePolicyProblems('resourcePolicy', JSON.stringify(withoutIntrinsics(resolved)),
      this.resourcePolicy.validateForResourcePolicy(), actions);
  }
}

/** An event data store defined outside this app. */
class ImportedEventDataStore extends EventDataStoreBase {
  public readonly eventDataStoreArn: string;
  public readonly eventDataStoreId: string;
  public readonly kind?: EventDataStoreKind;
  public readonly encryptionKey?: kms.IKey;

  constructor(scope: Construct, id: string, attrs: EventDataStoreAttributes) {
    const problems = importProblems(attrs);
    // A malformed ARN is reported below, with the construct's path, instead of by aws-cdk-lib's ARN parser.
    const parsable = problems.length === 0 && !Token.isUnresolved(attrs.eventDataStoreArn);
    super(scope, id, { environmentFromArn: parsable ? attrs.eventDataStoreArn : undefined });
    throwIfProblems(this, problems);
    this.eventDataStoreArn = attrs.eventDataStoreArn;
    this.eventDataStoreId = eventDataStoreIdOf(attrs.eventDataStoreArn);
    this.kind = attrs.kind;
    this.encryptionKey = attrs.encryptionKey;
  }

  public addToResourcePolicy(_statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    return { statementAdded: false };
  }
}

// An event data store ARN (API model EventDataStoreArn: ^[a-zA-Z0-9._/\-:]+$, 3..256; the ID is a UUID).
const EVENT_DATA_STORE_ARN = /^arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:\d{12}:eventdatastore\/[A-Za-z0-9-]+$/;

function importProblems(attrs: EventDataStoreAttributes | undefined) {
  const arn: unknown = attrs?.eventDataStoreArn;
  if (typeof arn === 'string' && (Token.isUnresolved(arn) || EVENT_DATA_STORE_ARN.test(arn))) {
    return [];
  }
  return [{
    property: 'eventDataStoreArn',
    value: arn,
    rule: 'must be an event data store ARN, arn:<partition>:cloudtrail:<region>:<account>:eventdatastore/<id> (API model EventDataStoreArn)',
    fix: 'copy the ARN from `aws cloudtrail list-event-data-stores` (EventDataStoreArn)',
  }];
}

function eventDataStoreIdOf(arn: string): string {
  return Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
}

function warnAboutRiskySettings(store: LakeEventDataStore, settings: StoreSettings): void {
  const warn = (id: string, message: string) => Annotations.of(store).addWarningV2(`cdk-cloudtrail-org:${id}`, message);
  if (settings.removalPolicy === RemovalPolicy.DESTROY && settings.terminationProtection) {
    warn('destroyProtectedStore', 'removalPolicy is DESTROY and terminationProtection is on: CloudTrail refuses to delete the store '
      + '(EventDataStoreTerminationProtectedException), so the stack deletion fails. Set terminationProtection to false first.');
  }
  if (settings.removalPolicy === RemovalPolicy.DESTROY && settings.federationEnabled) {
    warn('destroyFederatedStore', 'removalPolicy is DESTROY and Lake query federation is on: CloudTrail refuses to delete a federated store '
      + '(EventDataStoreFederationEnabledException), so the stack deletion fails. Turn federation off first.');
  }
  if (!settings.terminationProtection && settings.removalPolicy !== RemovalPolicy.DESTROY) {
    warn('noTerminationProtection', 'terminationProtection is false: anyone allowed to call DeleteEventDataStore can delete the store and its events.');
  }
  if (!settings.multiRegionEnabled && settings.kind !== EventDataStoreKind.EXTERNAL_EVENTS) {
    warn('singleRegionStore', `multiRegionEnabled is false: events of every Region but ${Token.isUnresolved(Stack.of(store).region) ? 'the stack\'s' : Stack.of(store).region} are not collected.`);
  }
  if (!settings.ingestionEnabled) {
    warn('notIngesting', 'ingestionEnabled is false: the store is created but collects no live events until ingestion is started.');
  }
}
