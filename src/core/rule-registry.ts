/**
 * Every rule the library checks, by its stable id: what RULES.md lists. A problem or warning names its rule by
 * id; the check itself lives beside the code it guards, and this registry says what the rule is, where AWS
 * documents it and how to satisfy it. Ids are PascalCase, like aws-cdk-lib's validation codes and cdk-nag's rule
 * names, and never change once released.
 */

/** What checks a rule: a construct, or the selector builder. */
export type RuleOwner =
  | 'OrganizationTrail'
  | 'SecurityAlarms'
  | 'LakeEventDataStore'
  | 'LakeQuery'
  | 'ScheduledLakeQuery'
  | 'LakeImport'
  | 'OrganizationDelegatedAdmin'
  | 'DataEventSelectors'
  | 'Operations';

/** One rule as RULES.md shows it. */
export interface RuleEntry {
  /** The constructs that check it. */
  readonly owners: readonly RuleOwner[];
  /** The property it is about, as users write it. */
  readonly property: string;
  /** The rule, in one sentence. */
  readonly rule: string;
  /** Where AWS documents it (API model, User Guide page, CloudFormation schema). */
  readonly source: string;
  /** What the user can change to satisfy it. */
  readonly fix: string;
  /** A warning about a setting that puts data or money at risk; synthesis goes on. Rules are errors otherwise. */
  readonly warning?: boolean;
}

const ALL: readonly RuleOwner[] = ['OrganizationTrail', 'LakeEventDataStore', 'LakeQuery', 'ScheduledLakeQuery', 'LakeImport',
  'OrganizationDelegatedAdmin', 'DataEventSelectors'];

