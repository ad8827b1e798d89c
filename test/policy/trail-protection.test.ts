/**
 * TrailProtectionPolicy proven with the IAM policy simulator (see ./simulator.ts): the service control policy the
 * fully-featured fixture writes, attached to the root, applied to principals of member accounts whose identity
 * policies allow everything. The calls that stop, delete or weaken the trail, the event data store and the Log
 * Archive are denied to the account's administrator and allowed to the exempt role; other calls stay allowed.
 *
 * SCPs never apply to the management account (Organizations User Guide, "Service control policies"); the simulator
 * applies what it is given, so only member accounts are asked about here.
 */
import { ACCOUNT, Decision, PolicyDocument, REGION, RequestPrincipal, ResolvedTemplate, simulate, synthesize } from './simulator';
import { CONSTRUCT_FIXTURES, LOG_ARCHIVE_ACCOUNT } from '../fixtures/constructs';

const MEMBER = '222222222222';
const ROOT = 'r-a1b2';
const SOURCE = 'AWS Organizations User Guide, "Service control policies" (a Deny applies to every principal of the accounts in scope)';

/** Every action of every service, as AWS's FullAWSAccess policy that each level of an organization starts with. */
const FULL_AWS_ACCESS: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

const template: ResolvedTemplate = synthesize('TrailProtectionPolicyFull', CONSTRUCT_FIXTURES.find(f => f.construct === 'TrailProtectionPolicy')!.full);
const [protection] = template.policies().filter(p => p.resourceType === 'AWS::Organizations::Policy').map(p => p.document);

/** The SCPs of a member account: FullAWSAccess and the protection on the root, FullAWSAccess on the account. */
const scps = (account: string) => [
  { orgIdentifier: ROOT, policies: [FULL_AWS_ACCESS, protection] },
  { orgIdentifier: account, policies: [FULL_AWS_ACCESS] },
];

/** A key policy that lets the key's account's IAM policies decide (KMS Developer Guide, "Default key policy"). */
const defaultKeyPolicy = (account: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
});

const admin = (account: string): RequestPrincipal => ({ arn: `arn:aws:iam::${account}:role/Administrator` });
const exempt = (account: string): RequestPrincipal => ({ arn: `arn:aws:iam::${account}:role/AWSControlTowerExecution` });

const memberTrail = `arn:aws:cloudtrail:${REGION}:${MEMBER}:trail/aws-controltower-BaselineCloudTrail`;
const organizationTrail = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/organization-audit`;
const store = `arn:aws:cloudtrail:${REGION}:${MEMBER}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`;
const bucket = `arn:aws:s3:::organization-audit-logs-${LOG_ARCHIVE_ACCOUNT}`;
const key = `arn:aws:kms:${REGION}:${LOG_ARCHIVE_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

interface Row {
  readonly action: string;
  readonly resource: string;
  readonly account: string;
}

const TRAIL_ROWS: Row[] = ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors', 'PutEventConfiguration']
  .map(name => ({ action: `cloudtrail:${name}`, resource: memberTrail, account: MEMBER }));
const STORE_ROWS: Row[] = ['DeleteEventDataStore', 'UpdateEventDataStore', 'StopEventDataStoreIngestion', 'PutInsightSelectors',
  'PutEventConfiguration', 'PutResourcePolicy', 'DeleteResourcePolicy'].map(name => ({ action: `cloudtrail:${name}`, resource: store, account: MEMBER }));
const BUCKET_ROWS: Row[] = ['PutBucketPolicy', 'DeleteBucketPolicy', 'PutLifecycleConfiguration', 'PutBucketObjectLockConfiguration',
  'PutBucketVersioning', 'PutEncryptionConfiguration', 'PutBucketLogging', 'DeleteBucket']
  .map(name => ({ action: `s3:${name}`, resource: bucket, account: LOG_ARCHIVE_ACCOUNT }));
const KEY_ROWS: Row[] = ['PutKeyPolicy', 'ScheduleKeyDeletion', 'DisableKey', 'DisableKeyRotation']
  .map(name => ({ action: `kms:${name}`, resource: key, account: LOG_ARCHIVE_ACCOUNT }));
const DENIED = [...TRAIL_ROWS, ...STORE_ROWS, ...BUCKET_ROWS, ...KEY_ROWS];

async function decide(principal: RequestPrincipal, row: Row): Promise<Decision> {
  const result = await simulate(template, {
    principal,
    action: row.action,
    resource: row.resource,
    resourceAccount: row.account,
    resourcePolicy: row.action.startsWith('kms:') ? defaultKeyPolicy(row.account) : undefined,
    serviceControlPolicies: scps(row.account),
  });
  return result.decision;
}

describe('TrailProtectionPolicy in the IAM policy simulator', () => {
  test('the fixture writes one service control policy, read by the simulator helper', () => {
    expect(protection.Statement.map(s => s.Sid)).toEqual(['DenyTrailTampering', 'DenyEventDataStoreTampering', 'DenyLogBucketTampering', 'DenyLogKeyTampering']);
  });

  test.each(DENIED)('$action on $resource: ExplicitlyDenied for the account\'s administrator', async row => {
    expect({ decision: await decide(admin(row.account), row), source: SOURCE }).toEqual({ decision: 'ExplicitlyDenied', source: SOURCE });
  });

  test.each(DENIED)('$action on $resource: Allowed for the exempt role', async row => {
    expect(await decide(exempt(row.account), row)).toBe('Allowed');
  });

  test('the organization trail is protected from a member account\'s administrator too', async () => {
    expect(await decide(admin(MEMBER), { action: 'cloudtrail:StopLogging', resource: organizationTrail, account: ACCOUNT })).toBe('ExplicitlyDenied');
  });

  test('only the named role is exempt, not one whose name starts the same', async () => {
    expect(await decide(exempt(MEMBER), TRAIL_ROWS[0])).toBe('Allowed');
    expect(await decide({ arn: `arn:aws:iam::${MEMBER}:role/AWSControlTowerExecutionCopy` }, TRAIL_ROWS[0])).toBe('ExplicitlyDenied');
  });

  test.each<[string, Row]>([
    ['reading events', { action: 'cloudtrail:LookupEvents', resource: '*', account: MEMBER }],
    ['starting the trail\'s logging', { action: 'cloudtrail:StartLogging', resource: memberTrail, account: MEMBER }],
    ['updating another trail', { action: 'cloudtrail:UpdateTrail', resource: `arn:aws:cloudtrail:${REGION}:${MEMBER}:trail/team-trail`, account: MEMBER }],
    ['querying the store', { action: 'cloudtrail:StartQuery', resource: store, account: MEMBER }],
    ['reading a log file', { action: 's3:GetObject', resource: `${bucket}/AWSLogs/${MEMBER}/CloudTrail/x.json.gz`, account: LOG_ARCHIVE_ACCOUNT }],
    ['reading the bucket policy', { action: 's3:GetBucketPolicy', resource: bucket, account: LOG_ARCHIVE_ACCOUNT }],
    ['changing another bucket\'s policy', { action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::team-data', account: LOG_ARCHIVE_ACCOUNT }],
    ['decrypting with the key', { action: 'kms:Decrypt', resource: key, account: LOG_ARCHIVE_ACCOUNT }],
  ])('%s stays allowed for the administrator', async (_, row) => {
    expect(await decide(admin(row.account), row)).toBe('Allowed');
  });
});
