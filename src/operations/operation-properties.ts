/**
 * The contract between the operation constructs and their custom-resource handlers: the resource
 * properties each construct sends and the attributes each handler returns. CloudFormation passes every
 * property value as a string, so numbers and booleans are sent as their text.
 */

/** Which operation a custom resource runs; the handlers dispatch on it. */
export enum OperationKind {
  LAKE_QUERY = 'LakeQuery',
  LAKE_IMPORT = 'LakeImport',
  ORGANIZATION_DELEGATED_ADMIN = 'OrganizationDelegatedAdmin',
  CLOUDTRAIL_TRUSTED_ACCESS = 'CloudTrailTrustedAccess',
  LAKE_EXPORT_TO_CLOUDWATCH = 'LakeExportToCloudWatch',
}

/** Properties every operation sends. */
export interface OperationProperties {
  readonly Operation: OperationKind;
}

/** Properties of an operation that can wait for its outcome. */
export interface WaitingOperationProperties extends OperationProperties {
  /** 'true' or 'false' */
  readonly WaitForCompletion: string;
  /** Seconds the wait may take before the operation fails, as text; below CloudFormation's one hour. */
  readonly TimeoutSeconds: string;
}

/** A LakeQuery: StartQuery on create, CancelQuery on delete. */
export interface LakeQueryProperties extends WaitingOperationProperties {
  readonly Operation: OperationKind.LAKE_QUERY;
  readonly EventDataStoreArn: string;
  readonly QueryStatement: string;
  /** s3://bucket/prefix; absent when results are not delivered. */
  readonly DeliveryS3Uri?: string;
  /** The account that owns the store, for the query calls' EventDataStoreOwnerAccountId; absent for the caller's own. */
  readonly EventDataStoreOwnerAccountId?: string;
}

/** Properties whose change starts a new query on update. */
export const LAKE_QUERY_REPLACING_PROPERTIES = ['EventDataStoreArn', 'QueryStatement', 'DeliveryS3Uri'] as const;

/** Attributes of a LakeQuery (Fn::GetAtt names). */
export enum LakeQueryAttribute {
  QUERY_ID = 'QueryId',
  QUERY_STATUS = 'QueryStatus',
  EVENTS_MATCHED = 'EventsMatched',
  EVENTS_SCANNED = 'EventsScanned',
  BYTES_SCANNED = 'BytesScanned',
  EXECUTION_TIME_IN_MILLIS = 'ExecutionTimeInMillis',
  DELIVERY_S3_URI = 'DeliveryS3Uri',
}

/** A LakeImport: StartImport on create, StopImport on delete when it still runs. */
export interface LakeImportProperties extends WaitingOperationProperties {
  readonly Operation: OperationKind.LAKE_IMPORT;
  readonly EventDataStoreArn: string;
  /** s3://bucket/prefix, the StartImport S3LocationUri */
  readonly S3LocationUri: string;
  readonly S3BucketRegion: string;
  readonly S3BucketAccessRoleArn: string;
  /** ISO 8601; absent for no lower bound */
  readonly StartEventTime?: string;
  /** ISO 8601; absent for no upper bound */
  readonly EndEventTime?: string;
}

/** Properties whose change starts a new import on update. */
export const LAKE_IMPORT_REPLACING_PROPERTIES = ['EventDataStoreArn', 'S3LocationUri', 'S3BucketRegion', 'StartEventTime', 'EndEventTime'] as const;

/** Attributes of a LakeImport (Fn::GetAtt names). */
export enum LakeImportAttribute {
  IMPORT_ID = 'ImportId',
  IMPORT_STATUS = 'ImportStatus',
  PREFIXES_FOUND = 'PrefixesFound',
  PREFIXES_COMPLETED = 'PrefixesCompleted',
  FILES_COMPLETED = 'FilesCompleted',
  EVENTS_COMPLETED = 'EventsCompleted',
  FAILED_ENTRIES = 'FailedEntries',
}

/** A LakeExportToCloudWatch: CloudWatch Logs CreateImportTask on create, CancelImportTask on delete when it still runs. */
export interface LakeExportProperties extends WaitingOperationProperties {
  readonly Operation: OperationKind.LAKE_EXPORT_TO_CLOUDWATCH;
  /** The CreateImportTask importSourceArn */
  readonly EventDataStoreArn: string;
  /** The CreateImportTask importRoleArn */
  readonly ImportRoleArn: string;
  /** ISO 8601; absent for no lower bound */
  readonly StartEventTime?: string;
  /** ISO 8601; absent for no upper bound */
  readonly EndEventTime?: string;
}

/** Properties whose change starts a new export on update; another role copies the same events. */
export const LAKE_EXPORT_REPLACING_PROPERTIES = ['EventDataStoreArn', 'StartEventTime', 'EndEventTime'] as const;

/** Attributes of a LakeExportToCloudWatch (Fn::GetAtt names). */
export enum LakeExportAttribute {
  IMPORT_ID = 'ImportId',
  IMPORT_STATUS = 'ImportStatus',
  DESTINATION_ARN = 'ImportDestinationArn',
  BYTES_IMPORTED = 'BytesImported',
}

/** An OrganizationDelegatedAdmin: trusted access plus RegisterOrganizationDelegatedAdmin; deregistered on delete. */
export interface DelegatedAdminProperties extends OperationProperties {
  readonly Operation: OperationKind.ORGANIZATION_DELEGATED_ADMIN;
  readonly MemberAccountId: string;
}

/** A CloudTrailTrustedAccess: EnableAWSServiceAccess for CloudTrail on create; nothing on delete. */
export interface TrustedAccessProperties extends OperationProperties {
  readonly Operation: OperationKind.CLOUDTRAIL_TRUSTED_ACCESS;
}

/** The input EventBridge Scheduler passes to the scheduled-query function on every run. */
export interface ScheduledQueryInput {
  /** The construct path, to name the query in logs and notifications. */
  readonly name: string;
  readonly eventDataStoreArn: string;
  /** The account that owns the store, for the query calls' EventDataStoreOwnerAccountId; absent for the caller's own. */
  readonly eventDataStoreOwnerAccountId?: string;
  readonly queryStatement: string;
  readonly deliveryS3Uri?: string;
  /** Published to when the query returns at least one row. */
  readonly topicArn?: string;
}
