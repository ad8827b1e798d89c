import { FieldConditions } from './field-selector';
import { DOCUMENTED_NETWORK_ACTIVITY_ERROR_CODES, DOCUMENTED_NETWORK_ACTIVITY_SOURCES } from './network-activity';

// The documented rules of advanced field selectors, as data. Internal: not exported from the package.

/** An operator: its property name on the struct and its name in the CloudTrail API. */
export interface Operator {
  readonly key: keyof FieldConditions;
  readonly apiName: string;
}

export const OPERATORS: Operator[] = [
  { key: 'equalTo', apiName: 'Equals' },
  { key: 'notEquals', apiName: 'NotEquals' },
  { key: 'startsWith', apiName: 'StartsWith' },
  { key: 'notStartsWith', apiName: 'NotStartsWith' },
  { key: 'endsWith', apiName: 'EndsWith' },
  { key: 'notEndsWith', apiName: 'NotEndsWith' },
];

/**
 * Where a selector is used: the same selector can be valid on a trail and not on an event data store. A CloudWatch
 * telemetry rule (AWS::ObservabilityAdmin::TelemetryRule and OrganizationTelemetryRule, CloudtrailParameters) takes
 * the selectors of a trail.
 */
export type SelectorTarget = 'trail' | 'eventDataStore' | 'telemetryRule';

/** The values of `eventCategory`. */
export enum EventCategory {
  MANAGEMENT = 'Management',
  DATA = 'Data',
  NETWORK_ACTIVITY = 'NetworkActivity',
  INSIGHT = 'Insight',
  CONFIGURATION_ITEM = 'ConfigurationItem',
  EVIDENCE = 'Evidence',
  ACTIVITY_AUDIT_LOG = 'ActivityAuditLog',
}

// AdvancedFieldSelector Field, eventCategory: Insight, ConfigurationItem, Evidence and ActivityAuditLog
// "are used only for event data stores"
// CloudWatch User Guide, "Telemetry discovery and enablement": the CloudTrail data source of telemetry rules is
// "CloudTrail Data Events and Management Events"; network activity events are not among them
export const CATEGORIES_BY_TARGET: Record<SelectorTarget, EventCategory[]> = {
  trail: [EventCategory.MANAGEMENT, EventCategory.DATA, EventCategory.NETWORK_ACTIVITY],
  eventDataStore: Object.values(EventCategory),
  telemetryRule: [EventCategory.MANAGEMENT, EventCategory.DATA],
};

/** The kinds of CloudTrail events; any other category is a store kind of its own. */
export const CLOUDTRAIL_EVENT_CATEGORIES = [EventCategory.MANAGEMENT, EventCategory.DATA, EventCategory.NETWORK_ACTIVITY];

/** How one field may be used with one event category. */
export interface FieldUse {
  readonly field: string;
  readonly categories: EventCategory[];
  /** Targets where this use applies. */
  readonly targets: SelectorTarget[];
  /** The allowed operators (API names); any when absent. */
  readonly operators?: string[];
  /** The allowed values, a closed set the service rejects any other value of; any when absent. */
  readonly values?: string[];
  /**
   * The values documented today, for a set that grows (event sources, error codes, event types): an Equals or
   * NotEquals value outside it gets the UncheckedFieldValue warning, not an error.
   */
  readonly knownValues?: string[];
  /** The form every Equals and NotEquals value has (the other operators take parts of values). */
  readonly format?: { readonly pattern: RegExp; readonly description: string };
  /** The field must be present in selectors of these categories. */
  readonly required?: boolean;
  /** Equals must hold exactly one value. */
  readonly singleValue?: boolean;
  /** Where the rule is documented. */
  readonly source: string;
}

