import { App, Duration, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { GateFinding, runPolicyGates, unacknowledgedErrors } from './policy-gates';
import { LakeEventDataStore, LakeImport, LakeQuery, OrganizationDelegatedAdmin, ScheduledLakeQuery } from '../../src';

jest.setTimeout(120_000);

// What the library creates; the test's own bucket and topic are left to their gates
const LIBRARY_PATHS = /^Stack\/(CloudTrailOrg|Store|Query|Scheduled|Import|Admin|SchedulerRole)/;

function operationsStack(app: App): Stack {
  const stack = new Stack(app, 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
  const store = new LakeEventDataStore(stack, 'Store');
  const results = new s3.Bucket(stack, 'Results', { enforceSSL: true, versioned: true, encryption: s3.BucketEncryption.KMS });
  new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT count(*) FROM ${store.eventDataStoreId}`, deliveryBucket: results });
  new ScheduledLakeQuery(stack, 'Scheduled', {
    eventDataStore: store,
    queryStatement: `SELECT eventName FROM ${store.eventDataStoreId} WHERE errorCode = 'AccessDenied'`,
    schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
    deliveryBucket: results,
    topic: new sns.Topic(stack, 'Findings', { enforceSSL: true }),
  });
  new LakeImport(stack, 'Import', { eventDataStore: store, sourceBucket: s3.Bucket.fromBucketName(stack, 'TrailLogs', 'trail-logs') });
  new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '222222222222' });
  return stack;
}

describe('a stack with every operation', () => {
  let findings: GateFinding[];
  beforeAll(() => {
    findings = runPolicyGates(app => {
      operationsStack(app);
    });
  });

  test('has no unacknowledged error in any gate', () => {
    expect(unacknowledgedErrors(findings).filter(f => LIBRARY_PATHS.test(f.path)).map(f => `${f.gate} ${f.ruleId} ${f.path}`)).toEqual([]);
  });
});
