import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CloudTrailTrustedAccess, OrganizationDelegatedAdmin } from '../../src';
import { testStack } from '../util';

function resourcesOf(stack: Stack, type: string): Array<Record<string, any>> {
  return Object.values(Template.fromStack(stack).findResources(type));
}

function handlerStatements(stack: Stack): Array<Record<string, unknown>> {
  return resourcesOf(stack, 'AWS::IAM::ManagedPolicy').flatMap(p => p.Properties.PolicyDocument.Statement);
}

const ENABLE_FOR_CLOUDTRAIL = {
  Effect: 'Allow',
  Action: 'organizations:EnableAWSServiceAccess',
  Resource: '*',
  Condition: { StringEquals: { 'organizations:ServicePrincipal': 'cloudtrail.amazonaws.com' } },
};

describe('CloudTrailTrustedAccess', () => {
  test('enables trusted access through the stack\'s synchronous-operations function', () => {
    const stack = testStack();
    new CloudTrailTrustedAccess(stack, 'TrustedAccess');
    const [resource] = resourcesOf(stack, 'Custom::CloudTrailTrustedAccess');
    expect(resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgSyncOperationsFunction[0-9A-F]{8}$/), 'Arn'] },
      ServiceTimeout: '300',
      Operation: 'CloudTrailTrustedAccess',
    });
    expect(resource.DependsOn).toEqual([expect.stringMatching(/^CloudTrailOrgSyncOperationsHandlerPolicy/)]);
    expect(Object.values<any>(Template.fromStack(stack).toJSON().Resources).map(r => r.Type).sort()).toEqual([
      'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup', 'Custom::CloudTrailTrustedAccess',
    ]);
  });

  test('the function may enable trusted access for CloudTrail only, describe the organization and write its logs; nothing more', () => {
    const stack = testStack();
    new CloudTrailTrustedAccess(stack, 'TrustedAccess');
    const statements = handlerStatements(stack);
    expect(statements).toContainEqual(ENABLE_FOR_CLOUDTRAIL);
    expect(statements).toContainEqual({ Effect: 'Allow', Action: 'organizations:DescribeOrganization', Resource: '*' });
    expect(statements).toContainEqual(expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] }));
    expect(statements).toHaveLength(3);
    expect(JSON.stringify(statements)).not.toMatch(/DisableAWSServiceAccess|cloudtrail:|iam:/);
  });

  test('shares the function, and the EnableAWSServiceAccess statement, with the delegated administrators of the stack', () => {
    const stack = testStack();
    new CloudTrailTrustedAccess(stack, 'TrustedAccess');
    new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '222222222222' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    const tokens = [
      ...Object.values<any>(template.findResources('Custom::CloudTrailTrustedAccess')),
      ...Object.values<any>(template.findResources('Custom::CloudTrailDelegatedAdmin')),
    ].map(r => r.Properties.ServiceToken['Fn::GetAtt'][0]);
    expect(new Set(tokens).size).toBe(1);
    const enabling = handlerStatements(stack).filter(s => JSON.stringify(s).includes('EnableAWSServiceAccess'));
    expect(enabling).toEqual([ENABLE_FOR_CLOUDTRAIL]);
  });
});
