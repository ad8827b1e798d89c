// A table of one-line rows reads best; each row's four properties stay on the lines they fit
/* eslint-disable @stylistic/object-property-newline */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LakeEventDataStore, LakeExportToCloudWatch, LakeQuery, ScheduledLakeQuery } from '../../src';
import { channelArnProblems, channelDestinationProblems, channelNameProblems, channelPolicyProblems, channelSourceProblems } from '../../src/core/channel-rules';
import { dashboardNameProblems, dashboardWidgetCountProblems, dashboardWidgetProblems, refreshScheduleProblems, WidgetSpec } from '../../src/core/dashboard-rules';
import { contextKeySelectorProblems, eventDataStoreQuotaProblems, federationRoleArnProblems, resourcePolicyProblems, retentionProblems } from '../../src/core/lake-rules';
import * as limits from '../../src/core/limits';
import { metricNamespaceProblems } from '../../src/core/metric-namespace';
import { eventDataStoreNameProblems, trailNameProblems } from '../../src/core/names';
import { operationTimeoutProblems } from '../../src/core/operation-rules';
import { organizationIdProblems } from '../../src/core/organization';
import { Problem } from '../../src/core/problems';
import { deliveryS3UriProblems, queryStatementProblems, scheduledQueryConcurrencyProblems, scheduleRunsAtOnce } from '../../src/core/query-rules';
import type { RuleId } from '../../src/core/rule-registry';
import { OBSERVABILITY_TAG_RULES, tagProblems } from '../../src/core/tags';
import { telemetryRetentionProblems, telemetryRuleNameProblems } from '../../src/core/telemetry-rules';
import { organizationsPolicyNameProblems, protectionListProblems, servicePolicySizeProblems } from '../../src/core/trail-protection-rules';
import { aggregationTemplateProblems, s3KeyPrefixProblems, snsTopicNameProblems, trailQuotaProblems } from '../../src/core/trail-rules';
import { delegatedAdminsProblems } from '../../src/organization/delegated-admin-rules';
import { AdvancedEventSelector } from '../../src/selectors/field-selector';
import { advancedSelectorProblems } from '../../src/selectors/selector-validation';

// Every limit of src/core/limits.ts on both sides of each bound: exactly at the bound is accepted (the rule does not
// fire), one beyond is rejected with the rule's id. Other rules may fire on the made-up values (a 1000-character field
// is no known field): each row asserts only its own rule. A limit made off by one fails a row on one side.

/** The rule ids of the problems, once each. */
function ids(problems: Problem[]): RuleId[] {
  return [...new Set(problems.map(problem => problem.id))];
}

const x = (length: number): string => 'x'.repeat(length);
const channelArnOfLength = (length: number): string => {
  const head = 'arn:aws:cloudtrail:us-east-1:111111111111:channel/';
  return `${head}${'a'.repeat(length - head.length)}`;
};

/** Destinations of a channel: this many stores of external events. */
const externalStores = (count: number) => Array.from({ length: count }, (_, i) => ({
  eventDataStoreArn: `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/store-${i}`, category: 'ActivityAuditLog',
}));

/** The problems of a dashboard widget on store a1b2c3d4, with these query parameters and view properties. */
function widget(overrides: Partial<WidgetSpec> = {}): Problem[] {
  return dashboardWidgetProblems('widgets[0]', {
    queryStatement: 'SELECT * FROM a1b2c3d4', storeIds: ['a1b2c3d4'], queryParameters: [], view: 'Table', height: 2, width: 4,
    viewProperties: { Title: 'Top errors', View: 'Table', Height: '2', Width: '4' }, ...overrides,
  });
}

/** This many '$Period$' parameters, each for a placeholder of the statement. */
const parameters = (count: number) => ({ queryStatement: `SELECT ${Array(count).fill("'?'").join(', ')} FROM a1b2c3d4`, queryParameters: Array(count).fill('$Period$') });

/** The concurrency problems of scheduled queries of one account and Region, run every so many minutes. */
function scheduledConcurrency(intervals: number[]): Problem[] {
  const all = intervals.map((minutes, i) => ({ path: `Stack/Query${i}`, account: '111111111111', region: 'us-east-1', runsAtOnce: scheduleRunsAtOnce(`rate(${minutes} minutes)`)! }));
  return scheduledQueryConcurrencyProblems(all[0], all);
}

