import { CLIENT_RETRY } from './clients';
import { MAX_CLOUDTRAIL_DELEGATED_ADMINS, MAX_CONCURRENT_QUERIES } from '../../core/limits';

/** The longest error message a handler reports, so that CloudFormation's 4096-byte response always holds it. */
export const MAX_MESSAGE_LENGTH = 1000;
const CUT_MARK = '…(cut)';

/**
 * A failure the handlers detect themselves (a query that failed, a deadline); its message already says
 * what to do.
 */
export class OperationFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationFailure';
  }
}

/** The name of an error (the AWS error code for SDK errors). */
export function errorName(error: unknown): string {
  if (error instanceof Error) {
    return error.name;
  }
  const name = (error as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : 'Error';
}

/** The message of an error; AWS errors carry it as `message` or `Message`. */
export function errorMessage(error: unknown): string {
  const { message, Message } = (error ?? {}) as { message?: unknown; Message?: unknown };
  if (typeof message === 'string' && message !== '') {
    return message;
  }
  return typeof Message === 'string' ? Message : String(error);
}

/** Whether the error has one of the names. */
export function isNamed(error: unknown, names: readonly string[]): boolean {
  return names.includes(errorName(error));
}

/** The text, cut to at most `max` characters with a mark that says so. */
export function cut(text: string, max: number = MAX_MESSAGE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - CUT_MARK.length)}${CUT_MARK}`;
}

/** What an error message names first: the operation and the resource it runs on. */
export interface FailureScope {
  /** OperationKind, or ScheduledQuery */
  readonly operation: string;
  /** e.g. eventdatastore/abc, account 111111111111 */
  readonly resource: string;
}

type Explanation = (message: string) => string;

const CLOSED_LAKE_ERRORS = ['UnsupportedOperationException', 'OperationNotPermittedException', 'AccessDeniedException'];
const CLOSED_LAKE_MESSAGE = /new customers|no longer (open|available)|not available to new/i;

const EXPLANATIONS: Readonly<Record<string, Explanation>> = {
  InsufficientS3BucketPolicyException: () => 'the S3 bucket\'s policy does not let CloudTrail deliver the query results. Let the service principal '
    + 'cloudtrail.amazonaws.com call s3:PutObject on the delivery prefix and s3:GetBucketAcl on the bucket, then deploy again.',
  InsufficientEncryptionPolicyException: () => 'a KMS key policy does not let CloudTrail use the key (the event data store\'s key, or the key of '
    + 'the results bucket or the import source). Let cloudtrail.amazonaws.com call kms:Decrypt and kms:GenerateDataKey* on it, then deploy again.',
  S3BucketDoesNotExistException: () => 'the S3 bucket named in the S3 URI does not exist. Create the bucket or correct the URI, then deploy again.',
  InvalidQueryStatementException: (message) => `CloudTrail rejected the query statement: ${sentence(message)} Correct the SQL (its FROM clause must name `
    + 'the event data store\'s ID), then deploy again.',
  MaxConcurrentQueriesException: () => `CloudTrail Lake runs at most ${MAX_CONCURRENT_QUERIES} queries at once per account, and that many are `
    + 'running now. Wait for some to finish (or cancel them), then deploy again.',
  EventDataStoreNotFoundException: () => 'the event data store was not found. Check that it exists in this account and Region, and that the '
    + 'statement\'s FROM clause names its ID, then deploy again.',
  EventDataStoreARNInvalidException: () => 'the event data store ARN does not name an event data store of this account. Pass the ARN of an '
    + 'event data store in this account and Region.',
  InactiveEventDataStoreException: () => 'the event data store is not enabled (it is pending deletion). Restore it with RestoreEventDataStore, '
    + 'then deploy again.',
  AccountHasOngoingImportException: () => ongoingImportText(),
  InvalidImportSourceException: (message) => `the import source is not valid: ${sentence(message)} S3LocationUri must name a bucket and prefix of `
    + 'CloudTrail log files in S3BucketRegion that the S3BucketAccessRoleArn role can read.',
  InvalidEventDataStoreCategoryException: () => 'only event data stores of CloudTrail events can receive imports, not stores of AWS Config '
    + 'configuration items, Audit Manager evidence or events from outside AWS. Import into an event data store of CloudTrail events.',
  InvalidEventDataStoreStatusException: () => 'the event data store is not in a status that allows this (it must be ENABLED). Wait until '
    + 'it is, then deploy again.',
  CloudTrailAccessNotEnabledException: () => 'trusted access between CloudTrail and AWS Organizations is not enabled. Enable it from the '
    + 'management account (aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com), then deploy again.',
  NotOrganizationManagementAccountException: () => 'this account is not the organization\'s management account. Deploy this stack to the '
    + 'management account.',
  CannotDelegateManagementAccountException: () => 'the management account cannot be CloudTrail\'s delegated administrator. Choose a member '
    + 'account of the organization.',
  DelegatedAdminAccountLimitExceededException: () => `the organization already has ${MAX_CLOUDTRAIL_DELEGATED_ADMINS} CloudTrail delegated `
    + 'administrators, the most it may have. Deregister one, then deploy again.',
  AccountNotFoundException: () => 'the account is not a member of this organization. Invite it to the organization (or correct the account '
    + 'ID), then deploy again.',
  NoManagementAccountSLRExistsException: () => 'the management account has no CloudTrail service-linked role. Create it there (aws iam '
    + 'create-service-linked-role --aws-service-name cloudtrail.amazonaws.com), then deploy again.',
  AccessDeniedException: (message) => accessDenied(message),
  ThrottlingException: () => throttled(),
  // Organizations' name for throttling
  TooManyRequestsException: () => throttled(),
  ConflictException: (message) => `the resource is busy: ${sentence(message)} Wait a few minutes, then deploy again.`,
};

/**
 * The message a handler fails with: the operation and the resource, then what happened and what to do,
 * at most 1000 characters.
 */
export function failureMessage(scope: FailureScope, error: unknown): string {
  return cut(`${scope.operation} on ${scope.resource}: ${explain(scope, error)}`);
}

/** What to do when StartImport finds another import running; the handler names it when it can. */
export function ongoingImportText(importId?: string): string {
  return `CloudTrail runs one import per account at a time, and ${importId ? `import ${importId}` : 'another import'} is still running. `
    + 'Wait for it to finish (or stop it with StopImport), then deploy again.';
}

function explain(scope: FailureScope, error: unknown): string {
  if (error instanceof OperationFailure) {
    return error.message;
  }
  const name = errorName(error);
  const message = errorMessage(error);
  if (CLOSED_LAKE_ERRORS.includes(name) && CLOSED_LAKE_MESSAGE.test(message)) {
    return `CloudTrail Lake is closed to new customers since May 31, 2026, and this account is not an existing Lake customer, so ${scope.operation} `
      + 'cannot run here. Query the trail\'s log files in S3 with Amazon Athena instead, or run it in an account that already uses CloudTrail Lake.';
  }
  return Object.hasOwn(EXPLANATIONS, name) ? EXPLANATIONS[name](message) : `${name}: ${message}`;
}

function throttled(): string {
  return `AWS throttled the calls even after ${CLIENT_RETRY.maxAttempts} attempts. Deploy again later, or run fewer operations at once.`;
}

// AWS messages do not always end a sentence, and the explanation goes on after them
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

function accessDenied(message: string): string {
  const action = /perform:\s*([\w-]+:[\w*]+)/.exec(message)?.[1];
  const what = action ? `the handler's role may not call ${action}` : 'the handler\'s role was denied a call';
  return `access denied: ${what}. The construct grants the role what it needs, so look for a service control policy, a permissions boundary `
    + `or a bucket or key policy that denies it, then deploy again. AWS said: ${message}`;
}
