import { Stack, Token } from 'aws-cdk-lib';
import { CfnEventDataStore, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { Construct, IConstruct } from 'constructs';
import type { IEventDataStore } from './event-data-store-props';
import type { ResolvedStore } from './resolved-store';
import { kindOfCategory } from './store-kinds';
import { EventDataStoreKind } from './store-options';
import { contextKeySelectorProblems, eventDataStoreQuotaProblems, federationRoleArnProblems, PlacedStore, retentionProblems } from '../core/lake-rules';
import { eventDataStoreNameProblems } from '../core/names';
import { accountIdProblems } from '../core/organization';
import { placedInAccount, placementOf, renderedTags } from '../core/placement';
import { Problem } from '../core/problems';
import { removalPolicyProblems } from '../core/removal-policy';
import { tagProblems } from '../core/tags';
import { insightProblems } from '../core/trail-rules';
import { DataEventSelectors } from '../selectors/data-event-selectors';

/** The kinds whose ingestion can be stopped (StopEventDataStoreIngestion: Management, Data or ConfigurationItem stores). */
export const KINDS_WITH_INGESTION_CONTROL = [EventDataStoreKind.CLOUDTRAIL_EVENTS, EventDataStoreKind.CONFIGURATION_ITEMS];

/** Props that configure CloudTrail events, which a store of another kind does not collect. */
const CLOUDTRAIL_EVENT_PROPS = ['managementEvents', 'excludeManagementEventSources', 'dataEvents', 'insightTypes', 'insightsDestination',
  'contextKeySelectors', 'maxEventSize'] as const;

/** Every problem with an event data store that its constructor can see. */
export function storeProblems(store: ResolvedStore): Problem[] {
  const problems: Problem[] = [];
  if (store.eventDataStoreName !== undefined) {
    problems.push(...eventDataStoreNameProblems('eventDataStoreName', store.eventDataStoreName));
  }
  problems.push(...removalPolicyProblems(store.removalPolicy, 'AWS::CloudTrail::EventDataStore has no snapshots',
    'use RemovalPolicy.RETAIN, or DESTROY with terminationProtection false'));
  if (store.retention !== undefined && !store.retention.isUnresolved()) {
    problems.push(...retentionProblems('retention', store.retention.toDays({ integral: false }), store.billingMode));
  }
  problems.push(...kindProblems(store));
  problems.push(...ownerProblems(store));
  problems.push(...federationProblems(store));
  if (store.kind === EventDataStoreKind.CLOUDTRAIL_EVENTS) {
    problems.push(...insightsProblems(store));
    if (store.contextKeySelectors !== undefined) {
      problems.push(...contextKeySelectorProblems('contextKeySelectors', store.contextKeySelectors, store.maxEventSize));
    }
  }
  return problems;
}

/** The management account of a store: an account ID, of an organization store only. */
function ownerProblems(store: ResolvedStore): Problem[] {
  const problems = accountIdProblems('managementAccountId', store.managementAccountId);
  if (store.managementAccountId !== undefined && !store.organizationEnabled) {
    problems.push({
      id: 'ManagementAccountOrganizationStore',
      property: 'managementAccountId',
      value: store.managementAccountId,
      rule: 'names the owner of an organization store, and this store is not one: only the organization resources a delegated administrator '
        + 'creates belong to another account, the management account (CloudTrail User Guide, "Organization delegated administrator")',
      fix: 'set organizationEnabled to true, or leave managementAccountId out',
    });
  }
  return problems;
}

/** Props of another kind of store, and selectors of another kind. */
function kindProblems(store: ResolvedStore): Problem[] {
  const problems: Problem[] = [];
  if (store.kind !== EventDataStoreKind.CLOUDTRAIL_EVENTS) {
    for (const name of CLOUDTRAIL_EVENT_PROPS) {
      if (store[name] !== undefined) {
        problems.push({
          id: 'StoreKindCloudTrailProps',
          property: name,
          value: valueShown(store[name]),
          rule: `configures CloudTrail events, and this store collects ${kindName(store.kind)}; its only selector is eventCategory (AdvancedFieldSelector Field)`,
          fix: `leave ${name} out, or collect CloudTrail events in a store of kind EventDataStoreKind.CLOUDTRAIL_EVENTS`,
        });
      }
    }
  }
  if (store.kind === EventDataStoreKind.EXTERNAL_EVENTS) {
    // CloudTrail User Guide, "Create an integration with an event source outside of AWS with the AWS CLI"
    const source = 'stores of events from outside AWS are single-Region and single-account (CloudTrail Lake integrations)';
    if (store.multiRegionEnabled) {
      problems.push({ id: 'ExternalEventsStoreScope', property: 'multiRegionEnabled', value: true, rule: source, fix: 'leave multiRegionEnabled out' });
    }
    if (store.organizationEnabled) {
      problems.push({ id: 'ExternalEventsStoreScope', property: 'organizationEnabled', value: true, rule: source, fix: 'leave organizationEnabled out' });
    }
  }
  if (!store.ingestionEnabled && !KINDS_WITH_INGESTION_CONTROL.includes(store.kind)) {
    problems.push({
      id: 'IngestionControlKind',
      property: 'ingestionEnabled',
      value: false,
      rule: `only stores of CloudTrail events or AWS Config configuration items can be created without ingestion, and this store collects ${kindName(store.kind)} (CreateEventDataStore StartIngestion)`,
      fix: 'leave ingestionEnabled out',
    });
  }
  return problems;
}

/**
 * Selectors that select another kind of event than the store's: the kind decides the category, so the
 * same store cannot be reached through selectors (CreateEventDataStore: one store holds one kind).
 */
export function selectorKindProblems(dataEvents: DataEventSelectors | undefined): Problem[] {
  const problems: Problem[] = [];
  (dataEvents?._selectors() ?? []).forEach((selector, i) => {
    const categories = selector.fieldSelectors
      .filter(fs => fs.field === 'eventCategory')
      .flatMap(fs => fs.equalTo ?? []);
    for (const category of categories) {
      const kind = kindOfCategory(category);
      if (kind !== undefined) {
        problems.push({
          id: 'StoreKindSelectors',
          property: `dataEvents[${i}]`,
          value: category,
          rule: `selects ${kindName(kind)}, which a store collects when its kind says so, not through data event selectors (CreateEventDataStore AdvancedEventSelectors)`,
          fix: `create the store with kind: EventDataStoreKind.${enumKey(EventDataStoreKind, kind)} and without dataEvents`,
        });
      }
    }
  });
  return problems;
}

function federationProblems(store: ResolvedStore): Problem[] {
  if (store.federationRole !== undefined && store.federationEnabled) {
    return federationRoleArnProblems('federationRole', store.federationRole.roleArn);
  }
  if (store.federationRole !== undefined) {
    return [{
      id: 'FederationRoleNeedsFederation',
      property: 'federationRole',
      value: store.federationRole.node.path,
      rule: 'names a federation role, and federationEnabled is false (CreateEventDataStore FederationRoleArn is used only with federation)',
      fix: 'set federationEnabled to true, or leave federationRole out',
    }];
  }
  return [];
}

function insightsProblems(store: ResolvedStore): Problem[] {
  const source = 'PutInsightSelectors';
  const problems = insightProblems(store.insightTypes, store.managementEvents ?? ReadWriteType.NONE);
  const enabled = (store.insightTypes ?? []).length > 0;
  if (enabled && store.insightsDestination === undefined) {
    problems.push({
      id: 'InsightsDestinationRequired',
      property: 'insightsDestination',
      rule: `Insights on an event data store need a destination store for the Insights events (${source}: EventDataStore and InsightsDestination together)`,
      fix: 'create a LakeEventDataStore with kind: EventDataStoreKind.INSIGHTS and pass it as insightsDestination',
    });
  }
  const destination = store.insightsDestination;
  if (destination !== undefined && !enabled) {
    problems.push({
      id: 'InsightsDestinationNeedsInsights',
      property: 'insightsDestination',
      value: destination.node.path,
      rule: `names a destination for Insights events, and insightTypes is empty (${source})`,
      fix: 'set insightTypes, or leave insightsDestination out',
    });
  }
  if (destination?.kind !== undefined && destination.kind !== EventDataStoreKind.INSIGHTS) {
    problems.push({
      id: 'InsightsDestinationKind',
      property: 'insightsDestination',
      value: destination.node.path,
      rule: `the destination must be a store of Insights events, and it collects ${kindName(destination.kind)} (${source} InsightsDestination)`,
      fix: 'pass a LakeEventDataStore created with kind: EventDataStoreKind.INSIGHTS',
    });
  }
  return problems;
}

/** The Insights destination must live in the source's account (PutInsightSelectors); known only once both are placed. */
export function insightsDestinationAccountProblems(scope: IConstruct, destination: IEventDataStore | undefined): Problem[] {
  if (destination === undefined) {
    return [];
  }
  const own = Stack.of(scope).account;
  const other = destination.env.account;
  if (Token.isUnresolved(own) || Token.isUnresolved(other) || own === other) {
    return [];
  }
  return [{
    id: 'InsightsDestinationAccount',
    property: 'insightsDestination',
    value: other,
    rule: `the source and destination event data stores must belong to the same account, and this store is in ${own} (PutInsightSelectors)`,
    fix: `use a destination store in account ${own}`,
  }];
}

/**
 * Problems only the finished app shows: the tags `Tags.of(...)` put on the store, and the number of
 * event data stores in the store's account and Region.
 */
export function storeSynthProblems(scope: IConstruct, store: CfnEventDataStore): Problem[] {
  const problems = tagProblems('tags', renderedTags(scope, store.tags));
  const placed = placeStore(store);
  if (placed) {
    problems.push(...eventDataStoreQuotaProblems(placed, placedInAccount(scope, placed.account, CfnEventDataStore.isCfnEventDataStore, placeStore)));
  }
  return problems;
}

/**
 * Where a store lands, when its stack's account and Region are known. An L1 store that leaves MultiRegionEnabled out
 * counts in its own Region only, so the count stays a lower bound.
 */
function placeStore(store: CfnEventDataStore): PlacedStore | undefined {
  const placement = placementOf(store, isOrganizationStore(store));
  return placement && { ...placement, multiRegionEnabled: Stack.of(store).resolve(store.multiRegionEnabled) === true };
}

/** Whether an L1 store collects the organization's events; false when only CloudFormation knows. */
export function isOrganizationStore(store: CfnEventDataStore): boolean {
  return Stack.of(store).resolve(store.organizationEnabled) === true;
}

function kindName(kind: EventDataStoreKind): string {
  switch (kind) {
    case EventDataStoreKind.CONFIGURATION_ITEMS: return 'AWS Config configuration items';
    case EventDataStoreKind.EXTERNAL_EVENTS: return 'events from outside AWS';
    case EventDataStoreKind.INSIGHTS: return 'Insights events';
    default: return 'CloudTrail events';
  }
}

function enumKey(values: Record<string, string>, value: string): string {
  return Object.keys(values).find(key => values[key] === value) ?? value;
}

/** A prop as a message shows it: a construct by its path, anything else as it is. */
function valueShown(value: unknown): unknown {
  return value instanceof Construct ? value.node.path : value;
}