export const RULES = {
  // ---- Shared by several constructs
  UnicodeText: {
    owners: ALL,
    property: 'any string',
    rule: 'A string is Unicode text: no lone UTF-16 surrogate (half of a character).',
    source: 'Template JSON (UTF-8); aws-cdk-lib CloudFormation validation F1101',
    fix: 'Remove the half character, or complete it.',
  },
  TagCount: {
    owners: ['OrganizationTrail', 'LakeEventDataStore'],
    property: 'tags',
    rule: 'A CloudTrail resource takes at most 50 tags, those Tags.of(...) adds included.',
    source: 'AddTags TagsList rules',
    fix: 'Remove tags, or exclude the resource from broad Tags.of(...) calls.',
  },
  TagKeyLength: {
    owners: ['OrganizationTrail', 'LakeEventDataStore'],
    property: 'tags',
    rule: 'A tag key has 1 to 128 characters.',
    source: 'AddTags TagsList rules',
    fix: 'Shorten the key.',
  },
  TagValueLength: {
    owners: ['OrganizationTrail', 'LakeEventDataStore'],
    property: 'tags',
    rule: 'A tag value has 1 to 256 characters.',
    source: 'AddTags TagsList rules',
    fix: 'Shorten the value.',
  },

  // ---- OrganizationTrail
  TrailNameLength: {
    owners: ['OrganizationTrail'],
    property: 'trailName',
    rule: 'A trail name has 3 to 128 characters.',
    source: 'CreateTrail Name rules',
    fix: 'Lengthen or shorten the name, or leave trailName out for a generated one.',
  },
  TrailNameCharacters: {
    owners: ['OrganizationTrail'],
    property: 'trailName',
    rule: "A trail name has only ASCII letters, digits, '.', '_' and '-'.",
    source: 'CreateTrail Name rules',
    fix: 'Remove or replace the other characters.',
  },
  TrailNameEnds: {
    owners: ['OrganizationTrail'],
    property: 'trailName',
    rule: 'A trail name starts and ends with a letter or digit.',
    source: 'CreateTrail Name rules',
    fix: 'Trim the leading or trailing punctuation.',
  },
  TrailNameSeparators: {
    owners: ['OrganizationTrail'],
    property: 'trailName',
    rule: "A trail name has no adjacent '.', '_' or '-', as in my--trail or my-_trail.",
    source: 'CreateTrail Name rules',
    fix: 'Keep one separator between words.',
  },
  TrailNameNotIpAddress: {
    owners: ['OrganizationTrail'],
    property: 'trailName',
    rule: 'A trail name is not in IP address format, such as 192.168.5.4.',
    source: 'CreateTrail Name rules',
    fix: 'Add letters to the name.',
  },

  // ---- SecurityAlarms
  MetricNamespaceLength: {
    owners: ['SecurityAlarms'],
    property: 'metricNamespace',
    rule: 'A metric namespace has 1 to 255 characters.',
    source: 'CloudWatch API Metric Namespace',
    fix: 'Shorten the namespace.',
  },
  MetricNamespaceCharacters: {
    owners: ['SecurityAlarms'],
    property: 'metricNamespace',
    rule: "A metric filter's namespace has no ':', '*' or '$'.",
    source: 'CloudWatch Logs API MetricTransformation metricNamespace',
    fix: 'Remove those characters.',
  },
  MetricNamespaceNotReserved: {
    owners: ['SecurityAlarms'],
    property: 'metricNamespace',
    rule: "A metric namespace does not start with 'AWS/', which AWS services use.",
    source: 'CloudWatch API PutMetricData Namespace',
    fix: 'Use a namespace of your own.',
  },

  // ---- LakeEventDataStore
  EventDataStoreNameLength: {
    owners: ['LakeEventDataStore'],
    property: 'eventDataStoreName',
    rule: 'An event data store name has 3 to 128 characters.',
    source: 'API model EventDataStoreName',
    fix: 'Lengthen or shorten the name, or leave eventDataStoreName out for a generated one.',
  },
  EventDataStoreNameCharacters: {
    owners: ['LakeEventDataStore'],
    property: 'eventDataStoreName',
    rule: "An event data store name has only ASCII letters, digits, '.', '_' and '-'.",
    source: 'API model EventDataStoreName',
    fix: 'Remove or replace the other characters.',
  },
  ContextKeyLength: {
    owners: ['LakeEventDataStore'],
    property: 'contextKeySelectors',
    rule: 'A context key has 1 to 128 characters.',
    source: 'API model ContextKeySelector Equals',
    fix: 'Shorten the key.',
  },
  ContextKeysUnique: {
    owners: ['LakeEventDataStore'],
    property: 'contextKeySelectors',
    rule: 'A context key selector lists each key once.',
    source: 'CloudFormation ContextKeySelector schema: unique Equals items',
    fix: 'List each key once.',
  },

  // ---- Lake operations
  QueryStatementLength: {
    owners: ['LakeQuery', 'ScheduledLakeQuery'],
    property: 'queryStatement',
    rule: 'A query statement has 1 to 10000 characters; with tokens, its literal part is checked as a lower bound.',
    source: 'API model QueryStatement',
    fix: 'Shorten the statement.',
  },
  ScheduleDescriptionLength: {
    owners: ['ScheduledLakeQuery'],
    property: 'description',
    rule: 'A schedule description has at most 512 characters.',
    source: 'EventBridge Scheduler CreateSchedule Description',
    fix: 'Shorten the description.',
  },

  // ---- LakeImport

  // ---- OrganizationDelegatedAdmin

  // ---- Operations (shared by LakeQuery, ScheduledLakeQuery, LakeImport, OrganizationDelegatedAdmin)

  // ---- DataEventSelectors
  SelectorNameLength: {
    owners: ['DataEventSelectors'],
    property: 'name',
    rule: 'An advanced event selector name has 1 to 1000 characters.',
    source: 'API model SelectorName; CloudFormation AdvancedEventSelector Name',
    fix: 'Shorten the name, or leave it out.',
  },
  SelectorFieldLength: {
    owners: ['DataEventSelectors'],
    property: 'field',
    rule: 'A field selector field has 1 to 1000 characters.',
    source: 'API model SelectorField',
    fix: 'Use a documented field name.',
  },
  SelectorValueLength: {
    owners: ['DataEventSelectors'],
    property: 'values',
    rule: 'An operator value has 1 to 2048 characters.',
    source: 'API model OperatorValue',
    fix: 'Shorten the value, or match a prefix of it with startsWith.',
  },
  SelectorValuesUnique: {
    owners: ['DataEventSelectors'],
    property: 'values',
    rule: 'An operator lists each value once.',
    source: 'CloudFormation AdvancedFieldSelector schema: unique items',
    fix: 'List each value once.',
  },
} satisfies Record<string, RuleEntry>;

/** The id of a rule in the registry. */
export type RuleId = keyof typeof RULES;
