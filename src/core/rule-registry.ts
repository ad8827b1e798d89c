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
  EnvironmentAgnosticChecksSkipped: {
    owners: ['OrganizationTrail', 'LakeEventDataStore', 'OrganizationDelegatedAdmin'],
    property: 'the stack\'s env',
    rule: 'A stack without an account or Region (environment-agnostic, the cdk init default) cannot have its per-account checks made: '
      + 'the trail and event data store quotas, the owner of organization resources created from a delegated administrator account, '
      + 'the Insights destination\'s account, a delegated administrator that is the management account, management events logged by two trails; '
      + 'one warning per stack names those skipped.',
    source: 'CloudTrail quotas; User Guide, "Organization delegated administrator"; PutInsightSelectors; RegisterOrganizationDelegatedAdmin',
    fix: 'Give the stack env: { account, region }.',
    warning: true,
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
  S3KeyPrefixLength: {
    owners: ['OrganizationTrail'],
    property: 's3KeyPrefix',
    rule: 'An S3 key prefix has at most 200 characters.',
    source: 'CreateTrail S3KeyPrefix',
    fix: 'Shorten the prefix.',
  },
  SnsTopicNameLength: {
    owners: ['OrganizationTrail'],
    property: 'snsTopic',
    rule: "The notification topic's name has at most 256 characters.",
    source: 'CreateTrail SnsTopicName',
    fix: 'Use a topic with a shorter name.',
  },
  LogGroupNeedsDelivery: {
    owners: ['OrganizationTrail'],
    property: 'cloudWatchLogGroup',
    rule: 'A log group is named only when events go to CloudWatch Logs.',
    source: 'CreateTrail CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn',
    fix: 'Set sendToCloudWatchLogs to true, or leave cloudWatchLogGroup out.',
  },
  LogsRetentionNeedsOwnLogGroup: {
    owners: ['OrganizationTrail'],
    property: 'cloudWatchLogsRetention',
    rule: 'A retention is set only for the log group the trail creates.',
    source: 'AWS::Logs::LogGroup RetentionInDays',
    fix: 'Set the retention on the given log group, or leave cloudWatchLogsRetention out.',
  },
  MultiRegionTrailGlobalServiceEvents: {
    owners: ['OrganizationTrail'],
    property: 'includeGlobalServiceEvents',
    rule: 'A multi-Region trail includes global service events.',
    source: 'CreateTrail InvalidParameterCombinationException',
    fix: 'Leave includeGlobalServiceEvents on, or set isMultiRegionTrail to false.',
  },
  InsightTypesUnique: {
    owners: ['OrganizationTrail', 'LakeEventDataStore'],
    property: 'insightTypes',
    rule: 'Each Insights type is listed once.',
    source: 'PutInsightSelectors',
    fix: 'List each Insights type once.',
  },
  InsightTypeManagementEvents: {
    owners: ['OrganizationTrail', 'LakeEventDataStore'],
    property: 'insightTypes',
    rule: 'API call rate Insights need write management events; API error rate Insights need read or write management events.',
    source: 'PutInsightSelectors',
    fix: 'Log the management events the Insights type analyzes, or drop the type.',
  },
  InsightTypesEmpty: {
    owners: ['OrganizationTrail', 'LakeEventDataStore'],
    property: 'insightTypes',
    rule: 'An empty list turns Insights off, which leaving it out already does.',
    source: 'PutInsightSelectors',
    fix: 'Leave insightTypes out.',
  },
  RemovalPolicyNoSnapshot: {
    owners: ['OrganizationTrail', 'LakeEventDataStore'],
    property: 'removalPolicy',
    rule: 'RemovalPolicy.SNAPSHOT is only for resources with snapshots; trails, buckets, keys, log groups and event data stores have none.',
    source: 'CloudFormation DeletionPolicy',
    fix: 'Use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY.',
  },
  LogFileExpirationDays: {
    owners: ['OrganizationTrail'],
    property: 'logFileExpiration',
    rule: 'Log files expire after a whole number of days, at least 1.',
    source: 'AWS::S3::Bucket Rule ExpirationInDays',
    fix: 'Use Duration.days(n) with a whole n of 1 or more.',
  },
  LogFileExpirationNeedsOwnBucket: {
    owners: ['OrganizationTrail'],
    property: 'logFileExpiration',
    rule: 'Log file expiration applies to the bucket the trail creates, not to a given bucket.',
    source: 'AWS::S3::Bucket LifecycleConfiguration',
    fix: 'Add a lifecycle rule to the given bucket, or leave logFileExpiration out.',
  },
  TrailQuota: {
    owners: ['OrganizationTrail'],
    property: 'trail',
    rule: 'An account has at most 5 trails per Region; a multi-Region trail counts in every Region, and an organization trail '
      + 'created from a delegated administrator account counts in the management account.',
    source: 'CloudTrail quotas; CreateTrail MaximumNumberOfTrailsExceededException; User Guide, "Organization delegated administrator"',
    fix: 'Combine trails: one organization trail with advanced event selectors logs what several trails would.',
  },
  SecurityAlarmsNeedLogGroup: {
    owners: ['OrganizationTrail'],
    property: 'sendToCloudWatchLogs, logGroup',
    rule: "Security alarms filter the events in the trail's log group.",
    source: 'CloudWatch Logs metric filters',
    fix: 'Leave sendToCloudWatchLogs on, or pass cloudWatchLogGroup; for an imported trail, pass logGroup to OrganizationTrail.fromTrailAttributes.',
  },
  SingleRegionTrail: {
    owners: ['OrganizationTrail'],
    property: 'isMultiRegionTrail',
    rule: "A single-Region trail leaves activity in every other Region unlogged, including an attacker's in an unused Region.",
    source: 'CreateTrail IsMultiRegionTrail',
    fix: 'Leave isMultiRegionTrail on.',
    warning: true,
  },
  NoGlobalServiceEvents: {
    owners: ['OrganizationTrail'],
    property: 'includeGlobalServiceEvents',
    rule: 'Without global service events, IAM, AWS STS and CloudFront API calls are not logged.',
    source: 'CreateTrail IncludeGlobalServiceEvents',
    fix: 'Leave includeGlobalServiceEvents on.',
    warning: true,
  },
  NoLogFileValidation: {
    owners: ['OrganizationTrail'],
    property: 'enableFileValidation',
    rule: 'Without log file validation, nobody can prove later that log files were not changed or deleted.',
    source: 'CreateTrail EnableLogFileValidation; CloudTrail User Guide, "Validating CloudTrail log file integrity"',
    fix: 'Leave enableFileValidation on.',
    warning: true,
  },
  TrailNotLogging: {
    owners: ['OrganizationTrail'],
    property: 'isLogging',
    rule: 'A trail created with logging off logs nothing until StartLogging.',
    source: 'AWS::CloudTrail::Trail IsLogging',
    fix: 'Leave isLogging on.',
    warning: true,
  },
  OwnBucketLogged: {
    owners: ['OrganizationTrail'],
    property: 'excludeOwnBucketFromDataEvents',
    rule: 'A trail that logs S3 data events of its own bucket logs every log delivery again, without end, and bills it.',
    source: 'CloudTrail User Guide, "Logging data events" (a trail that logs its own bucket)',
    fix: 'Leave excludeOwnBucketFromDataEvents on.',
    warning: true,
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
  SecurityAlarmChecksEmpty: {
    owners: ['SecurityAlarms'],
    property: 'checks',
    rule: 'An empty list of checks creates no metric filter or alarm.',
    source: 'CIS AWS Foundations Benchmark, monitoring section',
    fix: 'Name at least one check, or leave checks out for all of them.',
  },
  SecurityAlarmChecksUnique: {
    owners: ['SecurityAlarms'],
    property: 'checks',
    rule: 'Each check is listed once; it has one metric filter and one alarm.',
    source: 'AWS::Logs::MetricFilter, AWS::CloudWatch::Alarm',
    fix: 'List each check once.',
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
  EventDataStoreArnFormat: {
    owners: ['LakeEventDataStore'],
    property: 'eventDataStoreArn',
    rule: 'An imported store is named by its ARN, arn:<partition>:cloudtrail:<region>:<account>:eventdatastore/<id>, in a partition '
      + '(aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc) and a Region of that partition.',
    source: 'API model EventDataStoreArn; AWS SDK endpoint partitions (regionRegex)',
    fix: 'Copy the ARN from aws cloudtrail list-event-data-stores.',
  },
  RetentionWholeDays: {
    owners: ['LakeEventDataStore'],
    property: 'retention',
    rule: 'Retention is a whole number of days.',
    source: 'CreateEventDataStore RetentionPeriod',
    fix: 'Use Duration.days(n) with a whole n.',
  },
  RetentionRange: {
    owners: ['LakeEventDataStore'],
    property: 'retention',
    rule: 'Retention is 7 to 3653 days with extendable retention pricing, 7 to 2557 days with fixed retention pricing.',
    source: 'CreateEventDataStore RetentionPeriod',
    fix: 'Keep events within the range, or use EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING for up to 3653 days.',
  },
  ContextKeySelectorCount: {
    owners: ['LakeEventDataStore'],
    property: 'contextKeySelectors',
    rule: 'An event data store takes at most 2 context key selectors.',
    source: 'PutEventConfiguration ContextKeySelectors',
    fix: 'List each context type once, with all its keys.',
  },
  ContextKeyCount: {
    owners: ['LakeEventDataStore'],
    property: 'contextKeySelectors',
    rule: 'A context key selector has 1 to 50 keys.',
    source: 'PutEventConfiguration ContextKeySelectors Equals',
    fix: 'Keep the keys you query most.',
  },
  RequestContextKeyUnsupported: {
    owners: ['LakeEventDataStore'],
    property: 'contextKeySelectors',
    rule: 'A RequestContext selector takes only the IAM global condition keys CloudTrail documents for enriched events, and principal tag keys (aws:PrincipalTag/<key>); TagContext takes any resource tag key.',
    source: 'User Guide, "Enrich CloudTrail events by adding resource tag keys and IAM global condition keys" (Supported IAM global condition keys for enriched events)',
    fix: 'Use a documented key, or put resource tag keys in a TagContext selector.',
  },
  ContextKeysNeedLargeEvents: {
    owners: ['LakeEventDataStore'],
    property: 'maxEventSize',
    rule: 'Context key selectors need the Large maximum event size.',
    source: 'PutEventConfiguration ContextKeySelectors',
    fix: 'Set maxEventSize to MaxEventSize.LARGE, or leave it out.',
  },
  EventDataStoreQuota: {
    owners: ['LakeEventDataStore'],
    property: 'eventDataStore',
    rule: 'An account has at most 10 event data stores per Region; a multi-Region store counts in every Region of its account, '
      + 'and an organization store created from a delegated administrator account counts in the management account.',
    source: 'CloudTrail quotas ("single-Region event data stores for the Region, multi-Region event data stores across all AWS Regions, '
      + 'and organization event data stores"); User Guide, "Organization delegated administrator"; EventDataStoreMaxLimitExceededException',
    fix: 'Combine stores: one store takes up to five advanced event selectors.',
  },
  ResourcePolicyStatement: {
    owners: ['LakeEventDataStore'],
    property: 'resourcePolicy',
    rule: "Every statement of a store's resource policy names a principal.",
    source: 'PutResourcePolicy ResourcePolicy',
    fix: 'Give every statement the accounts or roles that may query the store.',
  },
  ResourcePolicyActions: {
    owners: ['LakeEventDataStore'],
    property: 'resourcePolicy',
    rule: "A store's resource policy allows only the query actions CloudTrail supports in it.",
    source: 'CloudTrail User Guide, "Resource-based policy examples for event data stores"',
    fix: "Grant other actions in the principal's own IAM policy.",
  },
  ResourcePolicyLength: {
    owners: ['LakeEventDataStore'],
    property: 'resourcePolicy',
    rule: "A store's resource policy has at most 8192 characters of JSON.",
    source: 'PutResourcePolicy ResourcePolicy',
    fix: 'Grant whole accounts, or fewer and broader principals.',
  },
  FederationRoleArnLength: {
    owners: ['LakeEventDataStore'],
    property: 'federationRole',
    rule: "The federation role's ARN has at most 125 characters.",
    source: 'API model FederationRoleArn',
    fix: 'Use a role with a shorter path and name.',
  },
  FederationRoleNeedsFederation: {
    owners: ['LakeEventDataStore'],
    property: 'federationRole',
    rule: 'A federation role is named only when federation is on.',
    source: 'CreateEventDataStore FederationRoleArn',
    fix: 'Set federationEnabled to true, or leave federationRole out.',
  },
  StoreKindCloudTrailProps: {
    owners: ['LakeEventDataStore'],
    property: 'kind',
    rule: 'Props that configure CloudTrail events (management and data events, Insights, context keys, event size) need a store of CloudTrail events.',
    source: 'CreateEventDataStore AdvancedEventSelectors (one store holds one kind of event)',
    fix: 'Leave those props out, or use a store of kind EventDataStoreKind.CLOUDTRAIL_EVENTS.',
  },
  StoreKindSelectors: {
    owners: ['LakeEventDataStore'],
    property: 'dataEvents',
    rule: "Configuration items, Insights and external events are selected by the store's kind, not by data event selectors.",
    source: 'CreateEventDataStore AdvancedEventSelectors',
    fix: 'Create a store of that kind, without dataEvents.',
  },
  ExternalEventsStoreScope: {
    owners: ['LakeEventDataStore'],
    property: 'multiRegionEnabled, organizationEnabled',
    rule: 'A store of events from outside AWS is single-Region and single-account.',
    source: 'CloudTrail User Guide, "Create an integration with an event source outside of AWS"',
    fix: 'Leave multiRegionEnabled and organizationEnabled out.',
  },
  IngestionControlKind: {
    owners: ['LakeEventDataStore'],
    property: 'ingestionEnabled',
    rule: 'Only stores of CloudTrail events or AWS Config configuration items can be created without ingestion.',
    source: 'CreateEventDataStore StartIngestion; StopEventDataStoreIngestion',
    fix: 'Leave ingestionEnabled out.',
  },
  InsightsDestinationRequired: {
    owners: ['LakeEventDataStore'],
    property: 'insightsDestination',
    rule: 'Insights on a store need a destination store for the Insights events.',
    source: 'PutInsightSelectors (EventDataStore and InsightsDestination together)',
    fix: 'Pass a LakeEventDataStore of kind EventDataStoreKind.INSIGHTS as insightsDestination.',
  },
  InsightsDestinationNeedsInsights: {
    owners: ['LakeEventDataStore'],
    property: 'insightsDestination',
    rule: 'A destination for Insights events is named only with Insights types.',
    source: 'PutInsightSelectors',
    fix: 'Set insightTypes, or leave insightsDestination out.',
  },
  InsightsDestinationKind: {
    owners: ['LakeEventDataStore'],
    property: 'insightsDestination',
    rule: 'The Insights destination is a store of Insights events.',
    source: 'PutInsightSelectors InsightsDestination',
    fix: 'Pass a LakeEventDataStore of kind EventDataStoreKind.INSIGHTS.',
  },
  InsightsDestinationAccount: {
    owners: ['LakeEventDataStore'],
    property: 'insightsDestination',
    rule: 'The source and destination stores of Insights belong to the same account.',
    source: 'PutInsightSelectors',
    fix: "Use a destination store in the source store's account.",
  },
  DestroyProtectedStore: {
    owners: ['LakeEventDataStore'],
    property: 'removalPolicy',
    rule: 'A store with termination protection cannot be deleted, so RemovalPolicy.DESTROY makes the stack deletion fail.',
    source: 'DeleteEventDataStore EventDataStoreTerminationProtectedException',
    fix: 'Set terminationProtection to false first, or keep RemovalPolicy.RETAIN.',
    warning: true,
  },
  DestroyFederatedStore: {
    owners: ['LakeEventDataStore'],
    property: 'removalPolicy',
    rule: 'A federated store cannot be deleted, so RemovalPolicy.DESTROY makes the stack deletion fail.',
    source: 'DeleteEventDataStore EventDataStoreFederationEnabledException',
    fix: 'Turn federation off first, or keep RemovalPolicy.RETAIN.',
    warning: true,
  },
  NoTerminationProtection: {
    owners: ['LakeEventDataStore'],
    property: 'terminationProtection',
    rule: 'Without termination protection, anyone allowed to call DeleteEventDataStore can delete the store and its events.',
    source: 'CreateEventDataStore TerminationProtectionEnabled',
    fix: 'Leave terminationProtection on.',
    warning: true,
  },
  SingleRegionStore: {
    owners: ['LakeEventDataStore'],
    property: 'multiRegionEnabled',
    rule: 'A single-Region store collects no events of other Regions.',
    source: 'CreateEventDataStore MultiRegionEnabled',
    fix: 'Leave multiRegionEnabled on.',
    warning: true,
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
    owners: ['OrganizationTrail', 'OrganizationDelegatedAdmin', 'LakeQuery', 'ScheduledLakeQuery'],
    property: 'managementAccountId, memberAccountId, eventDataStoreOwnerAccountId',
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
    rule: 'The source Region is an AWS Region name of any partition, such as us-east-1, cn-north-1, us-gov-west-1, us-isob-east-1 or eusc-de-east-1.',
    source: 'StartImport ImportSource S3BucketRegion; AWS SDK endpoint partitions (regionRegex)',
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
  FieldSelectorsRequired: {
    owners: ['DataEventSelectors'],
    property: 'fieldSelectors',
    rule: 'An advanced event selector has at least one field selector.',
    source: 'API model AdvancedEventSelector',
    fix: 'Add at least { field: \'eventCategory\', equalTo: [...] }.',
  },
  SelectorFieldKnown: {
    owners: ['DataEventSelectors'],
    property: 'field',
    rule: 'A field selector\'s field is one advanced event selectors know (letters, digits, \'_\' and \'.\').',
    source: 'AdvancedFieldSelector Field',
    fix: 'Correct the spelling, or use one of the documented fields.',
  },
  SelectorOperatorRequired: {
    owners: ['DataEventSelectors'],
    property: 'fieldSelectors',
    rule: 'A field selector has at least one operator (equalTo, notEquals, startsWith, notStartsWith, endsWith, notEndsWith).',
    source: 'API model AdvancedFieldSelector',
    fix: 'Add a condition, or remove the field selector.',
  },
  SelectorValuesRequired: {
    owners: ['DataEventSelectors'],
    property: 'values',
    rule: 'An operator has at least one value.',
    source: 'API model Operator, min 1',
    fix: 'Add a value, or leave the operator out.',
  },
  SelectorListToken: {
    owners: ['DataEventSelectors'],
    property: 'values',
    rule: 'A list token (such as a CfnParameter\'s valueAsList) is the only value of its operator, since only CloudFormation knows the list it stands for.',
    source: 'CloudFormation list tokens',
    fix: 'Pass literal values, or the list token alone in a condition that nothing else adds to.',
  },
  SelectorValuePattern: {
    owners: ['DataEventSelectors'],
    property: 'values',
    rule: 'An operator value has a character other than a line break.',
    source: 'API model OperatorValue pattern .+',
    fix: 'Remove the value, or write what it should match.',
  },
  EventCategoryFieldSelector: {
    owners: ['DataEventSelectors'],
    property: 'fieldSelectors',
    rule: 'Every advanced event selector has exactly one eventCategory field selector.',
    source: 'AdvancedFieldSelector Field, eventCategory',
    fix: 'Add { field: \'eventCategory\', equalTo: [...] }, or split the selector in one selector per category.',
  },
  EventCategoryOperator: {
    owners: ['DataEventSelectors'],
    property: 'fieldSelectors',
    rule: 'eventCategory takes only the Equals operator.',
    source: 'AdvancedFieldSelector Field, eventCategory',
    fix: 'Use equalTo.',
  },
  EventCategorySingleValue: {
    owners: ['DataEventSelectors'],
    property: 'fieldSelectors',
    rule: 'eventCategory takes exactly one value.',
    source: 'AdvancedFieldSelector Field, eventCategory',
    fix: 'Use one selector per event category.',
  },
  EventCategoryValue: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'fieldSelectors',
    rule: 'eventCategory is Management, Data or NetworkActivity on a trail; an event data store also takes Insight, ConfigurationItem, Evidence and ActivityAuditLog.',
    source: 'AdvancedFieldSelector Field, eventCategory',
    fix: 'Correct the spelling, or log store-only categories to a LakeEventDataStore.',
  },
  SelectorFieldAllowed: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'fieldSelectors',
    rule: 'A field is used only in the selectors of the event categories and targets (trail or event data store) the documentation allows it in.',
    source: 'AdvancedFieldSelector Field',
    fix: 'Remove the field selector, or move it to a selector or target that allows it.',
  },
  SelectorFieldOperator: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'fieldSelectors',
    rule: 'Some fields take only some operators, e.g. readOnly and resources.type only Equals, eventSource on trail management selectors only NotEquals.',
    source: 'AdvancedFieldSelector Field',
    fix: 'Use an operator the field takes.',
  },
  SelectorFieldValue: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'fieldSelectors',
    rule: 'Some fields take only documented values: readOnly \'true\' or \'false\', sessionCredentialFromConsole \'true\', eventSource on trail management selectors \'kms.amazonaws.com\' or \'rdsdata.amazonaws.com\'.',
    source: 'AdvancedFieldSelector Field',
    fix: 'Use a documented value.',
  },
  SelectorFieldSingleValue: {
    owners: ['DataEventSelectors'],
    property: 'fieldSelectors',
    rule: 'resources.type in Data selectors and eventSource in NetworkActivity selectors take exactly one value.',
    source: 'AdvancedFieldSelector Field, resources.type; AdvancedFieldSelector Field, eventSource for network activity events',
    fix: 'Add one selector per value.',
  },
  RequiredFieldSelector: {
    owners: ['DataEventSelectors'],
    property: 'fieldSelectors',
    rule: 'Data selectors have exactly one resources.type field selector, and NetworkActivity selectors exactly one eventSource field selector.',
    source: 'AdvancedFieldSelector Field, resources.type; AdvancedFieldSelector Field, eventSource',
    fix: 'Add the field selector, or split the selector in one selector per value.',
  },
  ResourceTypeKnown: {
    owners: ['DataEventSelectors'],
    property: 'resources.type',
    rule: 'resources.type is a data resource type of this library\'s catalogue, or one declared with DataResourceType.of.',
    source: 'AdvancedFieldSelector Field, resources.type',
    fix: 'Use a DataResourceType constant, or declare a newer type with DataResourceType.of.',
  },
  ResourceArnFormat: {
    owners: ['DataEventSelectors'],
    property: 'resources.ARN',
    rule: 'With Equals or NotEquals, a resources.ARN value has one of the documented ARN formats of the selector\'s resource type, '
      + 'in a known partition and a Region of that partition.',
    source: 'AdvancedFieldSelector Field, resources.ARN; AWS SDK endpoint partitions (regionRegex)',
    fix: 'Use the full resource ARN, or startsWith for a prefix.',
  },
  SelectorValuesQuota: {
    owners: ['DataEventSelectors'],
    property: 'dataEvents',
    rule: 'The advanced event selectors of a trail or an event data store hold at most 500 values across all their conditions.',
    source: 'CloudTrail quotas',
    fix: 'Cover many resources with one startsWith prefix, or log fewer resources.',
  },
  DataResourcesQuota: {
    owners: ['DataEventSelectors'],
    property: 'dataEvents',
    rule: 'The Data selectors name at most 250 data resources (resources.ARN values with Equals, StartsWith or EndsWith), exclusions not counted.',
    source: 'CloudTrail quotas',
    fix: 'Log all resources of the type, or group resources under shared startsWith prefixes.',
  },
  SelectorCount: {
    owners: ['DataEventSelectors', 'LakeEventDataStore'],
    property: 'dataEvents',
    rule: 'An event data store takes at most 5 advanced event selectors, the management-events selector included.',
    source: 'CreateEventDataStore AdvancedEventSelectors',
    fix: 'Merge selectors of the same resource type, or use a second event data store.',
  },
  EventDataStoreEventKind: {
    owners: ['DataEventSelectors', 'LakeEventDataStore'],
    property: 'dataEvents',
    rule: 'An event data store holds one kind of event: CloudTrail events (Management, Data, NetworkActivity), or only one of Insight, ConfigurationItem, Evidence, ActivityAuditLog.',
    source: 'CreateEventDataStore',
    fix: 'Use one event data store per kind.',
  },
  ObjectPrefixNeedsBuckets: {
    owners: ['DataEventSelectors'],
    property: 'objectPrefix',
    rule: 'An S3 object prefix applies to the given buckets, so it needs buckets.',
    source: 'This library: addS3Objects',
    fix: 'Add buckets, or use resourceArns: { startsWith: [\'arn:aws:s3:::bucket/prefix\'] }.',
  },
  ResourceListNotEmpty: {
    owners: ['DataEventSelectors'],
    property: 'buckets, functions, tables',
    rule: 'A list of buckets, functions or tables is not empty, since an empty list would log every resource.',
    source: 'This library: addS3Objects, addLambdaFunctions, addDynamoDbTables',
    fix: 'Name at least one resource, or leave the option out to log every resource.',
  },
  ReadWriteTypeNotNone: {
    owners: ['DataEventSelectors'],
    property: 'readWriteType',
    rule: 'A data selector\'s readWriteType is not ReadWriteType.NONE, which would log nothing.',
    source: 'PutEventSelectors ReadWriteType',
    fix: 'Leave the selector out, or use READ_ONLY, WRITE_ONLY or ALL.',
  },
  ManagementEventsNoneNeedsData: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'managementEvents',
    rule: 'managementEvents ReadWriteType.NONE needs data events, since without selectors CloudTrail logs all management events.',
    source: 'PutEventSelectors',
    fix: 'Add data events, or log management events.',
  },
  ExcludedSourcesNeedManagementEvents: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'excludeManagementEventSources',
    rule: 'Management event sources are excluded only when management events are logged.',
    source: 'PutEventSelectors',
    fix: 'Leave excludeManagementEventSources out, or log management events.',
  },
  NoBasicEventSelectors: {
    owners: ['DataEventSelectors'],
    property: 'eventSelectors',
    rule: 'A trail takes basic event selectors or advanced event selectors, not both.',
    source: 'PutEventSelectors',
    fix: 'Remove the basic event selectors; DataEventSelectors covers every basic selector and more.',
  },
  UncheckedResourceType: {
    owners: ['DataEventSelectors'],
    property: 'resources.type',
    rule: 'The resources.ARN values of a resource type outside this library\'s catalogue are not checked against an ARN format.',
    source: 'AdvancedFieldSelector Field, resources.ARN',
    fix: 'Check those ARNs against the type\'s documented format, then acknowledge the warning.',
    warning: true,
  },
  UncheckedFieldValue: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'fieldSelectors',
    rule: 'An Equals or NotEquals value of a field whose documented values grow (eventSource of network activity events: cloudtrail, ec2, kms, secretsmanager and s3 .amazonaws.com; errorCode: VpceAccessDenied; eventType: AwsApiCall, AwsServiceEvent, AwsConsoleAction, AwsConsoleSignIn, AwsVpceEvent) is outside the values documented when this library was released; CloudTrail rejects it unless it is newer.',
    source: 'AdvancedFieldSelector Field; User Guide, Logging network activity events; User Guide, CloudTrail record contents, eventType',
    fix: 'Correct the value, or check that CloudTrail documents it now and acknowledge the warning.',
    warning: true,
  },
  BucketPrefixTrailingSlash: {
    owners: ['DataEventSelectors', 'OrganizationTrail', 'LakeEventDataStore'],
    property: 'resourceArns',
    rule: 'A StartsWith or NotStartsWith value on S3 object ARNs that is a bucket ARN without its trailing \'/\' also matches the objects of every bucket whose name starts with that bucket\'s name.',
    source: 'AdvancedFieldSelector Field, resources.ARN',
    fix: 'End the prefix with \'/\' (addS3Objects with buckets does), or acknowledge the warning when the wider match is meant.',
    warning: true,
  },
  // ---- OrganizationTrail imports (fromTrailArn, fromTrailAttributes)
  TrailArnFormat: {
    owners: ['OrganizationTrail'],
    property: 'trailArn',
    rule: 'An imported trail is named by its ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name>, in a partition '
      + '(aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc) and a Region of that partition; the name follows the trail name rules.',
    source: 'CreateTrail TrailARN; AWS SDK endpoint partitions (regionRegex)',
    fix: 'Copy the ARN from aws cloudtrail describe-trails (TrailARN).',
  },
  ImportedTrailNeedsBucket: {
    owners: ['OrganizationTrail'],
    property: 'bucket',
    rule: 'grantRead on an imported trail grants reading its log bucket, so the import names the bucket.',
    source: 'This library: OrganizationTrail.fromTrailAttributes',
    fix: 'Import the trail with OrganizationTrail.fromTrailAttributes and pass its bucket (and encryptionKey).',
  },
  // ---- OrganizationTrail: management events logged twice
  DuplicateManagementEvents: {
    owners: ['OrganizationTrail'],
    property: 'managementEvents',
    rule: 'Two trails of the app do not log the same management events in one account and Region: an organization trail logs its management '
      + 'account and every member account, a multi-Region trail every Region; CloudTrail charges for every copy of management events after the first. '
      + 'The later trail is warned (an aws-cdk-lib Trail or CfnTrail too, when the earlier one is an OrganizationTrail), naming the earlier.',
    source: 'AWS CloudTrail pricing; User Guide, "Managing CloudTrail costs"',
    fix: 'Log management events in one trail only: give the other managementEvents: ReadWriteType.NONE (data events or Insights only), or remove it.',
    warning: true,
  },
} satisfies Record<string, RuleEntry>;

/** The id of a rule in the registry. */
export type RuleId = keyof typeof RULES;