// CloudWatch documents no field or operator rules of its own for the selectors of a telemetry rule (API reference
// CloudtrailParameters and AdvancedFieldSelector; User Guide, "Telemetry enablement rules"), and CloudTrail is what
// evaluates them: wherever the trail's rules apply, they apply to telemetry rules too.
const BOTH: SelectorTarget[] = ['trail', 'eventDataStore', 'telemetryRule'];
const STORE: SelectorTarget[] = ['eventDataStore'];
const TRAIL: SelectorTarget[] = ['trail', 'telemetryRule'];
const { MANAGEMENT, DATA, NETWORK_ACTIVITY } = EventCategory;
const FIELD_DOC = 'AdvancedFieldSelector Field';
const BOOLEAN_VALUES = ['true', 'false'];
// AdvancedFieldSelector Field, sessionCredentialFromConsole: the record field is present, as "true", only for console
// sessions (CloudTrail record contents, sessionCredentialFromConsole), so Equals/NotEquals 'true' is the only filter
const CONSOLE_VALUES = ['true'];
// CloudTrail User Guide, CloudTrail record contents, eventType (which AdvancedFieldSelector Field, eventType, points to)
// Amazon EC2 resource IDs: the prefix, then 8 (older) or 17 hexadecimal characters
const VPC_ENDPOINT_ID = { pattern: /^vpce-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, description: "'vpce-' and 8 or 17 lowercase hexadecimal characters (Amazon EC2 resource IDs)" };
export const EVENT_TYPES = ['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn', 'AwsVpceEvent'];

/**
 * Every documented use of every field except `eventCategory` (which decides the category and is
 * checked on its own). A field absent for a category and target is not allowed there.
 */
export const FIELD_USES: FieldUse[] = [
  { field: 'readOnly', categories: [MANAGEMENT, DATA], targets: BOTH, operators: ['Equals'], values: BOOLEAN_VALUES, source: FIELD_DOC },
  { field: 'eventSource', categories: [MANAGEMENT], targets: TRAIL, operators: ['NotEquals'], values: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'], source: `${FIELD_DOC}, eventSource for management events on trails` },
  { field: 'eventSource', categories: [MANAGEMENT], targets: STORE, source: FIELD_DOC },
  { field: 'eventSource', categories: [DATA], targets: BOTH, source: FIELD_DOC },
  { field: 'eventSource', categories: [NETWORK_ACTIVITY], targets: BOTH, operators: ['Equals'], required: true, singleValue: true, knownValues: DOCUMENTED_NETWORK_ACTIVITY_SOURCES, source: `${FIELD_DOC}, eventSource for network activity events` },
  { field: 'eventName', categories: [DATA, NETWORK_ACTIVITY], targets: BOTH, source: FIELD_DOC },
  { field: 'eventName', categories: [MANAGEMENT], targets: STORE, source: FIELD_DOC },
  { field: 'eventType', categories: [DATA], targets: BOTH, knownValues: EVENT_TYPES, source: FIELD_DOC },
  { field: 'eventType', categories: [MANAGEMENT], targets: STORE, knownValues: EVENT_TYPES, source: FIELD_DOC },
  { field: 'errorCode', categories: [NETWORK_ACTIVITY], targets: BOTH, operators: ['Equals'], knownValues: DOCUMENTED_NETWORK_ACTIVITY_ERROR_CODES, source: FIELD_DOC },
  { field: 'sessionCredentialFromConsole', categories: [DATA], targets: BOTH, operators: ['Equals', 'NotEquals'], values: CONSOLE_VALUES, source: FIELD_DOC },
  { field: 'sessionCredentialFromConsole', categories: [MANAGEMENT], targets: STORE, operators: ['Equals', 'NotEquals'], values: CONSOLE_VALUES, source: FIELD_DOC },
  { field: 'resources.type', categories: [DATA], targets: BOTH, operators: ['Equals'], required: true, singleValue: true, source: `${FIELD_DOC}, resources.type` },
  { field: 'resources.ARN', categories: [DATA], targets: BOTH, source: FIELD_DOC },
  { field: 'userIdentity.arn', categories: [DATA], targets: BOTH, source: FIELD_DOC },
  { field: 'userIdentity.arn', categories: [MANAGEMENT], targets: STORE, source: FIELD_DOC },
  { field: 'vpcEndpointId', categories: [NETWORK_ACTIVITY], targets: BOTH, format: VPC_ENDPOINT_ID, source: FIELD_DOC },
];

/** Every field name the documentation knows. */
export const KNOWN_FIELDS = ['eventCategory', ...new Set(FIELD_USES.map(use => use.field))];

/** How a field may be used in a selector of this category on this target, or undefined when it may not. */
export function fieldUse(field: string, category: EventCategory, target: SelectorTarget): FieldUse | undefined {
  return FIELD_USES.find(use => use.field === field && use.categories.includes(category) && use.targets.includes(target));
}

/** The fields a selector of this category on this target must have, besides eventCategory. */
export function requiredFields(category: EventCategory, target: SelectorTarget): string[] {
  return FIELD_USES
    .filter(use => use.required && use.categories.includes(category) && use.targets.includes(target))
    .map(use => use.field);
}
