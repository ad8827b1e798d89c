import { App, Duration, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { GateFinding, runPolicyGates, unacknowledgedErrors } from './policy-gates';
import { CloudTrailTrustedAccess, LakeEventDataStore, LakeImport, LakeQuery, OrganizationDelegatedAdmin, ScheduledLakeQuery } from '../../src';

jest.setTimeout(120_000);

// What the library creates; the test's own bucket and topic are left to their gates
const LIBRARY_PATHS = /^Stack\/(CloudTrailOrg|Store|Query|Scheduled|Import|Admin|TrustedAccess|SchedulerRole)/;

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
  new CloudTrailTrustedAccess(stack, 'TrustedAccess');
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

  test('acknowledges on the handlers\' policies only the actions without resources and the organization wildcard', () => {
    const onPolicy = (path: string) => findings.filter(f => f.path.startsWith(path)).map(f => `${f.gate} ${f.ruleId} ${f.acknowledged}`);
    expect(onPolicy('Stack/CloudTrailOrgOperations/Handler/Policy')).toEqual(['AwsSolutions AwsSolutions-IAM5[Resource::*] true']);
    expect(onPolicy('Stack/CloudTrailOrgSyncOperations/Handler/Policy')).toEqual([
      'AwsSolutions AwsSolutions-IAM5[Resource::*] true',
      'AwsSolutions AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:organizations::111111111111:account/o-*/222222222222] true',
    ]);
  });

  test('finds on the synchronous-operations function only what the other handler functions have, acknowledged', () => {
    const on = (path: string) => findings.filter(f => f.path.startsWith(path)).map(f => `${f.gate} ${f.ruleId} ${f.acknowledged}`).sort();
    const sync = on('Stack/CloudTrailOrgSyncOperations/Function/');
    expect(sync.length).toBeGreaterThan(0);
    expect(sync).toEqual(on('Stack/CloudTrailOrgScheduledQueries/Function/'));
    expect(on('Stack/CloudTrailOrgSyncOperations/Logs/')).toEqual([]);
  });

  test('finds nothing on the operations themselves but the import\'s read of the source prefix, acknowledged', () => {
    const onOperations = findings.filter(f => /^Stack\/(Query|Scheduled|Import|Admin|TrustedAccess)\//.test(f.path));
    expect(onOperations.map(f => `${f.gate} ${f.ruleId} ${f.path} ${f.acknowledged}`)).toEqual([
      'AwsSolutions AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::trail-logs/*] Stack/Import/SourcePolicy/Resource true',
    ]);
  });
});
