import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LakeEventDataStore, LakeQuery, OrganizationDelegatedAdmin } from '../../src';
import { errorOf, testApp, testStack } from '../util';

function resourcesOf(stack: Stack, type: string): Array<Record<string, any>> {
  return Object.values(Template.fromStack(stack).findResources(type));
}

function handlerStatements(stack: Stack): Array<Record<string, unknown>> {
  return resourcesOf(stack, 'AWS::IAM::ManagedPolicy')
    .filter(p => /^Runs the synchronous CloudTrail operations/.test(p.Properties.Description))
    .flatMap(p => p.Properties.PolicyDocument.Statement);
}

describe('OrganizationDelegatedAdmin', () => {
  test('registers the member account with the stack\'s synchronous-operations function as the service token', () => {
    const stack = testStack();
    new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '222222222222' });
    const [resource] = resourcesOf(stack, 'Custom::CloudTrailDelegatedAdmin');
    expect(resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgSyncOperationsFunction[0-9A-F]{8}$/), 'Arn'] },
      ServiceTimeout: '300',
      Operation: 'OrganizationDelegatedAdmin',
      MemberAccountId: '222222222222',
    });
    expect(resource.DependsOn).toEqual([expect.stringMatching(/^CloudTrailOrgSyncOperationsHandlerPolicy/)]);
  });

  test('costs six resources: the custom resource, one function with its role, managed policy and encrypted log group, and the log key', () => {
    const stack = testStack();
    new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '222222222222' });
    const template = Template.fromStack(stack).toJSON();
    expect(Object.values<any>(template.Resources).map(r => r.Type).sort()).toEqual([
      'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup', 'Custom::CloudTrailDelegatedAdmin',
    ]);
    const [[keyId]] = Object.entries<any>(template.Resources).filter(([, r]) => r.Type === 'AWS::KMS::Key');
    const [group] = resourcesOf(stack, 'AWS::Logs::LogGroup');
    expect(group.Properties).toEqual({ RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    const [fn] = resourcesOf(stack, 'AWS::Lambda::Function');
    expect(fn.Properties).toEqual(expect.objectContaining({
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Timeout: 120,
      LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/^CloudTrailOrgSyncOperationsLogs/) } },
      Role: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgSyncOperationsHandlerRole/), 'Arn'] },
    }));
  });

  test('the function may write its own log group and do what the administrators need, nothing more', () => {
    const stack = testStack();
    new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '222222222222' });
    const statements = handlerStatements(stack);
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgSyncOperationsLogs/), 'Arn'] },
    });
    expect(statements).toHaveLength(7);
    // only the function's own role: no inline policies, no other roles
    expect(resourcesOf(stack, 'AWS::IAM::Policy')).toEqual([]);
    expect(resourcesOf(stack, 'AWS::IAM::Role')).toHaveLength(1);
  });

  test('one function serves every administrator of a stack, beside the waiter-based provider of its queries and imports', () => {
    const stack = testStack();
    new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '222222222222' });
    new OrganizationDelegatedAdmin(stack, 'SecondAdmin', { memberAccountId: '333333333333' });
    const store = new LakeEventDataStore(stack, 'Store');
    new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT count(*) FROM ${store.eventDataStoreId}` });
    const template = Template.fromStack(stack);
    const tokens = Object.values(template.findResources('Custom::CloudTrailDelegatedAdmin')).map((r: any) => r.Properties.ServiceToken['Fn::GetAtt'][0]);
    expect(new Set(tokens).size).toBe(1);
    expect(Object.values<any>(template.findResources('Custom::CloudTrailLakeQuery'))[0].Properties.ServiceToken['Fn::GetAtt'][0])
      .toMatch(/^CloudTrailOrgOperationsProviderframeworkonEvent/);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    // the stack's one handler log key encrypts the log groups of both
    expect(Object.keys(template.findResources('AWS::KMS::Key')).filter(id => id.startsWith('CloudTrailOrgHandlerLogKey'))).toHaveLength(1);
  });

  test('may register and deregister only this account for CloudTrail, and create only CloudTrail\'s two service-linked roles', () => {
    const stack = testStack();
    new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '222222222222' });
    const forCloudTrail = { StringEquals: { 'organizations:ServicePrincipal': 'cloudtrail.amazonaws.com' } };
    // CloudTrail User Guide, "Required permissions to assign a delegated administrator": both service principals
    const serviceLinkedRoles = [
      'cloudtrail.amazonaws.com/AWSServiceRoleForCloudTrail',
      'context.cloudtrail.amazonaws.com/AWSServiceRoleForCloudTrailEventContext',
    ].map(role => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::111111111111:role/aws-service-role/${role}`]] }));
    expect(handlerStatements(stack)).toEqual(expect.arrayContaining([
      { Effect: 'Allow', Action: ['cloudtrail:RegisterOrganizationDelegatedAdmin', 'cloudtrail:DeregisterOrganizationDelegatedAdmin'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['organizations:RegisterDelegatedAdministrator', 'organizations:DeregisterDelegatedAdministrator'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':organizations::111111111111:account/o-*/222222222222']] },
        Condition: forCloudTrail,
      },
      { Effect: 'Allow', Action: 'organizations:EnableAWSServiceAccess', Resource: '*', Condition: forCloudTrail },
      { Effect: 'Allow', Action: ['organizations:DescribeOrganization', 'organizations:ListAWSServiceAccessForOrganization'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'iam:CreateServiceLinkedRole',
        Resource: serviceLinkedRoles,
        Condition: { StringEquals: { 'iam:AWSServiceName': ['cloudtrail.amazonaws.com', 'context.cloudtrail.amazonaws.com'] } },
      },
      { Effect: 'Allow', Action: 'iam:GetRole', Resource: serviceLinkedRoles },
    ]));
  });

  test('registers several accounts one after the other', () => {
    const stack = testStack();
    const admins = ['222222222222', '333333333333'].map((id, i) => new OrganizationDelegatedAdmin(stack, `Admin${i}`, { memberAccountId: id }));
    const template = Template.fromStack(stack).toJSON();
    const logicalId = (a: OrganizationDelegatedAdmin) => stack.getLogicalId(a.node.defaultChild as any);
    expect(template.Resources[logicalId(admins[1])].DependsOn).toContain(logicalId(admins[0]));
    expect(template.Resources[logicalId(admins[0])].DependsOn.filter((id: string) => id.startsWith('Admin'))).toEqual([]);
  });

  test.each<[string, string, string]>([
    ['an ID that is not 12 digits', '12345', '[Stack/Admin] [AccountIdFormat] memberAccountId "12345": must be an AWS account ID of 12 digits. '
      + 'Fix: pass the ID of the member account to delegate to, e.g. \'222222222222\''],
    ['the management account itself', '111111111111', '[Stack/Admin] [DelegatedAdminNotManagementAccount] memberAccountId "111111111111": is the account this stack deploys to, which must be '
      + 'the organization\'s management account; the management account cannot be its own delegated administrator '
      + '(RegisterOrganizationDelegatedAdmin CannotDelegateManagementAccountException). Fix: pass a member account, such as your security tooling account'],
  ])('rejects %s', (_name, memberAccountId, message) => {
    expect(errorOf(() => new OrganizationDelegatedAdmin(testStack(), 'Admin', { memberAccountId })).message).toBe(message);
  });

  test('accepts any account in an environment-agnostic stack', () => {
    const stack = new Stack(testApp(), 'Stack');
    new OrganizationDelegatedAdmin(stack, 'Admin', { memberAccountId: '111111111111' });
    expect(resourcesOf(stack, 'Custom::CloudTrailDelegatedAdmin')).toHaveLength(1);
  });

  test('rejects the same account twice', () => {
    const stack = testStack();
    new OrganizationDelegatedAdmin(stack, 'A', { memberAccountId: '222222222222' });
    new OrganizationDelegatedAdmin(stack, 'B', { memberAccountId: '222222222222' });
    expect(errorOf(() => Template.fromStack(stack)).message).toContain('[Stack/B] [DelegatedAdminUnique] memberAccountId "222222222222": is registered by another '
      + 'OrganizationDelegatedAdmin of this stack too (AccountRegisteredException). Fix: keep one OrganizationDelegatedAdmin per account');
  });

  test('rejects a fourth delegated administrator', () => {
    const stack = testStack();
    for (const id of ['222222222222', '333333333333', '444444444444', '555555555555']) {
      new OrganizationDelegatedAdmin(stack, `Admin${id[0]}`, { memberAccountId: id });
    }
    expect(errorOf(() => Template.fromStack(stack)).message).toContain('[Stack/Admin5] [DelegatedAdminsQuota] memberAccountId "555555555555": is one of 4 CloudTrail delegated '
      + 'administrators in this stack; an organization has at most 3 (RegisterOrganizationDelegatedAdmin DelegatedAdminAccountLimitExceededException). '
      + 'Fix: keep at most 3 OrganizationDelegatedAdmin resources');
  });
});
