import { Arn, ArnFormat, Names, PhysicalName, RemovalPolicy, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnEventDataStore, CfnResourcePolicy } from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { EventDataStoreAttributes, IEventDataStore, LakeEventDataStoreProps } from './event-data-store-props';
import { FederationRole } from './federation-role';
import { ResolvedStore, resolveStore } from './resolved-store';
import { storeKeyStatements } from './store-key';
import { KIND_CATEGORY } from './store-kinds';
import { EventDataStoreKind } from './store-options';
import { insightsDestinationAccountProblems, KINDS_WITH_INGESTION_CONTROL, selectorKindProblems, storeProblems, storeSynthProblems } from './store-problems';
import { noteEnvironmentChecks } from '../core/environment';
import { withoutIntrinsics } from '../core/intrinsics';
import { resourcePolicyProblems } from '../core/lake-rules';
import { EVENT_DATA_STORE_NAME_LENGTH } from '../core/limits';
import { arnRegionMatchesPartition, PARTITION_PATTERN, REGION_PATTERN } from '../core/partitions';
import { recordOwner } from '../core/placement';
import { Problem, throwIfProblems, validateAtSynth, warnRule } from '../core/problems';
import { createRotatingKey } from '../kms/rotating-key';
import { addOrRequestStatements } from '../policy/resource-policy';
import { bindSelectors, SelectorSet, selectorSetProblems } from '../selectors/selector-binding';

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
  private policyResource?: CfnResourcePolicy;

  constructor(scope: Construct, id: string, props: LakeEventDataStoreProps = {}) {
    super(scope, id, { physicalName: props.eventDataStoreName ?? PhysicalName.GENERATE_IF_NEEDED });
    const store = resolveStore(props);
    // A store of CloudTrail events reports its selectors' problems with the props' in one error.
    const selects = KIND_CATEGORY[store.kind] === undefined;
    throwIfProblems(this, [
      ...storeProblems(store),
      ...(selects ? [...selectorKindProblems(store.dataEvents), ...selectorSetProblems(storeSelectors(store))] : []),
    ]);

    this.kind = store.kind;
    this.eventDataStoreName = store.eventDataStoreName ?? Names.uniqueResourceName(this, { maxLength: EVENT_DATA_STORE_NAME_LENGTH.max });
    this.encryptionKey = store.encryptionKey
      ?? createRotatingKey(this, 'Key', `Encrypts the CloudTrail Lake event data store ${this.node.path}`, store.removalPolicy);
    addOrRequestStatements(this, this.encryptionKey, storeKeyStatements(), {
      id: 'KeyPolicyNotManaged',
      resource: `KMS key ${this.encryptionKey.keyArn}`,
      policy: 'key policy',
      consequence: 'CloudTrail Lake cannot encrypt the store (CreateEventDataStore fails with InsufficientEncryptionPolicyException)',
    });

    this.resource = new CfnEventDataStore(this, 'Resource', {
      name: this.eventDataStoreName,
      billingMode: store.billingMode,
      retentionPeriod: store.retention?.toDays(),
      terminationProtectionEnabled: store.terminationProtection,
      multiRegionEnabled: store.multiRegionEnabled,
      organizationEnabled: store.organizationEnabled,
      ingestionEnabled: KINDS_WITH_INGESTION_CONTROL.includes(store.kind) ? store.ingestionEnabled : undefined,
      kmsKeyId: this.encryptionKey.keyArn,
      insightSelectors: store.insightTypes?.map(type => ({ insightType: type.value })),
      insightsDestination: store.insightsDestination?.eventDataStoreArn,
      maxEventSize: store.maxEventSize,
      contextKeySelectors: store.contextKeySelectors?.map(selector => ({ type: selector.type, equalTo: selector.keys })),
    });
    this.resource.applyRemovalPolicy(store.removalPolicy);
    if (store.managementAccountId !== undefined) {
      recordOwner(this.resource, store.managementAccountId);
    }
    this.eventDataStoreArn = this.resource.attrEventDataStoreArn;
    this.eventDataStoreId = eventDataStoreIdOf(this.eventDataStoreArn);

    if (store.federationEnabled) {
      this.federationRole = new FederationRole(this, 'Federation', { store: this, role: store.federationRole }).role;
      this.resource.federationEnabled = true;
      this.resource.federationRoleArn = this.federationRole.roleArn;
    }

    this.selectEvents(store);
    validateAtSynth(this, () => [
      ...storeSynthProblems(this, this.resource),
      ...insightsDestinationAccountProblems(this, store.insightsDestination),
      ...this.resourcePolicyProblems(),
    ]);
    warnAboutRiskySettings(this, store);
    noteEnvironmentChecks(this, store.insightsDestination ? ['EventDataStoreQuota', 'InsightsDestinationAccount'] : ['EventDataStoreQuota']);
  }

  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    if (!this.resourcePolicy || !this.policyResource) {
      this.resourcePolicy = new iam.PolicyDocument();
      this.policyResource = new CfnResourcePolicy(this, 'Policy', { resourceArn: this.eventDataStoreArn, resourcePolicy: this.resourcePolicy });
    }
    this.resourcePolicy.addStatements(statement);
    // the policy resource, which a construct can depend on (a PolicyDocument is no IDependable)
    return { statementAdded: true, policyDependable: this.policyResource };
  }

  private selectEvents(store: ResolvedStore): void {
    const category = KIND_CATEGORY[store.kind];
    if (category !== undefined) {
      this.resource.advancedEventSelectors = [{ fieldSelectors: [{ field: 'eventCategory', equalTo: [category] }] }];
      return;
    }
    validateAtSynth(this, () => selectorKindProblems(store.dataEvents));
    bindSelectors(this, storeSelectors(store), rendered => { this.resource.advancedEventSelectors = rendered; });
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

// An event data store ARN (API model EventDataStoreArn: ^[a-zA-Z0-9._/\-:]+$, 3..256; the ID is a UUID), in a known
// partition and a Region of that partition.
const EVENT_DATA_STORE_ARN = new RegExp(`^arn:${PARTITION_PATTERN}:cloudtrail:${REGION_PATTERN}:\\d{12}:eventdatastore/[A-Za-z0-9-]+$`);

function importProblems(attrs: EventDataStoreAttributes): Problem[] {
  const arn = attrs.eventDataStoreArn;
  if (Token.isUnresolved(arn) || (EVENT_DATA_STORE_ARN.test(arn) && arnRegionMatchesPartition(arn))) {
    return [];
  }
  return [{
    id: 'EventDataStoreArnFormat',
    property: 'eventDataStoreArn',
    value: arn,
    rule: 'must be an event data store ARN, arn:<partition>:cloudtrail:<region>:<account>:eventdatastore/<id> (API model EventDataStoreArn)',
    fix: 'copy the ARN from `aws cloudtrail list-event-data-stores` (EventDataStoreArn)',
  }];
}

function eventDataStoreIdOf(arn: string): string {
  return Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
}

/**
 * Warns about settings that make a stack deletion fail, or leave events uncollected or deletable; not about every
 * explicit `false` (a store created without ingestion, for one, is a deliberate first step of an import).
 */
function warnAboutRiskySettings(construct: LakeEventDataStore, store: ResolvedStore): void {
  if (store.removalPolicy === RemovalPolicy.DESTROY && store.terminationProtection) {
    warnRule(construct, 'DestroyProtectedStore', 'removalPolicy is DESTROY and terminationProtection is on: CloudTrail refuses to delete the store '
      + '(EventDataStoreTerminationProtectedException), so the stack deletion fails. Set terminationProtection to false first.');
  }
  if (store.removalPolicy === RemovalPolicy.DESTROY && store.federationEnabled) {
    warnRule(construct, 'DestroyFederatedStore', 'removalPolicy is DESTROY and Lake query federation is on: CloudTrail refuses to delete a federated store '
      + '(EventDataStoreFederationEnabledException), so the stack deletion fails. Turn federation off first.');
  }
  if (!store.terminationProtection && store.removalPolicy !== RemovalPolicy.DESTROY) {
    warnRule(construct, 'NoTerminationProtection', 'terminationProtection is false: anyone allowed to call DeleteEventDataStore can delete the store and its events.');
  }
  if (!store.multiRegionEnabled && store.kind !== EventDataStoreKind.EXTERNAL_EVENTS) {
    const region = Stack.of(construct).region;
    warnRule(construct, 'SingleRegionStore', `multiRegionEnabled is false: events of every Region but ${Token.isUnresolved(region) ? 'the stack\'s' : region} are not collected.`);
  }
}

/** The selectors of a store of CloudTrail events. */
function storeSelectors(store: ResolvedStore): SelectorSet {
  return {
    target: 'eventDataStore',
    managementEvents: store.managementEvents,
    excludeManagementEventSources: store.excludeManagementEventSources,
    dataEvents: store.dataEvents,
  };
}
