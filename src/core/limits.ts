/**
 * Every documented CloudTrail number the library enforces, each with its source. "API model" is
 * shared/reference/cloudtrail-api-2013-11-01.json; seed files are in shared/seeds/.
 */

/** An inclusive range of lengths or counts. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

// CreateTrail Name: "Be between 3 and 128 characters" (seed 000)
export const TRAIL_NAME_LENGTH: Range = { min: 3, max: 128 };

// API model EventDataStoreName: min 3, max 128, pattern ^[a-zA-Z0-9._\-]+$
export const EVENT_DATA_STORE_NAME_LENGTH: Range = { min: 3, max: 128 };

// CreateTrail S3KeyPrefix: "The maximum length is 200 characters" (seed 000)
export const S3_KEY_PREFIX_MAX_LENGTH = 200;

// CreateTrail SnsTopicName: "The maximum length is 256 characters" (seed 000)
export const SNS_TOPIC_NAME_MAX_LENGTH = 256;

// API model SelectorName: max 1000; CloudFormation's schema also rejects an empty name (min 1)
export const SELECTOR_NAME_LENGTH: Range = { min: 1, max: 1000 };

// API model SelectorField: min 1, max 1000, pattern [\w|\d|\.|_]+
export const SELECTOR_FIELD_LENGTH: Range = { min: 1, max: 1000 };

// API model OperatorValue: min 1, max 2048
export const OPERATOR_VALUE_LENGTH: Range = { min: 1, max: 2048 };

// CloudTrail quotas: "500 total values for all conditions in all advanced event selectors" per trail or store
export const MAX_ADVANCED_SELECTOR_VALUES = 500;

// CloudTrail quotas (global page): data resources across the advanced event selectors of a trail or store, unless all
// resources of a type are logged; newer Regional pages list only the 500-values limit. Exclusions are not counted.
export const MAX_DATA_RESOURCES = 250;

// CreateEventDataStore AdvancedEventSelectors: at most 5 selectors on an event data store
export const MAX_EVENT_DATA_STORE_SELECTORS = 5;

// CreateTrail (2018 release note, seed 001): "A maximum of five trails can exist in a region"
export const MAX_TRAILS_PER_REGION = 5;

// CloudTrail quotas: event data stores per Region per account
export const MAX_EVENT_DATA_STORES_PER_REGION = 10;

// API model TagKey: min 1, max 128 (AddTags: "no longer than 128 Unicode characters")
export const TAG_KEY_LENGTH: Range = { min: 1, max: 128 };

// API model TagValue: min 1, max 256 (AddTags: "no longer than 256 Unicode characters")
export const TAG_VALUE_LENGTH: Range = { min: 1, max: 256 };

// AddTags: "Adds one or more tags to a trail, event data store, dashboard, or channel, up to a limit of 50"
export const MAX_TAGS_PER_RESOURCE = 50;

// API model RetentionPeriod: min 7, max 3653 (days); FIXED_RETENTION_PRICING stops at 2557 (CreateEventDataStore)
export const RETENTION_DAYS_EXTENDABLE: Range = { min: 7, max: 3653 };
export const RETENTION_DAYS_FIXED: Range = { min: 7, max: 2557 };

// API model QueryStatement: min 1, max 10000
export const QUERY_STATEMENT_LENGTH: Range = { min: 1, max: 10000 };

// CreateEventDataStore: the ARN ends with the store's ID, a UUID CloudTrail generates (e.g. EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE):
// 36 characters, what a store ID token renders to in a query statement
export const EVENT_DATA_STORE_ID_LENGTH = 36;

// API model DeliveryS3Uri: max 1024
export const DELIVERY_S3_URI_MAX_LENGTH = 1024;

// StartQuery / MaxConcurrentQueriesException: at most 10 queries run at once per account
export const MAX_CONCURRENT_QUERIES = 10;

// CloudWatch Logs API Reference, CreateImportTask: "no more than 3 active imports per account at a given time"
export const MAX_ACTIVE_LOG_IMPORTS = 3;

// Lambda's longest run (15 minutes): a scheduled run's function waits for its query this long at most; a run is
// counted as holding one of the concurrent queries for that long
export const SCHEDULED_RUN_MINUTES = 15;

// CloudFormation custom resources time out after one hour (AWS::CloudFormation::CustomResource ServiceTimeout,
// at most 3600 s); a wait stops 5 minutes earlier so the provider has time to report the outcome
export const CUSTOM_RESOURCE_TIMEOUT_MINUTES = 60;
export const OPERATION_WAIT_MINUTES: Range = { min: 1, max: 55 };
export const DEFAULT_OPERATION_WAIT_MINUTES = 30;

// EventBridge Scheduler API CreateSchedule Description: max 512
export const SCHEDULE_DESCRIPTION_MAX_LENGTH = 512;

// CloudTrail User Guide, "Organization delegated administrator": at most three per organization
export const MAX_CLOUDTRAIL_DELEGATED_ADMINS = 3;

// API model ResourcePolicy: min 1, max 8192 (PutResourcePolicy)
export const RESOURCE_POLICY_MAX_LENGTH = 8192;

// API model ContextKeySelectors: max 2; OperatorTargetList: 1..50 keys of 1..128 characters
export const MAX_CONTEXT_KEY_SELECTORS = 2;
export const CONTEXT_KEY_SELECTOR_KEYS: Range = { min: 1, max: 50 };
export const CONTEXT_KEY_LENGTH: Range = { min: 1, max: 128 };

// Organizations API model OrganizationId: pattern ^o-[a-z0-9]{10,32}$
export const ORGANIZATION_ID_SUFFIX_LENGTH: Range = { min: 10, max: 32 };

// CloudWatch API Metric Namespace: min 1, max 255 (the alarm's side; CloudWatch Logs allows 0 to 255)
export const METRIC_NAMESPACE_LENGTH: Range = { min: 1, max: 255 };

// API model FederationRoleArn: 3 to 125 characters
export const FEDERATION_ROLE_ARN_MAX_LENGTH = 125;

// API model AggregationConfiguration Templates: 1 to 50 templates
export const AGGREGATION_TEMPLATES: Range = { min: 1, max: 50 };

// Organizations API model RootId: ^r-[0-9a-z]{4,32}$; OrganizationalUnitId: ^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$
// (the first part is the ID of the root the OU is in)
export const ROOT_ID_SUFFIX_LENGTH: Range = { min: 4, max: 32 };
export const OU_ID_SUFFIX_LENGTH: Range = { min: 8, max: 32 };

// Organizations CreatePolicy Name: 1 to 128 characters of the ASCII range; Description: at most 512
export const ORGANIZATIONS_POLICY_NAME_LENGTH: Range = { min: 1, max: 128 };
export const ORGANIZATIONS_POLICY_DESCRIPTION_MAX_LENGTH = 512;

// Organizations User Guide, "Quotas": the maximum size of a service control policy document is 5,120 characters
// (one version of the page says bytes; the library counts UTF-8 bytes, which are never fewer than the characters)
export const SERVICE_CONTROL_POLICY_MAX_SIZE = 5120;

// AWS KMS CreateAlias AliasName: 1 to 256 characters, 'alias/' and [a-zA-Z0-9/_-]: at most 250 after the 'alias/' prefix
export const KMS_ALIAS_NAME_MAX_LENGTH_AFTER_PREFIX = 250;

// API model ChannelName: min 3, max 128, pattern ^[a-zA-Z0-9._\-]+$ (CreateChannel Name)
export const CHANNEL_NAME_LENGTH: Range = { min: 3, max: 128 };

// API model Source: min 1, max 256, pattern .* (CreateChannel Source)
export const CHANNEL_SOURCE_LENGTH: Range = { min: 1, max: 256 };

// API model ChannelArn: at most 256 characters, pattern ^[a-zA-Z0-9._/\-:]+$ (its minimum of 3 is below any ARN's length)
export const CHANNEL_ARN_MAX_LENGTH = 256;

// AWS::CloudTrail::Channel Destinations: at most 10 (the API model's Destinations allows 1 to 200; CloudFormation is stricter)
export const CHANNEL_DESTINATIONS: Range = { min: 1, max: 10 };

// PutResourcePolicy ResourcePolicy of a channel: at most 20 statements
export const CHANNEL_POLICY_MAX_STATEMENTS = 20;

// API model DashboardName: min 3, max 128, pattern ^[a-zA-Z0-9_\-]+$ (CreateDashboard Name)
export const DASHBOARD_NAME_LENGTH: Range = { min: 3, max: 128 };

// CreateDashboard Widgets: "A custom dashboard can have a maximum of ten widgets"
export const DASHBOARD_MAX_WIDGETS = 10;

// API model QueryParameters: min 1, max 10 per widget (RequestWidget QueryParameters); none is sent as no list
export const DASHBOARD_MAX_QUERY_PARAMETERS = 10;

// API model ViewPropertiesValue: min 1, max 128, pattern ^[a-zA-Z0-9._\- ]+$
export const VIEW_PROPERTY_VALUE_LENGTH: Range = { min: 1, max: 128 };

// API model RefreshScheduleFrequency Value: a custom dashboard refreshes every 1, 6, 12 or 24 hours (unit HOURS),
// or every day (unit DAYS, value 1)
export const DASHBOARD_REFRESH_HOURS: readonly number[] = [1, 6, 12, 24];

// AWS::ObservabilityAdmin::TelemetryRule and OrganizationTelemetryRule RuleName: 1 to 100 characters, pattern
// ^[0-9A-Za-z-]+$ (CreateTelemetryRuleForOrganization RuleName has the same rule)
export const TELEMETRY_RULE_NAME_LENGTH: Range = { min: 1, max: 100 };

// CloudWatch Observability Admin API TelemetryDestinationConfiguration RetentionInDays: 1 to 3653
export const TELEMETRY_RETENTION_DAYS: Range = { min: 1, max: 3653 };

// CloudWatch Observability Admin API TagMapInput: at most 50 tags; TagKey 1 to 128 characters, TagValue 0 to 256
export const OBSERVABILITY_TAG_VALUE_LENGTH: Range = { min: 0, max: 256 };