interface Bound {
  /** The limit, as named in src/core/limits.ts, and which side. */
  readonly limit: string;
  readonly id: RuleId;
  /** The problems with the value exactly at the bound, and one beyond it. */
  readonly at: () => Problem[];
  readonly beyond: () => Problem[];
}

// One advanced event selector of S3 data events, with a field selector of the given values and operator.
function dataSelector(extra: AdvancedEventSelector['fieldSelectors'] = [], name?: string): AdvancedEventSelector {
  return {
    ...(name !== undefined ? { name } : {}),
    fieldSelectors: [
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
      ...extra,
    ],
  };
}

function selectorProblems(selectors: AdvancedEventSelector[], target: 'trail' | 'eventDataStore' = 'trail'): Problem[] {
  return advancedSelectorProblems(selectors.map((selector, i) => ({ selector, property: `dataEvents[${i}]` })), { target, declaredTypes: [] });
}

/** Bucket ARN prefixes, each a distinct data resource. */
const buckets = (count: number): string[] => Array.from({ length: count }, (_, i) => `arn:aws:s3:::bucket-${i}/`);

/** `count` selectors of S3 data events, the values spread so that no selector holds more than 100. */
function spread(values: string[], field = 'resources.ARN', operator: 'startsWith' | 'equalTo' = 'startsWith'): AdvancedEventSelector[] {
  const selectors: AdvancedEventSelector[] = [];
  for (let i = 0; i < values.length; i += 100) {
    selectors.push(dataSelector([{ field, [operator]: values.slice(i, i + 100) }]));
  }
  return selectors;
}

/** Management events, which the selector count of a store includes. */
const MANAGEMENT: AdvancedEventSelector = { fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] };

const place = (count: number, multiRegion = false) => Array.from({ length: count }, (_, i) => ({
  path: `Stack/T${i}`, account: '111111111111', region: 'us-east-1', isMultiRegionTrail: multiRegion,
}));
const placeStores = (count: number) => Array.from({ length: count }, (_, i) => ({
  path: `Stack/S${i}`, account: '111111111111', region: 'us-east-1', multiRegionEnabled: false,
}));

/** Valid lists of a trail protection policy, for rows that change one. */
const PROTECTION = {
  trailArns: ['arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-audit'],
  eventDataStoreArns: [],
  exemptPrincipalArns: [],
  targetIds: ['r-a1b2'],
};

const admins = (count: number): string[] => Array.from({ length: count }, (_, i) => String(222222222222 + i));

/** A statement of exactly `length` characters that names the store a1b2c3d4. */
function statement(length: number): string {
  const head = "SELECT eventName FROM a1b2c3d4 WHERE eventName = '";
  return `${head}${x(length - head.length - 1)}'`;
}

/** A policy JSON of exactly `length` characters. */
const policy = (length: number): string => `{"Version":"2012-10-17","Sid":"${x(length - 33)}"}`;

const roleArn = (length: number): string => `arn:aws:iam::111111111111:role/${x(length - 31)}`;

