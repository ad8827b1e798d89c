import { CLIENT_RETRY } from './clients';
import { REQUEST_TIMEOUT_MS } from './timing';
import { MAX_CLOUDTRAIL_DELEGATED_ADMINS, MAX_CONCURRENT_QUERIES } from '../../core/limits';

/** The longest error message a handler reports, so that CloudFormation's 4096-byte response always holds it. */
export const MAX_MESSAGE_LENGTH = 1000;
const CUT_MARK = '…(cut)';

/**
 * A failure the handlers detect themselves (a query that failed, a deadline): what happened, and the sentence that
 * says what to do, which a long message never loses.
 */
export class OperationFailure extends Error {
  constructor(public readonly what: string, public readonly fix?: string) {
    super(fix ? `${what} ${fix}` : what);
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

/**
 * The head and the fix in at most `max` characters: the head is cut (with a mark that says so), never the fix.
 */
export function fitted(head: string, fix: string | undefined, max: number = MAX_MESSAGE_LENGTH): string {
  if (!fix) {
    return cut(head, max);
  }
  const whole = `${head} ${fix}`;
  return whole.length <= max ? whole : `${cut(head, Math.max(max - fix.length - 1, CUT_MARK.length))} ${fix}`.slice(0, max);
}

/** What an error message names first: the operation and the resource it runs on. */
export interface FailureScope {
  /** OperationKind, or ScheduledQuery */
  readonly operation: string;
  /** e.g. eventdatastore/abc, account 111111111111 */
  readonly resource: string;
}

/** What went wrong, and the sentence that says what to do (kept whole when the message is cut). */
interface Explained {
  readonly what: string;
  readonly fix?: string;
}

type Explanation = (message: string, error: unknown) => Explained;

const CLOSED_LAKE_ERRORS = ['UnsupportedOperationException', 'OperationNotPermittedException', 'AccessDeniedException'];
const CLOSED_LAKE_MESSAGE = /new customers|no longer (open|available)|not available to new/i;
const DEPLOY_AGAIN = 'then deploy again.';

const EXPLANATIONS: Readonly<Record<string, Explanation>> = {
  InsufficientS3BucketPolicyException: () => ({
    what: 'the S3 bucket\'s policy does not let CloudTrail deliver the query results.',
    fix: `Let the service principal cloudtrail.amazonaws.com call s3:PutObject on the delivery prefix and s3:GetBucketAcl on the bucket, ${DEPLOY_AGAIN}`,
  }),
  InsufficientEncryptionPolicyException: () => ({
    what: 'a KMS key policy does not let CloudTrail use the key (the event data store\'s key, or the key of the results bucket or the import source).',
    fix: `Let cloudtrail.amazonaws.com call kms:Decrypt and kms:GenerateDataKey* on it, ${DEPLOY_AGAIN}`,
  }),
  S3BucketDoesNotExistException: () => ({
    what: 'the S3 bucket named in the S3 URI does not exist.', fix: `Create the bucket or correct the URI, ${DEPLOY_AGAIN}`,
  }),
  InvalidQueryStatementException: (message) => ({
    what: `CloudTrail rejected the query statement: ${sentence(message)}`,
    fix: `Correct the SQL (its FROM clause must name the event data store's ID), ${DEPLOY_AGAIN}`,
  }),
  MaxConcurrentQueriesException: () => ({
    what: `CloudTrail Lake runs at most ${MAX_CONCURRENT_QUERIES} queries at once per account, and that many are running now.`,
    fix: `Wait for some to finish (or cancel them), ${DEPLOY_AGAIN}`,
  }),
  EventDataStoreNotFoundException: () => ({
    what: 'the event data store was not found.',
    fix: `Check that it exists in this account and Region, and that the statement's FROM clause names its ID, ${DEPLOY_AGAIN}`,
  }),
  EventDataStoreARNInvalidException: () => ({
    what: 'the event data store ARN does not name an event data store of this account.',
    fix: 'Pass the ARN of an event data store in this account and Region.',
  }),
  InactiveEventDataStoreException: () => ({
    what: 'the event data store is not enabled (it is pending deletion).', fix: `Restore it with RestoreEventDataStore, ${DEPLOY_AGAIN}`,
  }),
  AccountHasOngoingImportException: () => ongoingImport(),
  InvalidImportSourceException: (message) => ({
    what: `the import source is not valid: ${sentence(message)}`,
    fix: 'S3LocationUri must name a bucket and prefix of CloudTrail log files in S3BucketRegion that the S3BucketAccessRoleArn role can read.',
  }),
  InvalidEventDataStoreCategoryException: () => ({
    what: 'only event data stores of CloudTrail events can receive imports, not stores of AWS Config configuration items, Audit Manager '
      + 'evidence or events from outside AWS.',
    fix: 'Import into an event data store of CloudTrail events.',
  }),
  InvalidEventDataStoreStatusException: () => ({
    what: 'the event data store is not in a status that allows this (it must be ENABLED).', fix: `Wait until it is, ${DEPLOY_AGAIN}`,
  }),
  CloudTrailAccessNotEnabledException: () => ({
    what: 'trusted access between CloudTrail and AWS Organizations is not enabled.',
    fix: 'Enable it from the management account (aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com), '
      + DEPLOY_AGAIN,
  }),
  NotOrganizationManagementAccountException: () => ({
    what: 'this account is not the organization\'s management account.', fix: 'Deploy this stack from the management account.',
  }),
  CannotDelegateManagementAccountException: () => ({
    what: 'the management account cannot be CloudTrail\'s delegated administrator.', fix: 'Choose a member account of the organization.',
  }),
  DelegatedAdminAccountLimitExceededException: () => ({
    what: `the organization already has ${MAX_CLOUDTRAIL_DELEGATED_ADMINS} CloudTrail delegated administrators, the most it may have.`,
    fix: `Deregister one, ${DEPLOY_AGAIN}`,
  }),
  AccountNotFoundException: () => ({
    what: 'the account is not a member of this organization.', fix: `Invite it to the organization (or correct the account ID), ${DEPLOY_AGAIN}`,
  }),
  NoManagementAccountSLRExistsException: () => ({
    what: 'the management account has no CloudTrail service-linked role.',
    fix: `Create it there (aws iam create-service-linked-role --aws-service-name cloudtrail.amazonaws.com), ${DEPLOY_AGAIN}`,
  }),
  AccessDeniedException: (message) => accessDenied(message),
  ThrottlingException: (_message, error) => throttled(error),
  // Organizations' name for throttling
  TooManyRequestsException: (_message, error) => throttled(error),
  ConflictException: (message) => ({ what: `the resource is busy: ${sentence(message)}`, fix: `Wait a few minutes, ${DEPLOY_AGAIN}` }),
};

/**
 * The message a handler fails with: the operation and the resource, then what happened and what to do,
 * at most 1000 characters, of which the sentence that says what to do is never cut.
 */
export function failureMessage(scope: FailureScope, error: unknown): string {
  const { what, fix } = explain(scope, error);
  return fitted(`${scope.operation} on ${scope.resource}: ${what}`, fix);
}

/** What to do when StartImport finds another import running; the handler names it when it can. */
export function ongoingImport(importId?: string): Explained {
  return {
    what: `CloudTrail runs one import per account at a time, and ${importId ? `import ${importId}` : 'another import'} is still running.`,
    fix: `Wait for it to finish (or stop it with StopImport), ${DEPLOY_AGAIN}`,
  };
}

function explain(scope: FailureScope, error: unknown): Explained {
  if (error instanceof OperationFailure) {
    return { what: error.what, fix: error.fix };
  }
  const name = errorName(error);
  const message = errorMessage(error);
  if (CLOSED_LAKE_ERRORS.includes(name) && CLOSED_LAKE_MESSAGE.test(message)) {
    return {
      what: `CloudTrail Lake is closed to new customers since May 31, 2026, and this account is not an existing Lake customer, so ${scope.operation} `
        + 'cannot run here.',
      fix: 'Query the trail\'s log files in S3 with Amazon Athena instead, or run it in an account that already uses CloudTrail Lake.',
    };
  }
  if (Object.hasOwn(EXPLANATIONS, name)) {
    return EXPLANATIONS[name](message, error);
  }
  return isServerError(error) ? serverError(name, error) : networkError(error) ?? { what: `${name}: ${message}` };
}

/** How many attempts the SDK made, as it records on the error. */
function attempts(error: unknown): number | undefined {
  return (error as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts;
}

function afterAttempts(error: unknown): string {
  const made = attempts(error);
  if (made !== undefined && made >= CLIENT_RETRY.maxAttempts) {
    return `all ${made} attempts`;
  }
  return made && made > 1 ? `${made} attempts, as many as the function's time allowed` : 'every attempt the function\'s time allowed';
}

function throttled(error: unknown): Explained {
  return {
    what: `AWS throttled the calls through ${afterAttempts(error)}.`,
    fix: 'Deploy again later, or run fewer operations at once.',
  };
}

function isServerError(error: unknown): boolean {
  const { $fault, $metadata } = (error ?? {}) as { $fault?: string; $metadata?: { httpStatusCode?: number } };
  return $fault === 'server' || ($metadata?.httpStatusCode ?? 0) >= 500;
}

function serverError(name: string, error: unknown): Explained {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return {
    what: `AWS answered with a server error (${name}${status ? `, HTTP ${status}` : ''}) through ${afterAttempts(error)}: the fault is on AWS's side.`,
    fix: 'Deploy again in a few minutes; if it lasts, check the AWS Health Dashboard for this Region.',
  };
}

// What Node.js and the SDK's HTTP handler name a connection that failed or hung
const NETWORK_ERROR_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'];
const NETWORK_ERROR_NAMES = ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException'];

function networkError(error: unknown): Explained | undefined {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  const what = typeof code === 'string' && NETWORK_ERROR_CODES.includes(code) ? code
    : typeof name === 'string' && NETWORK_ERROR_NAMES.includes(name) ? `${name}: no answer within ${REQUEST_TIMEOUT_MS / 1000} seconds` : undefined;
  if (!what) {
    return undefined;
  }
  return {
    what: `the connection to AWS failed (${what}) through ${afterAttempts(error)}; this is usually a passing network or AWS problem.`,
    fix: 'Deploy again in a few minutes; if it lasts, check the AWS Health Dashboard for this Region.',
  };
}

// AWS messages do not always end a sentence, and the explanation goes on after them
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

function accessDenied(message: string): Explained {
  const action = /perform:\s*([\w-]+:[\w*]+)/.exec(message)?.[1];
  const what = action ? `the handler's role may not call ${action}` : 'the handler\'s role was denied a call';
  return {
    what: `access denied: ${what}. AWS said: ${sentence(message)}`,
    fix: 'The construct grants the role what it needs, so look for a service control policy, a permissions boundary or a bucket or key policy '
      + `that denies it, ${DEPLOY_AGAIN}`,
  };
}
