import { RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { CfnEventDataStore, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { IConstruct } from 'constructs';
import type { IEventDataStore, LakeEventDataStoreProps } from './event-data-store-props';
import { kindOfCategory } from './store-kinds';
import { EventDataStoreBillingMode, EventDataStoreKind, MaxEventSize } from './store-options';
import { contextKeySelectorProblems, eventDataStoreQuotaProblems, federationRoleArnProblems, retentionProblems } from '../core/lake-rules';
import { eventDataStoreNameProblems } from '../core/names';
import { placedInAccount, placementOf, renderedTags } from '../core/placement';
import { isUnresolved, Problem } from '../core/problems';
import { constructPropProblems, isConstructOf, shownProp } from '../core/prop-types';
import { removalPolicyProblems } from '../core/removal-policy';
import { tagProblems } from '../core/tags';
import { insightProblems } from '../core/trail-rules';
import { DataEventSelectors } from '../selectors/data-event-selectors';

/** An event data store's props, and each optional prop that has a default with the default applied. */
export interface StoreSettings {
  readonly props: LakeEventDataStoreProps;
  readonly kind: EventDataStoreKind;
  readonly billingMode: EventDataStoreBillingMode;
  readonly terminationProtection: boolean;
  readonly multiRegionEnabled: boolean;
  readonly organizationEnabled: boolean;
  readonly ingestionEnabled: boolean;
  readonly federationEnabled: boolean;
  /** Management events, for a store of CloudTrail events. */
  readonly managementEvents?: ReadWriteType;
  /** Large when context key selectors need it and no size is given. */
  readonly maxEventSize?: MaxEventSize;
  readonly removalPolicy: RemovalPolicy;
}

const BOOLEAN_PROPS = ['terminationProtection', 'multiRegionEnabled', 'organizationEnabled', 'ingestionEnabled', 'federationEnabled'] as const;

/** The kinds whose ingestion can be stopped (StopEventDataStoreIngestion: Management, Data or ConfigurationItem stores). */
export const KINDS_WITH_INGESTION_CONTROL = [EventDataStoreKind.CLOUDTRAIL_EVENTS, EventDataStoreKind.CONFIGURATION_ITEMS];

/** Props that configure CloudTrail events, which a store of another kind does not collect. */
const CLOUDTRAIL_EVENT_PROPS = ['managementEvents', 'excludeManagementEventSources', 'dataEvents', 'insightTypes', 'insightsDestination',
  'contextKeySelectors', 'maxEventSize'] as const;

/** The settings of an event data store: the props, with the defaults the construct documents. */
export function storeSettings(props: LakeEventDataStoreProps): StoreSettings {
  const kind = props.kind ?? EventDataStoreKind.CLOUDTRAIL_EVENTS;
  const contextKeys = Array.isArray(props.contextKeySelectors) && props.contextKeySelectors.length > 0;
  return {
    props,
    kind,
    billingMode: props.billingMode ?? EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING,
    terminationProtection: props.terminationProtection ?? true,
    multiRegionEnabled: props.multiRegionEnabled ?? kind !== EventDataStoreKind.EXTERNAL_EVENTS,
    organizationEnabled: props.organizationEnabled ?? false,
    ingestionEnabled: props.ingestionEnabled ?? true,
    federationEnabled: props.federationEnabled ?? props.federationRole !== undefined,
    managementEvents: kind === EventDataStoreKind.CLOUDTRAIL_EVENTS ? props.managementEvents ?? ReadWriteType.ALL : undefined,
    maxEventSize: props.maxEventSize ?? (contextKeys ? MaxEventSize.LARGE : undefined),
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
  };
}

/** Every problem with an event data store's props that its constructor can see. */
export function storeSettingsProblems(settings: StoreSettings): Problem[] {
  const props = settings.props;
  const problems: Problem[] = [];
  if (props.eventDataStoreName !== undefined) {
    problems.push(...(typeof props.eventDataStoreName === 'string' ? eventDataStoreNameProblems('eventDataStoreName', props.eventDataStoreName)
      : [{ property: 'eventDataStoreName', value: props.eventDataStoreName, rule: 'must be a string (CreateEventDataStore Name)', fix: 'pass a name, or leave eventDataStoreName out for a generated one' }]));
  }
  problems.push(...constructPropProblems('encryptionKey', props.encryptionKey, 'kms.IKey', ['keyArn']));
  problems.push(...constructPropProblems('federationRole', props.federationRole, 'iam.IRole', ['roleArn']));
  problems.push(...constructPropProblems('insightsDestination', props.insightsDestination, 'IEventDataStore', ['eventDataStoreArn']));
  problems.push(...enumProblems('kind', props.kind, EventDataStoreKind, 'EventDataStoreKind'));
  problems.push(...enumProblems('billingMode', props.billingMode, EventDataStoreBillingMode, 'EventDataStoreBillingMode'));
  problems.push(...enumProblems('maxEventSize', props.maxEventSize, MaxEventSize, 'MaxEventSize'));
  problems.push(...enumProblems('managementEvents', props.managementEvents, ReadWriteType, 'ReadWriteType'));
  problems.push(...removalPolicyProblems(props.removalPolicy, 'AWS::CloudTrail::EventDataStore has no snapshots',
    'use RemovalPolicy.RETAIN, or DESTROY with terminationProtection false'));
  for (const name of BOOLEAN_PROPS) {
    const value: unknown = props[name];
    if (value !== undefined && typeof value !== 'boolean' && !isUnresolved(value)) {
      problems.push({ property: name, value, rule: 'must be true or false', fix: `pass a boolean, or leave ${name} out for the default` });
    }
  }
  if (props.retention !== undefined) {
    problems.push(...retentionDaysProblems(props, settings.billingMode));
  }
  if (props.dataEvents !== undefined && !(props.dataEvents instanceof DataEventSelectors)) {
    problems.push({
      property: 'dataEvents',
      value: props.dataEvents,
      rule: 'must be a DataEventSelectors',
      fix: 'build it with new DataEventSelectors().add…(), or DataEventSelectors.fromAdvancedEventSelectors([...])',
    });
  }
  problems.push(...kindProblems(settings));
  problems.push(...federationProblems(settings));
  if (settings.kind === EventDataStoreKind.CLOUDTRAIL_EVENTS) {
    problems.push(...insightsProblems(settings));
    if (props.contextKeySelectors !== undefined) {
      problems.push(...contextKeySelectorProblems('contextKeySelectors', props.contextKeySelectors, settings.maxEventSize));
    }
  }
  return problems;
}

function retentionDaysProblems(props: LakeEventDataStoreProps, billingMode: EventDataStoreBillingMode): Problem[] {
  const retention = props.retention!;
  if (typeof retention?.toDays !== 'function') {
    return [{ property: 'retention', value: retention, rule: 'must be a Duration (CreateEventDataStore RetentionPeriod)', fix: 'pass e.g. Duration.days(366)' }];
  }
  if (retention.isUnresolved()) {
    return [];
  }
  return retentionProblems('retention', retention.toDays({ integral: false }), billingMode);
}

/** Props of another kind of store, and selectors of another kind. */
function kindProblems(settings: StoreSettings): Problem[] {
  const props = settings.props;
  const problems: Problem[] = [];
  if (settings.kind !== EventDataStoreKind.CLOUDTRAIL_EVENTS) {
    for (const name of CLOUDTRAIL_EVENT_PROPS) {
      if (props[name] !== undefined) {
        problems.push({
          property: name,
          value: shownProp(props[name]),
          rule: `configures CloudTrail events, and this store collects ${kindName(settings.kind)}; its only selector is eventCategory (AdvancedFieldSelector Field)`,
          fix: `leave ${name} out, or collect CloudTrail events in a store of kind EventDataStoreKind.CLOUDTRAIL_EVENTS`,
        });
      }
    }
  }
  if (settings.kind === EventDataStoreKind.EXTERNAL_EVENTS) {
    // CloudTrail User Guide, "Create an integration with an event source outside of AWS with the AWS CLI"
    const source = 'stores of events from outside AWS are single-Region and single-account (CloudTrail Lake integrations)';
    if (props.multiRegionEnabled === true) {
      problems.push({ property: 'multiRegionEnabled', value: true, rule: source, fix: 'leave multiRegionEnabled out' });
    }
    if (props.organizationEnabled === true) {
      problems.push({ property: 'organizationEnabled', value: true, rule: source, fix: 'leave organizationEnabled out' });
    }
  }
  if (props.ingestionEnabled === false && !KINDS_WITH_INGESTION_CONTROL.includes(settings.kind)) {
    problems.push({
      property: 'ingestionEnabled',
      value: false,
      rule: `only stores of CloudTrail events or AWS Config configuration items can be created without ingestion, and this store collects ${kindName(settings.kind)} (CreateEventDataStore StartIngestion)`,
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
    const categories = (Array.isArray(selector?.fieldSelectors) ? selector.fieldSelectors : [])
      .filter(fs => fs?.field === 'eventCategory' && Array.isArray(fs.equalTo))
      .flatMap(fs => fs.equalTo!);
    for (const category of categories) {
      const kind = typeof category === 'string' ? kindOfCategory(category) : undefined;
      if (kind !== undefined) {
        problems.push({
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

function federationProblems(settings: StoreSettings): Problem[] {
  const props = settings.props;
  if (props.federationRole !== undefined && isConstructOf(props.federationRole, ['roleArn']) && props.federationEnabled !== false) {
    return federationRoleArnProblems('federationRole', props.federationRole.roleArn);
  }
  if (props.federationRole !== undefined && props.federationEnabled === false) {
    return [{
      property: 'federationRole',
      value: shownProp(props.federationRole),
      rule: 'names a federation role, and federationEnabled is false (CreateEventDataStore FederationRoleArn is used only with federation)',
      fix: 'set federationEnabled to true, or leave federationRole out',
    }];
  }
  return [];
}

function insightsProblems(settings: StoreSettings): Problem[] {
  const props = settings.props;
  const source = 'PutInsightSelectors';
  const problems = insightProblems(props.insightTypes, settings.managementEvents ?? ReadWriteType.NONE);
  const enabled = Array.isArray(props.insightTypes) && props.insightTypes.length > 0;
  if (enabled && props.insightsDestination === undefined) {
    problems.push({
      property: 'insightsDestination',
      rule: `Insights on an event data store need a destination store for the Insights events (${source}: EventDataStore and InsightsDestination together)`,
      fix: 'create a LakeEventDataStore with kind: EventDataStoreKind.INSIGHTS and pass it as insightsDestination',
    });
  }
  const destination = props.insightsDestination;
  if (destination !== undefined && !enabled) {
    problems.push({
      property: 'insightsDestination',
      value: shownProp(destination),
      rule: `names a destination for Insights events, and insightTypes is empty (${source})`,
      fix: 'set insightTypes, or leave insightsDestination out',
    });
  }
  if (isConstructOf<IEventDataStore>(destination, ['eventDataStoreArn']) && destination.kind !== undefined && destination.kind !== EventDataStoreKind.INSIGHTS) {
    problems.push({
      property: 'insightsDestination',
      value: shownProp(destination),
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
  const placed = placementOf(store);
  if (placed) {
    problems.push(...eventDataStoreQuotaProblems(placed, placedInAccount(scope, placed.account, CfnEventDataStore.isCfnEventDataStore, placementOf)));
  }
  return problems;
}

function enumProblems(property: string, value: unknown, values: Record<string, string>, name: string): Problem[] {
  if (value === undefined || isUnresolved(value) || Object.values(values).includes(value as string)) {
    return [];
  }
  const members = Object.keys(values).map(key => `${name}.${key}`);
  return [{ property, value, rule: `must be a ${name}`, fix: `use ${members.slice(0, -1).join(', ')} or ${members[members.length - 1]}` }];
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
