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
  QueryStatementSingle: {
    owners: ['LakeQuery', 'ScheduledLakeQuery'],
    property: 'queryStatement',
    rule: "A query statement holds one SQL statement; ';' inside string literals, quoted identifiers and comments does not count.",
    source: 'StartQuery QueryStatement',
    fix: 'Split it into one LakeQuery per statement.',
  },
  QueryStatementReadOnly: {
    owners: ['LakeQuery', 'ScheduledLakeQuery'],
    property: 'queryStatement',
    rule: 'A query statement is a read-only SELECT query, or WITH … SELECT.',
    source: 'StartQuery QueryStatement',
    fix: 'Write a SELECT query; CloudTrail Lake cannot change data.',
  },
  QueryStatementWithSelect: {
    owners: ['LakeQuery', 'ScheduledLakeQuery'],
    property: 'queryStatement',
    rule: 'A WITH clause is followed by a SELECT query.',
    source: 'StartQuery QueryStatement',
    fix: 'End the query with a SELECT.',
  },
  QueryStatementStoreReference: {
    owners: ['LakeQuery', 'ScheduledLakeQuery'],
    property: 'queryStatement',
    rule: 'A query statement names the event data store it runs on by its ID, as in FROM <event data store ID>.',
    source: 'StartQuery QueryStatement',
    fix: 'Interpolate the store\'s ID into the statement: `SELECT … FROM ${store.eventDataStoreId}`.',
  },
  DeliveryPrefixNeedsBucket: {
    owners: ['LakeQuery'],
    property: 'deliveryPrefix',
    rule: 'A delivery prefix is a key prefix in the delivery bucket, so it needs a deliveryBucket.',
    source: 'StartQuery DeliveryS3Uri',
    fix: 'Pass deliveryBucket too, or drop deliveryPrefix.',
  },
  DeliveryS3UriLength: {
    owners: ['LakeQuery', 'ScheduledLakeQuery'],
    property: 'deliveryBucket, deliveryPrefix',
    rule: 'The delivery URI s3://<bucket>[/<prefix>] has at most 1024 characters.',
    source: 'API model DeliveryS3Uri',
    fix: 'Shorten the key prefix.',
  },
  DeliveryS3UriFormat: {
    owners: ['LakeQuery', 'ScheduledLakeQuery'],
    property: 'deliveryBucket',
    rule: "The delivery URI is s3://<bucket>[/<prefix>], with a bucket name of 3 to 63 lowercase letters, digits, '.' or '-' that starts and ends with a letter or digit.",
    source: 'API model DeliveryS3Uri',
    fix: 'Deliver to a bucket whose name follows the S3 naming rules.',
  },
  ConcurrentQueriesQuota: {
    owners: ['LakeQuery'],
    property: 'waitForCompletion',
    rule: 'Every LakeQuery but the last 10 of a stack waits for completion, because CloudTrail Lake runs at most 10 queries at once per account.',
    source: 'StartQuery MaxConcurrentQueriesException',
    fix: 'Let the earlier queries wait for completion, or keep at most 10 LakeQuery resources in the stack.',
  },
  KeyPrefixLeadingSlash: {
    owners: ['LakeQuery', 'ScheduledLakeQuery', 'LakeImport'],
    property: 'deliveryPrefix, sourcePrefix',
    rule: "A key prefix does not start with '/': the URI already separates the bucket from the prefix with one.",
    source: 'StartQuery DeliveryS3Uri; StartImport S3LocationUri',
    fix: "Remove the leading '/'.",
  },
  OrganizationIdFormat: {
    owners: ['OrganizationTrail'],
    property: 'orgId',
    rule: "An organization ID is 'o-' followed by 10 to 32 lowercase letters or digits.",
    source: 'Organizations API model OrganizationId (^o-[a-z0-9]{10,32}$)',
    fix: 'Copy the ID from `aws organizations describe-organization` (Organization.Id).',
  },
  AccountIdFormat: {
    owners: ['OrganizationTrail', 'OrganizationDelegatedAdmin'],
    property: 'managementAccountId, memberAccountId',
    rule: 'An AWS account ID has 12 digits.',
    source: 'Organizations API model AccountId (^\\d{12}$)',
    fix: "Pass the account's 12-digit ID, e.g. '111111111111'.",
  },
  BucketPolicyNotManaged: {
    owners: ['OrganizationTrail', 'LakeQuery', 'ScheduledLakeQuery'],
    property: 'bucket, deliveryBucket',
    rule: "A bucket this stack does not manage keeps its bucket policy; CloudTrail cannot write to it until the bucket's owner adds the statements the warning lists.",
    source: 'CreateTrail and StartQuery InsufficientS3BucketPolicyException',
    fix: 'Add the statements to the bucket policy, or pass a bucket of this stack; then acknowledge the warning.',
    warning: true,
  },
  KeyPolicyNotManaged: {
    owners: ['OrganizationTrail', 'LakeEventDataStore', 'LakeQuery', 'ScheduledLakeQuery'],
    property: 'encryptionKey, deliveryBucket',
    rule: "A KMS key this stack does not manage keeps its key policy; CloudTrail cannot use it until the key's owner adds the statements the warning lists.",
    source: 'CreateTrail, CreateEventDataStore and StartQuery InsufficientEncryptionPolicyException',
    fix: 'Add the statements to the key policy, or pass a key of this stack; then acknowledge the warning.',
    warning: true,
  },
  TopicPolicyNotManaged: {
    owners: ['OrganizationTrail'],
    property: 'snsTopic',
    rule: "An SNS topic this stack does not manage keeps its topic policy; CloudTrail cannot publish to it until the topic's owner adds the statement the warning lists.",
    source: 'CreateTrail InsufficientSnsTopicPolicyException',
    fix: 'Add the statement to the topic policy, or pass a topic of this stack; then acknowledge the warning.',
    warning: true,
  },
  RolePolicyNotManaged: {
    owners: ['LakeEventDataStore', 'LakeImport'],
    property: 'federationRole, role',
    rule: "A role this stack does not manage keeps its policies; the service cannot use it until the role's owner adds the statements the warning lists.",
    source: 'StartImport InvalidImportSourceException; CloudTrail User Guide, "Federate an event data store"',
    fix: 'Add the statements to the role, or leave the role out for one the construct creates; then acknowledge the warning.',
    warning: true,
  },

  // ---- LakeImport
  ImportStoreKind: {
    owners: ['LakeImport'],
    property: 'eventDataStore',
    rule: 'Trail events are imported into a store of CloudTrail events only.',
    source: 'StartImport InvalidEventDataStoreCategoryException',
    fix: 'Import into a LakeEventDataStore of kind EventDataStoreKind.CLOUDTRAIL_EVENTS.',
  },
  ImportSourceRegionFormat: {
    owners: ['LakeImport'],
    property: 'sourceRegion',
    rule: 'The source Region is an AWS Region name, such as us-east-1.',
    source: 'StartImport ImportSource S3BucketRegion',
    fix: "Pass the source bucket's Region, or leave sourceRegion out for the bucket's.",
  },
  ImportEventTimeValid: {
    owners: ['LakeImport'],
    property: 'startEventTime, endEventTime',
    rule: 'An import time bound is a valid date.',
    source: 'StartImport StartEventTime / EndEventTime',
    fix: "Pass a Date such as new Date('2026-01-01T00:00:00Z').",
  },
  ImportTimeRange: {
    owners: ['LakeImport'],
    property: 'startEventTime',
    rule: 'An import starts before it ends: startEventTime is before endEventTime.',
    source: 'StartImport StartEventTime / EndEventTime',
    fix: 'Swap the two dates, or move startEventTime earlier.',
  },
  OneImportAtATime: {
    owners: ['LakeImport'],
    property: 'waitForCompletion',
    rule: 'Every LakeImport of a stack but the last waits for completion, because CloudTrail runs one import per account at a time.',
    source: 'StartImport AccountHasOngoingImportException',
    fix: 'Let the earlier import wait for completion, or deploy the later import in a later deployment.',
  },

  // ---- OrganizationDelegatedAdmin
  DelegatedAdminNotManagementAccount: {
    owners: ['OrganizationDelegatedAdmin'],
    property: 'memberAccountId',
    rule: 'A delegated administrator is a member account, not the management account the stack deploys to.',
    source: 'RegisterOrganizationDelegatedAdmin CannotDelegateManagementAccountException',
    fix: 'Pass a member account, such as your security tooling account.',
  },
  DelegatedAdminUnique: {
    owners: ['OrganizationDelegatedAdmin'],
    property: 'memberAccountId',
    rule: 'A stack registers each delegated administrator account once.',
    source: 'RegisterOrganizationDelegatedAdmin AccountRegisteredException',
    fix: 'Keep one OrganizationDelegatedAdmin per account.',
  },
  DelegatedAdminsQuota: {
    owners: ['OrganizationDelegatedAdmin'],
    property: 'memberAccountId',
    rule: 'An organization has at most 3 CloudTrail delegated administrators.',
    source: 'RegisterOrganizationDelegatedAdmin DelegatedAdminAccountLimitExceededException',
    fix: 'Keep at most 3 OrganizationDelegatedAdmin resources.',
  },
  DelegatedAdminTrailManagementAccount: {
    owners: ['OrganizationTrail'],
    property: 'managementAccountId',
    rule: "An organization trail deployed to an account the app registers as delegated administrator names the management account, which owns the trail and whose ID is in the trail's ARN.",
    source: 'CloudTrail User Guide, "Organization delegated administrator"',
    fix: "Pass managementAccountId: the ID of the organization's management account.",
  },

  // ---- Operations (shared by LakeQuery, ScheduledLakeQuery, LakeImport, OrganizationDelegatedAdmin)
  OperationTimeoutKnown: {
    owners: ['Operations'],
    property: 'timeout',
    rule: 'An operation timeout is known at synth time, because the wait is bounded below the custom-resource limit.',
    source: 'AWS::CloudFormation::CustomResource ServiceTimeout',
    fix: 'Pass a literal Duration.',
  },
  OperationTimeoutRange: {
    owners: ['Operations'],
    property: 'timeout',
    rule: 'An operation waits whole seconds from 1 to 55 minutes, because CloudFormation fails a custom resource that has not answered within 60 minutes.',
    source: 'AWS::CloudFormation::CustomResource ServiceTimeout',
    fix: 'Wait 1 to 55 minutes, or set waitForCompletion: false and follow the operation outside the deployment.',
  },

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
