import { Template } from 'aws-cdk-lib/assertions';
import { LakeEventDataStore, LakeQuery } from '../../src';
import { testStack } from '../util';

// The operations' logs and waiter, as the Control Tower controls and cdk-nag packs ask for them, at their source.
describe('the operations provider of a stack', () => {
  const stack = testStack();
  const store = new LakeEventDataStore(stack, 'Store');
  new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT count(*) FROM ${store.eventDataStoreId}` });
  const template = Template.fromStack(stack).toJSON();
  const resources = Object.entries<any>(template.Resources);
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const [keyId, key] = ofType('AWS::KMS::Key').find(([id]) => id.startsWith('CloudTrailOrgHandlerLogKey'))!;

  test('encrypts every log group of its functions and waiter with one rotating key of the stack', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'CloudTrailOrgOperationsIsCompleteLogs', 'CloudTrailOrgOperationsOnEventLogs', 'CloudTrailOrgOperationsProviderLogs',
      'CloudTrailOrgOperationsWaiterLogs',
    ]);
    for (const [, group] of groups) {
      expect(group.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    }
    expect(key.Properties.EnableKeyRotation).toBe(true);
  });

  test('lets CloudWatch Logs use the key for log groups of this account and Region only, and describe it', () => {
    const statements = key.Properties.KeyPolicy.Statement.filter((s: any) => s.Principal?.Service === 'logs.us-east-1.amazonaws.com');
    expect(statements).toEqual([
      {
        Sid: 'CloudWatchLogsEncryptHandlerLogGroups',
        Effect: 'Allow',
        Principal: { Service: 'logs.us-east-1.amazonaws.com' },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:us-east-1:111111111111:log-group:*']] },
          },
        },
      },
      { Sid: 'CloudWatchLogsDescribeKey', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:DescribeKey', Resource: '*' },
    ]);
  });

  test('logs every event of the waiter state machine to its log group, and traces it with X-Ray', () => {
    const [[, waiter]] = ofType('AWS::StepFunctions::StateMachine');
    expect(waiter.Properties.TracingConfiguration).toEqual({ Enabled: true });
    expect(waiter.Properties.LoggingConfiguration).toEqual({
      Level: 'ALL',
      IncludeExecutionData: false,
      Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgOperationsWaiterLogs/), 'Arn'] } } }],
    });
    const waiterRole = waiter.Properties.RoleArn['Fn::GetAtt'][0];
    const policy = ofType('AWS::IAM::Policy').find(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === waiterRole))![1];
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual({
      Effect: 'Allow',
      Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
      Resource: '*',
    });
  });
});
