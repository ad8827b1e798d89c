import { awsError, networkError, serverError } from './helpers';
import { OperationFailure, failureMessage } from '../../src/operations/handlers/errors';

const SCOPE = { operation: 'LakeQuery', resource: 'eventdatastore/abc' };
const explain = (error: unknown) => failureMessage(SCOPE, error);

test.each([
  ['InsufficientS3BucketPolicyException', 'the S3 bucket\'s policy does not let CloudTrail deliver the query results. Let the service principal '
    + 'cloudtrail.amazonaws.com call s3:PutObject on the delivery prefix and s3:GetBucketAcl on the bucket, then deploy again.'],
  ['S3BucketDoesNotExistException', 'the S3 bucket named in the S3 URI does not exist. Create the bucket or correct the URI, then deploy again.'],
  ['EventDataStoreNotFoundException', 'the event data store was not found. Check that it exists in this account and Region, and that the '
    + 'statement\'s FROM clause names its ID, then deploy again.'],
  ['InactiveEventDataStoreException', 'the event data store is not enabled (it is pending deletion). Restore it with RestoreEventDataStore, then '
    + 'deploy again.'],
  ['AccountHasOngoingImportException', 'CloudTrail runs one import per account at a time, and another import is still running. Wait for it to '
    + 'finish (or stop it with StopImport), then deploy again.'],
  ['TooManyRequestsException', 'AWS throttled the calls through every attempt the function\'s time allowed. Deploy again later, or run fewer '
    + 'operations at once.'],
  ['ThrottlingException', 'AWS throttled the calls through every attempt the function\'s time allowed. Deploy again later, or run fewer '
    + 'operations at once.'],
])('%s says what to do', (name, text) => {
  expect(explain(awsError(name))).toBe(`LakeQuery on eventdatastore/abc: ${text}`);
});

test.each(['UnsupportedOperationException', 'OperationNotPermittedException', 'AccessDeniedException'])(
  '%s about new customers says that Lake is closed to them', (name) => {
    for (const message of [
      'CloudTrail Lake is no longer open to new customers.',
      'This feature is no longer available.',
      'CloudTrail Lake is not available to new accounts.',
    ]) {
      expect(explain(awsError(name, message))).toBe('LakeQuery on eventdatastore/abc: CloudTrail Lake is closed to new customers since May 31, '
        + '2026, and this account is not an existing Lake customer, so LakeQuery cannot run here. Query the trail\'s log files in S3 with Amazon '
        + 'Athena instead, or run it in an account that already uses CloudTrail Lake.');
    }
  });

test('other errors with the same words are not about Lake availability', () => {
  expect(explain(awsError('InvalidParameterException', 'not available to new customers'))).toBe(
    'LakeQuery on eventdatastore/abc: InvalidParameterException: not available to new customers');
});

test('access denied names the action', () => {
  const message = 'User: arn:aws:sts::111111111111:assumed-role/handler/fn is not authorized to perform: cloudtrail:StartQuery on resource: '
    + 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/abc because no identity-based policy allows the cloudtrail:StartQuery action';

  expect(explain(awsError('AccessDeniedException', message))).toBe('LakeQuery on eventdatastore/abc: access denied: the handler\'s role may not '
    + `call cloudtrail:StartQuery. AWS said: ${message}. The construct grants the role what it needs, so look for a service control policy, a `
    + 'permissions boundary or a bucket or key policy that denies it, then deploy again.');
});

test('access denied without an action still says what to check', () => {
  expect(explain(awsError('AccessDeniedException', 'Access Denied'))).toBe('LakeQuery on eventdatastore/abc: access denied: the handler\'s role '
    + 'was denied a call. AWS said: Access Denied. The construct grants the role what it needs, so look for a service control policy, a '
    + 'permissions boundary or a bucket or key policy that denies it, then deploy again.');
});

test('an AWS message inside an explanation ends its sentence', () => {
  expect(explain(awsError('ConflictException', 'The event data store is being updated'))).toBe('LakeQuery on eventdatastore/abc: the resource is '
    + 'busy: The event data store is being updated. Wait a few minutes, then deploy again.');
});

test('an error named like an Object property is not explained by it', () => {
  expect(explain(awsError('toString', 'odd'))).toBe('LakeQuery on eventdatastore/abc: toString: odd');
});

test('an unknown error keeps its name and message', () => {
  expect(explain(awsError('SomethingNewException', 'Something new went wrong.'))).toBe(
    'LakeQuery on eventdatastore/abc: SomethingNewException: Something new went wrong.');
  expect(explain(new TypeError('x is undefined'))).toBe('LakeQuery on eventdatastore/abc: TypeError: x is undefined');
});

test('a failure the handler detected keeps its message', () => {
  expect(explain(new OperationFailure('query q failed: reason.'))).toBe('LakeQuery on eventdatastore/abc: query q failed: reason.');
});

test('throttling names the attempts the SDK made', () => {
  const error = Object.assign(awsError('ThrottlingException'), { $metadata: { httpStatusCode: 400, attempts: 6 } });

  expect(explain(error)).toBe('LakeQuery on eventdatastore/abc: AWS throttled the calls through 6 attempts, as many as the function\'s time '
    + 'allowed. Deploy again later, or run fewer operations at once.');
});

test.each([
  ['a 5xx error', serverError('ServiceUnavailableException', 503), 'AWS answered with a server error (ServiceUnavailableException, HTTP 503) '
    + 'through 4 attempts, as many as the function\'s time allowed: the fault is on AWS\'s side.'],
  ['a reset connection', networkError('ECONNRESET'), 'the connection to AWS failed (ECONNRESET) through 4 attempts, as many as the function\'s time '
    + 'allowed; this is usually a passing network or AWS problem.'],
  ['a request that timed out', Object.assign(new Error('Connection timed out after 10000 ms'), { name: 'TimeoutError' }), 'the connection to AWS '
    + 'failed (TimeoutError: no answer within 10 seconds) through every attempt the function\'s time allowed; this is usually a passing network '
    + 'or AWS problem.'],
])('%s that outlasts the retries says whose fault it is and what to do', (_case, error, text) => {
  expect(explain(error)).toBe(`LakeQuery on eventdatastore/abc: ${text} Deploy again in a few minutes; if it lasts, check the AWS Health `
    + 'Dashboard for this Region.');
});

test('a long message is cut before what to do, never in it', () => {
  const fix = 'Correct the SQL (its FROM clause must name the event data store\'s ID), then deploy again.';

  const message = explain(awsError('InvalidQueryStatementException', `Query statement ${'q'.repeat(5000)} is invalid`));

  expect(message).toHaveLength(1000);
  expect(message.endsWith(`q…(cut) ${fix}`)).toBe(true);
  expect(explain(new OperationFailure('x'.repeat(3000), 'Do this.'))).toMatch(/^LakeQuery on eventdatastore\/abc: x+…\(cut\) Do this\.$/);
});

test('messages are cut to 1000 characters, and say so', () => {
  const short = explain(awsError('SomethingNewException', 'm'.repeat(1000 - 'LakeQuery on eventdatastore/abc: SomethingNewException: '.length)));
  const long = explain(awsError('SomethingNewException', 'm'.repeat(5000)));

  expect(short).toHaveLength(1000);
  expect(short.endsWith('m')).toBe(true);
  expect(long).toHaveLength(1000);
  expect(long.endsWith('m…(cut)')).toBe(true);
});