const BOUNDS: Bound[] = [
  { limit: 'TRAIL_NAME_LENGTH.max', id: 'TrailNameLength', at: () => trailNameProblems('trailName', x(128)), beyond: () => trailNameProblems('trailName', x(129)) },
  { limit: 'TRAIL_NAME_LENGTH.min', id: 'TrailNameLength', at: () => trailNameProblems('trailName', x(3)), beyond: () => trailNameProblems('trailName', x(2)) },
  {
    limit: 'EVENT_DATA_STORE_NAME_LENGTH.max', id: 'EventDataStoreNameLength',
    at: () => eventDataStoreNameProblems('eventDataStoreName', x(128)), beyond: () => eventDataStoreNameProblems('eventDataStoreName', x(129)),
  },
  {
    limit: 'EVENT_DATA_STORE_NAME_LENGTH.min', id: 'EventDataStoreNameLength',
    at: () => eventDataStoreNameProblems('eventDataStoreName', x(3)), beyond: () => eventDataStoreNameProblems('eventDataStoreName', x(2)),
  },
  { limit: 'S3_KEY_PREFIX_MAX_LENGTH', id: 'S3KeyPrefixLength', at: () => s3KeyPrefixProblems('s3KeyPrefix', x(200)), beyond: () => s3KeyPrefixProblems('s3KeyPrefix', x(201)) },
  { limit: 'SNS_TOPIC_NAME_MAX_LENGTH', id: 'SnsTopicNameLength', at: () => snsTopicNameProblems('snsTopic', x(256)), beyond: () => snsTopicNameProblems('snsTopic', x(257)) },
  {
    limit: 'SELECTOR_NAME_LENGTH.max', id: 'SelectorNameLength',
    at: () => selectorProblems([dataSelector([], x(1000))]), beyond: () => selectorProblems([dataSelector([], x(1001))]),
  },
  {
    limit: 'SELECTOR_NAME_LENGTH.min', id: 'SelectorNameLength',
    at: () => selectorProblems([dataSelector([], 'x')]), beyond: () => selectorProblems([dataSelector([], '')]),
  },
  {
    limit: 'SELECTOR_FIELD_LENGTH.max', id: 'SelectorFieldLength',
    at: () => selectorProblems([dataSelector([{ field: x(1000), equalTo: ['a'] }])]),
    beyond: () => selectorProblems([dataSelector([{ field: x(1001), equalTo: ['a'] }])]),
  },
  {
    limit: 'OPERATOR_VALUE_LENGTH.max', id: 'SelectorValueLength',
    at: () => selectorProblems([dataSelector([{ field: 'eventName', equalTo: [x(2048)] }])]),
    beyond: () => selectorProblems([dataSelector([{ field: 'eventName', equalTo: [x(2049)] }])]),
  },
  {
    limit: 'MAX_ADVANCED_SELECTOR_VALUES', id: 'SelectorValuesQuota',
    // two values of the category and type in each of the selectors, the rest event names
    at: () => selectorProblems(spread(Array.from({ length: 490 }, (_, i) => `Event${i}`), 'eventName', 'equalTo')),
    beyond: () => selectorProblems(spread(Array.from({ length: 491 }, (_, i) => `Event${i}`), 'eventName', 'equalTo')),
  },
  { limit: 'MAX_DATA_RESOURCES', id: 'DataResourcesQuota', at: () => selectorProblems(spread(buckets(250))), beyond: () => selectorProblems(spread(buckets(251))) },
  {
    limit: 'MAX_EVENT_DATA_STORE_SELECTORS', id: 'SelectorCount',
    at: () => selectorProblems([MANAGEMENT, ...Array.from({ length: 4 }, () => dataSelector())], 'eventDataStore'),
    beyond: () => selectorProblems([MANAGEMENT, ...Array.from({ length: 5 }, () => dataSelector())], 'eventDataStore'),
  },
  {
    limit: 'MAX_TRAILS_PER_REGION', id: 'TrailQuota',
    at: () => place(5).flatMap((trail, _, all) => trailQuotaProblems(trail, all)),
    beyond: () => place(6).flatMap((trail, _, all) => trailQuotaProblems(trail, all)),
  },
  {
    limit: 'MAX_TRAILS_PER_REGION (multi-Region trails)', id: 'TrailQuota',
    at: () => place(5, true).flatMap((trail, _, all) => trailQuotaProblems(trail, all)),
    beyond: () => place(6, true).flatMap((trail, _, all) => trailQuotaProblems(trail, all)),
  },
  {
    limit: 'MAX_EVENT_DATA_STORES_PER_REGION', id: 'EventDataStoreQuota',
    at: () => placeStores(10).flatMap((store, _, all) => eventDataStoreQuotaProblems(store, all)),
    beyond: () => placeStores(11).flatMap((store, _, all) => eventDataStoreQuotaProblems(store, all)),
  },
  {
    limit: 'TAG_KEY_LENGTH.max', id: 'TagKeyLength',
    at: () => tagProblems('tags', [{ key: x(128), value: 'v' }]), beyond: () => tagProblems('tags', [{ key: x(129), value: 'v' }]),
  },
  { limit: 'TAG_KEY_LENGTH.min', id: 'TagKeyLength', at: () => tagProblems('tags', [{ key: 'k', value: 'v' }]), beyond: () => tagProblems('tags', [{ key: '', value: 'v' }]) },
  {
    limit: 'TAG_VALUE_LENGTH.max', id: 'TagValueLength',
    at: () => tagProblems('tags', [{ key: 'k', value: x(256) }]), beyond: () => tagProblems('tags', [{ key: 'k', value: x(257) }]),
  },
  { limit: 'TAG_VALUE_LENGTH.min', id: 'TagValueLength', at: () => tagProblems('tags', [{ key: 'k', value: 'v' }]), beyond: () => tagProblems('tags', [{ key: 'k', value: '' }]) },
  {
    limit: 'MAX_TAGS_PER_RESOURCE', id: 'TagCount',
    at: () => tagProblems('tags', Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }))),
    beyond: () => tagProblems('tags', Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }))),
  },
  ...([undefined, 'EXTENDABLE_RETENTION_PRICING'] as const).flatMap((mode): Bound[] => [
    { limit: `RETENTION_DAYS_EXTENDABLE.max (${mode ?? 'default billing mode'})`, id: 'RetentionRange', at: () => retentionProblems('retention', 3653, mode), beyond: () => retentionProblems('retention', 3654, mode) },
    { limit: `RETENTION_DAYS_EXTENDABLE.min (${mode ?? 'default billing mode'})`, id: 'RetentionRange', at: () => retentionProblems('retention', 7, mode), beyond: () => retentionProblems('retention', 6, mode) },
  ]),
  {
    limit: 'RETENTION_DAYS_FIXED.max', id: 'RetentionRange',
    at: () => retentionProblems('retention', 2557, 'FIXED_RETENTION_PRICING'), beyond: () => retentionProblems('retention', 2558, 'FIXED_RETENTION_PRICING'),
  },
  {
    limit: 'RETENTION_DAYS_FIXED.min', id: 'RetentionRange',
    at: () => retentionProblems('retention', 7, 'FIXED_RETENTION_PRICING'), beyond: () => retentionProblems('retention', 6, 'FIXED_RETENTION_PRICING'),
  },
  {
    limit: 'QUERY_STATEMENT_LENGTH.max', id: 'QueryStatementLength',
    at: () => queryStatementProblems('queryStatement', statement(10000), ['a1b2c3d4']),
    beyond: () => queryStatementProblems('queryStatement', statement(10001), ['a1b2c3d4']),
  },
  {
    limit: 'QUERY_STATEMENT_LENGTH.min', id: 'QueryStatementLength',
    at: () => queryStatementProblems('queryStatement', 'S', ['a1b2c3d4']), beyond: () => queryStatementProblems('queryStatement', '', ['a1b2c3d4']),
  },
  {
    limit: 'DELIVERY_S3_URI_MAX_LENGTH', id: 'DeliveryS3UriLength',
    at: () => deliveryS3UriProblems('deliveryPrefix', `s3://results/${x(1024 - 13)}`),
    beyond: () => deliveryS3UriProblems('deliveryPrefix', `s3://results/${x(1025 - 13)}`),
  },
  {
    limit: 'OPERATION_WAIT_MINUTES.max', id: 'OperationTimeoutRange',
    at: () => operationTimeoutProblems('timeout', Duration.minutes(55)), beyond: () => operationTimeoutProblems('timeout', Duration.seconds(55 * 60 + 1)),
  },
  {
    limit: 'OPERATION_WAIT_MINUTES.min', id: 'OperationTimeoutRange',
    at: () => operationTimeoutProblems('timeout', Duration.minutes(1)), beyond: () => operationTimeoutProblems('timeout', Duration.seconds(59)),
  },
  {
    limit: 'MAX_CLOUDTRAIL_DELEGATED_ADMINS', id: 'DelegatedAdminsQuota',
    at: () => admins(3).flatMap((id, _, all) => delegatedAdminsProblems(id, all)),
    beyond: () => admins(4).flatMap((id, _, all) => delegatedAdminsProblems(id, all)),
  },
  {
    limit: 'RESOURCE_POLICY_MAX_LENGTH', id: 'ResourcePolicyLength',
    at: () => resourcePolicyProblems('resourcePolicy', policy(8192), [], []), beyond: () => resourcePolicyProblems('resourcePolicy', policy(8193), [], []),
  },
  {
    limit: 'MAX_CONTEXT_KEY_SELECTORS', id: 'ContextKeySelectorCount',
    at: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: ['a'] }, { type: 'RequestContext', keys: ['aws:SourceIp'] }], 'Large'),
    beyond: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: ['a'] }, { type: 'RequestContext', keys: ['aws:SourceIp'] },
      { type: 'TagContext', keys: ['b'] }], 'Large'),
  },
  {
    limit: 'CONTEXT_KEY_SELECTOR_KEYS.max', id: 'ContextKeyCount',
    at: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: Array.from({ length: 50 }, (_, i) => `k${i}`) }], 'Large'),
    beyond: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: Array.from({ length: 51 }, (_, i) => `k${i}`) }], 'Large'),
  },
  {
    limit: 'CONTEXT_KEY_SELECTOR_KEYS.min', id: 'ContextKeyCount',
    at: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: ['k'] }], 'Large'),
    beyond: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: [] }], 'Large'),
  },
  {
    limit: 'CONTEXT_KEY_LENGTH.max', id: 'ContextKeyLength',
    at: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: [x(128)] }], 'Large'),
    beyond: () => contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys: [x(129)] }], 'Large'),
  },
  {
    limit: 'ORGANIZATION_ID_SUFFIX_LENGTH.max', id: 'OrganizationIdFormat',
    at: () => organizationIdProblems('orgId', `o-${x(32)}`), beyond: () => organizationIdProblems('orgId', `o-${x(33)}`),
  },
  {
    limit: 'ORGANIZATION_ID_SUFFIX_LENGTH.min', id: 'OrganizationIdFormat',
    at: () => organizationIdProblems('orgId', `o-${x(10)}`), beyond: () => organizationIdProblems('orgId', `o-${x(9)}`),
  },
  {
    limit: 'METRIC_NAMESPACE_LENGTH.max', id: 'MetricNamespaceLength',
    at: () => metricNamespaceProblems('metricNamespace', x(255), 'CloudTrailMetrics'), beyond: () => metricNamespaceProblems('metricNamespace', x(256), 'CloudTrailMetrics'),
  },
  {
    limit: 'METRIC_NAMESPACE_LENGTH.min', id: 'MetricNamespaceLength',
    at: () => metricNamespaceProblems('metricNamespace', 'x', 'CloudTrailMetrics'), beyond: () => metricNamespaceProblems('metricNamespace', '', 'CloudTrailMetrics'),
  },
  {
    limit: 'FEDERATION_ROLE_ARN_MAX_LENGTH', id: 'FederationRoleArnLength',
    at: () => federationRoleArnProblems('federationRole', roleArn(125)), beyond: () => federationRoleArnProblems('federationRole', roleArn(126)),
  },
  {
    limit: 'CHANNEL_NAME_LENGTH.max', id: 'ChannelNameLength',
    at: () => channelNameProblems('channelName', x(128)), beyond: () => channelNameProblems('channelName', x(129)),
  },
  {
    limit: 'CHANNEL_NAME_LENGTH.min', id: 'ChannelNameLength',
    at: () => channelNameProblems('channelName', x(3)), beyond: () => channelNameProblems('channelName', x(2)),
  },
  {
    limit: 'CHANNEL_SOURCE_LENGTH.max', id: 'ChannelSourceLength',
    at: () => channelSourceProblems('source', x(256)), beyond: () => channelSourceProblems('source', x(257)),
  },
  {
    limit: 'CHANNEL_ARN_MAX_LENGTH', id: 'ChannelArnFormat',
    at: () => channelArnProblems('channelArn', channelArnOfLength(256)), beyond: () => channelArnProblems('channelArn', channelArnOfLength(257)),
  },
  {
    limit: 'CHANNEL_SOURCE_LENGTH.min', id: 'ChannelSourceLength',
    at: () => channelSourceProblems('source', x(1)), beyond: () => channelSourceProblems('source', ''),
  },
  {
    limit: 'CHANNEL_DESTINATIONS.max', id: 'ChannelDestinationCount',
    at: () => channelDestinationProblems('destinations', externalStores(10)), beyond: () => channelDestinationProblems('destinations', externalStores(11)),
  },
  {
    limit: 'CHANNEL_DESTINATIONS.min', id: 'ChannelDestinationCount',
    at: () => channelDestinationProblems('destinations', externalStores(1)), beyond: () => channelDestinationProblems('destinations', []),
  },
  {
    limit: 'CHANNEL_POLICY_MAX_STATEMENTS', id: 'ChannelPolicyStatementCount',
    at: () => channelPolicyProblems('resourcePolicy', 20, ['cloudtrail-data:PutAuditEvents']),
    beyond: () => channelPolicyProblems('resourcePolicy', 21, ['cloudtrail-data:PutAuditEvents']),
  },
  {
    limit: 'DASHBOARD_NAME_LENGTH.max', id: 'DashboardNameLength',
    at: () => dashboardNameProblems('dashboardName', x(128)), beyond: () => dashboardNameProblems('dashboardName', x(129)),
  },
  {
    limit: 'DASHBOARD_NAME_LENGTH.min', id: 'DashboardNameLength',
    at: () => dashboardNameProblems('dashboardName', x(3)), beyond: () => dashboardNameProblems('dashboardName', x(2)),
  },
  {
    limit: 'DASHBOARD_MAX_WIDGETS', id: 'DashboardWidgetCount',
    at: () => dashboardWidgetCountProblems('widgets', 10), beyond: () => dashboardWidgetCountProblems('widgets', 11),
  },
  {
    limit: 'DASHBOARD_MAX_QUERY_PARAMETERS', id: 'DashboardWidgetParameterCount',
    at: () => widget(parameters(10)), beyond: () => widget(parameters(11)),
  },
  ...(['max', 'min'] as const).flatMap((side): Bound[] => {
    const [at, beyond] = side === 'max' ? [128, 129] : [1, 0];
    const value = (length: number) => widget({ viewProperties: { Title: x(length) } });
    return [{ limit: `VIEW_PROPERTY_VALUE_LENGTH.${side}`, id: 'DashboardViewPropertyValue', at: () => value(at), beyond: () => value(beyond) }];
  }),
  {
    // the longest interval and the next one a Duration of whole hours gives
    limit: 'DASHBOARD_REFRESH_HOURS', id: 'DashboardRefreshFrequency',
    at: () => refreshScheduleProblems('refreshSchedule', { intervalMinutes: 24 * 60 }),
    beyond: () => refreshScheduleProblems('refreshSchedule', { intervalMinutes: 25 * 60 }),
  },
  {
    limit: 'SCHEDULED_RUN_MINUTES', id: 'ScheduledQueryConcurrency',
    at: () => scheduledConcurrency(Array(10).fill(15)), beyond: () => scheduledConcurrency(Array(10).fill(14)),
  },
  {
    limit: 'MAX_CONCURRENT_QUERIES (scheduled queries)', id: 'ScheduledQueryConcurrency',
    at: () => scheduledConcurrency([3, 3]), beyond: () => scheduledConcurrency([3, 3, 60]),
  },
  {
    limit: 'AGGREGATION_TEMPLATES.max', id: 'AggregationTemplateCount',
    at: () => aggregationTemplateProblems(Array(50).fill('API_ACTIVITY')), beyond: () => aggregationTemplateProblems(Array(51).fill('API_ACTIVITY')),
  },
  {
    limit: 'AGGREGATION_TEMPLATES.min', id: 'AggregationTemplateCount',
    at: () => aggregationTemplateProblems(['API_ACTIVITY']), beyond: () => aggregationTemplateProblems([]),
  },
  ...(['max', 'min'] as const).flatMap((side): Bound[] => {
    const [at, beyond] = side === 'max' ? [32, 33] : [4, 3];
    const root = (length: number) => protectionListProblems({ ...PROTECTION, targetIds: [`r-${x(length)}`] });
    const ou = (length: number) => protectionListProblems({ ...PROTECTION, targetIds: [`ou-${x(length)}-${x(8)}`] });
    return [
      { limit: `ROOT_ID_SUFFIX_LENGTH.${side} (root)`, id: 'TrailProtectionTargetId', at: () => root(at), beyond: () => root(beyond) },
      { limit: `ROOT_ID_SUFFIX_LENGTH.${side} (OU)`, id: 'TrailProtectionTargetId', at: () => ou(at), beyond: () => ou(beyond) },
    ];
  }),
  {
    limit: 'OU_ID_SUFFIX_LENGTH.max', id: 'TrailProtectionTargetId',
    at: () => protectionListProblems({ ...PROTECTION, targetIds: [`ou-a1b2-${x(32)}`] }),
    beyond: () => protectionListProblems({ ...PROTECTION, targetIds: [`ou-a1b2-${x(33)}`] }),
  },
  {
    limit: 'OU_ID_SUFFIX_LENGTH.min', id: 'TrailProtectionTargetId',
    at: () => protectionListProblems({ ...PROTECTION, targetIds: [`ou-a1b2-${x(8)}`] }),
    beyond: () => protectionListProblems({ ...PROTECTION, targetIds: [`ou-a1b2-${x(7)}`] }),
  },
  {
    limit: 'ORGANIZATIONS_POLICY_NAME_LENGTH.max', id: 'TrailProtectionPolicyNameLength',
    at: () => organizationsPolicyNameProblems(x(128), undefined), beyond: () => organizationsPolicyNameProblems(x(129), undefined),
  },
  {
    limit: 'ORGANIZATIONS_POLICY_NAME_LENGTH.min', id: 'TrailProtectionPolicyNameLength',
    at: () => organizationsPolicyNameProblems('x', undefined), beyond: () => organizationsPolicyNameProblems('', undefined),
  },
  {
    limit: 'ORGANIZATIONS_POLICY_DESCRIPTION_MAX_LENGTH', id: 'TrailProtectionDescriptionLength',
    at: () => organizationsPolicyNameProblems('guardrail', x(512)), beyond: () => organizationsPolicyNameProblems('guardrail', x(513)),
  },
  {
    // {"x":"…"} is 8 characters besides the value
    limit: 'SERVICE_CONTROL_POLICY_MAX_SIZE', id: 'TrailProtectionPolicySize',
    at: () => servicePolicySizeProblems('trailArns', { x: x(5120 - 8) }), beyond: () => servicePolicySizeProblems('trailArns', { x: x(5121 - 8) }),
  },
  {
    limit: 'TELEMETRY_RULE_NAME_LENGTH.max', id: 'TelemetryRuleNameLength',
    at: () => telemetryRuleNameProblems('ruleName', x(100)), beyond: () => telemetryRuleNameProblems('ruleName', x(101)),
  },
  {
    limit: 'TELEMETRY_RULE_NAME_LENGTH.min', id: 'TelemetryRuleNameLength',
    at: () => telemetryRuleNameProblems('ruleName', 'x'), beyond: () => telemetryRuleNameProblems('ruleName', ''),
  },
  { limit: 'TELEMETRY_RETENTION_DAYS.max', id: 'TelemetryRetention', at: () => telemetryRetentionProblems('retention', 3653), beyond: () => telemetryRetentionProblems('retention', 3654) },
  { limit: 'TELEMETRY_RETENTION_DAYS.min', id: 'TelemetryRetention', at: () => telemetryRetentionProblems('retention', 1), beyond: () => telemetryRetentionProblems('retention', 0) },
  {
    // the lower bound is 0: an empty value is accepted, and no value is shorter
    limit: 'OBSERVABILITY_TAG_VALUE_LENGTH.max', id: 'TagValueLength',
    at: () => tagProblems('tags', [{ key: 'k', value: x(256) }, { key: 'e', value: '' }], OBSERVABILITY_TAG_RULES),
    beyond: () => tagProblems('tags', [{ key: 'k', value: x(257) }], OBSERVABILITY_TAG_RULES),
  },
];

describe.each(BOUNDS)('$limit', ({ id, at, beyond }) => {
  test(`exactly at the bound: no ${id}`, () => {
    expect(ids(at())).not.toContain(id);
  });
  test(`one beyond: ${id}`, () => {
    expect(ids(beyond())).toContain(id);
  });
});

describe('limits the constructs check across resources', () => {
  function stackWith(build: (stack: Stack, store: ReturnType<typeof LakeEventDataStore.fromEventDataStoreArn>) => void): () => Problem[] {
    return () => {
      const stack = new Stack(new App(), 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
      try {
        build(stack, LakeEventDataStore.fromEventDataStoreArn(stack, 'Store', 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4'));
        (stack.node.root as App).synth();
      } catch (error) {
        return [...(error as Error).message.matchAll(/\] \[(\w+)\] /g)].map(([, id]) => ({ id: id as RuleId, property: '', rule: '', fix: '' }));
      }
      return [];
    };
  }
  const queries = (count: number) => stackWith((stack, store) => {
    for (let i = 0; i < count; i++) {
      new LakeQuery(stack, `Query${i}`, { eventDataStore: store, queryStatement: 'SELECT * FROM a1b2c3d4', waitForCompletion: i > 0 });
    }
  });
  // exports that do not wait: each may still run when the next one starts
  const exports = (count: number) => stackWith((stack, store) => {
    for (let i = 0; i < count; i++) {
      new LakeExportToCloudWatch(stack, `Export${i}`, { eventDataStore: store, startEventTime: new Date(Date.UTC(2026, i, 1)), waitForCompletion: false });
    }
  });
  const described = (length: number) => stackWith((stack, store) => new ScheduledLakeQuery(stack, 'Scheduled', {
    eventDataStore: store,
    queryStatement: 'SELECT * FROM a1b2c3d4',
    schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
    deliveryBucket: s3.Bucket.fromBucketName(stack, 'Results', 'query-results'),
    description: x(length),
  }));

  test.each([
    // the first query does not wait, so every query after it may still run with it: ten at once are allowed, eleven not
    ['MAX_CONCURRENT_QUERIES', 'ConcurrentQueriesQuota', queries(10), queries(11)],
    ['SCHEDULE_DESCRIPTION_MAX_LENGTH', 'ScheduleDescriptionLength', described(512), described(513)],
    ['MAX_ACTIVE_LOG_IMPORTS', 'ExportsAtATime', exports(3), exports(4)],
  ] as Array<[string, RuleId, () => Problem[], () => Problem[]]>)('%s: exactly at the bound no %s, one beyond it', (_, id, at, beyond) => {
    expect(ids(at())).not.toContain(id);
    expect(ids(beyond())).toContain(id);
  });
});

test('the made-up values are as long as the rows say', () => {
  expect(statement(10000)).toHaveLength(10000);
  expect(policy(8192)).toHaveLength(8192);
  expect(roleArn(125)).toHaveLength(125);
  expect(`s3://results/${x(1024 - 13)}`).toHaveLength(1024);
});

test('every limit of src/core/limits.ts has a row here', () => {
  const covered = new Set(BOUNDS.map(bound => /^[A-Z0-9_]+/.exec(bound.limit)![0]));
  const elsewhere = ['CUSTOM_RESOURCE_TIMEOUT_MINUTES', 'DEFAULT_OPERATION_WAIT_MINUTES', 'MAX_CONCURRENT_QUERIES', 'SCHEDULE_DESCRIPTION_MAX_LENGTH', 'MAX_ACTIVE_LOG_IMPORTS',
    'EVENT_DATA_STORE_ID_LENGTH', 'KMS_ALIAS_NAME_MAX_LENGTH_AFTER_PREFIX'];
  // CUSTOM_RESOURCE_TIMEOUT_MINUTES and DEFAULT_OPERATION_WAIT_MINUTES are no limit a user meets: the fuzzed queries and
  // imports assert their ServiceTimeout stays within it (test/fuzz/lake-query.test.ts), test/lake the default.
  // EVENT_DATA_STORE_ID_LENGTH is what a store ID token counts for in a statement's length: the QueryStatementLength
  // boundary rows of test/core/query-rules.test.ts and test/lake/lake-query.test.ts (tokenized statements) use it.
  // KMS_ALIAS_NAME_MAX_LENGTH_AFTER_PREFIX bounds the alias name TrailLogArchive generates: test/trail/log-archive.test.ts.
  expect(Object.keys(limits).filter(name => !covered.has(name) && !elsewhere.includes(name))).toEqual([]);
});
