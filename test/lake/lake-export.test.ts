import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { LakeEventDataStore, LakeExportToCloudWatch, LakeExportToCloudWatchProps } from '../../src';
import { errorOf, testStack, validatingApp } from '../util';

const STORE_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const STORE_ARN = `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/${STORE_ID}`;
const KEY_ARN = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function lakeExport(props: Partial<LakeExportToCloudWatchProps> = {}, stack: Stack = testStack()) {
  const store = LakeEventDataStore.fromEventDataStoreAttributes(stack, 'Store', {
    eventDataStoreArn: STORE_ARN, encryptionKey: kms.Key.fromKeyArn(stack, 'StoreKey', KEY_ARN),
  });
  const construct = new LakeExportToCloudWatch(stack, 'Export', { eventDataStore: store, ...props });
  return { stack, store, construct };
}

function resourcesOf(stack: Stack, type: string): Array<Record<string, any>> {
  return Object.values(Template.fromStack(stack).findResources(type));
}

function logicalIdOf(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as any);
}

/** The log group CloudWatch Logs creates for the store, in both forms the API reference writes, with and without its streams. */
const LOG_GROUPS = ['aws', '/aws'].flatMap(prefix => {
  const arn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:us-east-1:111111111111:log-group:${prefix}/cloudtrail/${STORE_ID}`]] };
  return [arn, { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:us-east-1:111111111111:log-group:${prefix}/cloudtrail/${STORE_ID}:*`]] }];
});

function handlerStatements(stack: Stack): Array<Record<string, any>> {
  return resourcesOf(stack, 'AWS::IAM::ManagedPolicy').filter(p => !/copy events/.test(p.Properties.Description ?? ''))
    .flatMap(p => p.Properties.PolicyDocument.Statement);
}

describe('LakeExportToCloudWatch', () => {
  test('starts a CloudWatch Logs import task of the store\'s window with its own role (schema-validated)', () => {
    const { stack, construct } = lakeExport({
      startEventTime: new Date('2026-01-01T00:00:00Z'), endEventTime: new Date('2026-02-01T00:00:00Z'),
    }, new Stack(validatingApp(), 'Stack', { env: { account: '111111111111', region: 'us-east-1' } }));
    const [resource] = resourcesOf(stack, 'Custom::CloudTrailLakeExportToCloudWatch');
    expect(resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgOperationsProviderframeworkonEvent/), 'Arn'] },
      ServiceTimeout: '2100',
      Operation: 'LakeExportToCloudWatch',
      EventDataStoreArn: STORE_ARN,
      ImportRoleArn: { 'Fn::GetAtt': [logicalIdOf(stack, construct.importRole as iam.Role), 'Arn'] },
      StartEventTime: '2026-01-01T00:00:00.000Z',
      EndEventTime: '2026-02-01T00:00:00.000Z',
      WaitForCompletion: 'true',
      TimeoutSeconds: '1800',
    });
    expect(resource.DependsOn).toEqual(expect.arrayContaining([
      expect.stringMatching(/^CloudTrailOrgOperationsHandlerPolicy/), expect.stringMatching(/^ExportRolePolicy/),
    ]));
  });

  // CloudWatch Logs API Reference, CreateImportTask: the role trusts cloudtrail.amazonaws.com and may call
  // cloudtrail:GetEventDataStoreData, logs:CreateLogGroup, logs:CreateLogStream, logs:PutResourcePolicy, and use the source's key
  test('creates a role CloudTrail assumes for this account only, to read this store and create its log group', () => {
    const { stack, construct } = lakeExport();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
        }],
      },
    });
    const [policy] = resourcesOf(stack, 'AWS::IAM::ManagedPolicy').filter(p => /copy events/.test(p.Properties.Description));
    expect(policy.Properties.Roles).toEqual([{ Ref: logicalIdOf(stack, construct.importRole as iam.Role) }]);
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      { Action: 'cloudtrail:GetEventDataStoreData', Effect: 'Allow', Resource: STORE_ARN },
      { Action: ['logs:CreateLogGroup', 'logs:CreateLogStream'], Effect: 'Allow', Resource: LOG_GROUPS },
      { Action: 'logs:PutResourcePolicy', Effect: 'Allow', Resource: '*' },
      { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: KEY_ARN },
    ]);
  });

  test('lets the handler start, follow and cancel import tasks, with the role\'s access, and pass only this role for this store\'s log group', () => {
    const { stack, construct } = lakeExport();
    expect(handlerStatements(stack)).toEqual(expect.arrayContaining([
      {
        Action: ['logs:CreateImportTask', 'logs:DescribeImportTasks', 'logs:DescribeImportTaskBatches', 'logs:CancelImportTask'],
        Effect: 'Allow',
        Resource: '*',
      },
      { Action: 'cloudtrail:GetEventDataStoreData', Effect: 'Allow', Resource: STORE_ARN },
      { Action: ['logs:CreateLogGroup', 'logs:CreateLogStream'], Effect: 'Allow', Resource: LOG_GROUPS },
      { Action: 'logs:PutResourcePolicy', Effect: 'Allow', Resource: '*' },
      {
        Action: 'iam:PassRole',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(stack, construct.importRole as iam.Role), 'Arn'] },
        Condition: { StringLike: { 'iam:AssociatedResourceARN': LOG_GROUPS } },
      },
      { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: KEY_ARN },
    ]));
  });

  test('uses a role it is given; one of another stack only gets a warning that lists its statements', () => {
    const stack = testStack();
    const theirs = iam.Role.fromRoleArn(stack, 'Theirs', 'arn:aws:iam::111111111111:role/export');
    const { construct } = lakeExport({ importRole: theirs }, stack);
    expect(construct.importRole).toBe(theirs);
    expect(resourcesOf(stack, 'AWS::IAM::Role').filter(r => r.Properties.AssumeRolePolicyDocument.Statement[0].Principal?.Service === 'cloudtrail.amazonaws.com'))
      .toEqual([]);
    expect(resourcesOf(stack, 'Custom::CloudTrailLakeExportToCloudWatch')[0].Properties.ImportRoleArn).toBe('arn:aws:iam::111111111111:role/export');
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Export', Match.stringLikeRegexp('^\\[RolePolicyNotManaged\\] import role')).map(w => String(w.entry.data));
    expect(warnings).toEqual([expect.stringMatching(new RegExp('^\\[RolePolicyNotManaged\\] import role arn:aws:iam::111111111111:role/export is not managed by this '
      + 'stack, so its policy was not changed\\. The import task fails unless the role\'s owner adds these statements:\n.*cloudtrail:GetEventDataStoreData', 's'))]);
  });

  test('exposes the task\'s attributes and the destination log group', () => {
    const { stack, construct: e } = lakeExport();
    const logicalId = Object.keys(Template.fromStack(stack).findResources('Custom::CloudTrailLakeExportToCloudWatch'))[0];
    expect([e.importId, e.importStatus, e.importDestinationArn, e.bytesImported].map(a => stack.resolve(a)))
      .toEqual(['ImportId', 'ImportStatus', 'ImportDestinationArn', 'BytesImported'].map(name => ({ 'Fn::GetAtt': [logicalId, name] })));
    // aws-cdk-lib's ILogGroup convention: the ARN ends with ':*', the name is the ARN's resource name
    expect(stack.resolve(e.logGroup.logGroupArn)).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId, 'ImportDestinationArn'] }, ':*']] });
    expect(JSON.stringify(stack.resolve(e.logGroup.logGroupName))).toContain(`{"Fn::Split":[":",{"Fn::GetAtt":["${logicalId}","ImportDestinationArn"]}]}`);
  });

  test('without a window, sends no bounds; without waiting, answers once the task started', () => {
    const { stack } = lakeExport({ waitForCompletion: false });
    const properties = resourcesOf(stack, 'Custom::CloudTrailLakeExportToCloudWatch')[0].Properties;
    expect(properties).not.toHaveProperty('StartEventTime');
    expect(properties).not.toHaveProperty('EndEventTime');
    expect(properties).toMatchObject({ WaitForCompletion: 'false', ServiceTimeout: '300' });
  });

  test('the template, as a snapshot', () => {
    const { stack } = lakeExport({ startEventTime: new Date('2026-01-01T00:00:00Z'), timeout: Duration.minutes(45) });
    const template = Template.fromStack(stack).toJSON();
    const ours = Object.fromEntries(Object.entries(template.Resources as Record<string, any>).filter(([id]) => id.startsWith('Export')));
    expect(ours).toMatchSnapshot();
  });

  describe('rules', () => {
    test.each<[string, Partial<LakeExportToCloudWatchProps>, string]>([
      ['an end before the start', { startEventTime: new Date('2026-02-01T00:00:00Z'), endEventTime: new Date('2026-01-01T00:00:00Z') },
        '[Stack/Export] [ExportTimeRange] startEventTime "2026-02-01T00:00:00.000Z": must not be after endEventTime 2026-01-01T00:00:00.000Z '
        + '(CloudWatch Logs CreateImportTask importFilter). Fix: swap the two dates, or move startEventTime earlier'],
      ['an invalid date', { startEventTime: new Date('not a date') },
        '[Stack/Export] [ImportEventTimeValid] startEventTime null: must be a valid date (CloudWatch Logs CreateImportTask importFilter). '
        + 'Fix: pass a Date such as new Date(\'2026-01-01T00:00:00Z\')'],
    ])('rejects %s', (_name, props, message) => {
      expect(errorOf(() => lakeExport(props)).message).toBe(message);
    });

    test.each<[string, Partial<LakeExportToCloudWatchProps>, RegExp]>([
      ['a timeout over 55 minutes', { timeout: Duration.minutes(56) }, /\[OperationTimeoutRange\]/],
      ['a timeout of half a second', { timeout: Duration.millis(1500) }, /\[OperationTimeoutRange\]/],
    ])('rejects %s', (_name, props, id) => {
      expect(() => lakeExport(props)).toThrow(id);
    });

    test('reports a wrong window and a wrong timeout in one error', () => {
      const message = errorOf(() => lakeExport({ startEventTime: new Date('not a date'), timeout: Duration.minutes(56) })).message;
      expect(message).toMatch(/^2 problems:\n {2}\[Stack\/Export\] \[ImportEventTimeValid\] .*\n {2}\[Stack\/Export\] \[OperationTimeoutRange\] /);
    });

    test('accepts a window of one instant: CloudWatch Logs allows a start equal to the end', () => {
      const at = new Date('2026-01-01T00:00:00Z');
      expect(() => lakeExport({ startEventTime: at, endEventTime: at })).not.toThrow();
    });
  });

  describe('chaining', () => {
    function exports(count: number, waits: (i: number) => boolean = () => true) {
      const stack = testStack();
      const store = LakeEventDataStore.fromEventDataStoreArn(stack, 'Store', STORE_ARN);
      const all = Array.from({ length: count }, (_, i) => new LakeExportToCloudWatch(stack, `E${i}`, {
        eventDataStore: store, startEventTime: new Date(Date.UTC(2026, i, 1)), waitForCompletion: waits(i),
      }));
      return { stack, all };
    }

    test('runs at most three exports of a stack at once: the fourth waits for the first', () => {
      const { stack, all } = exports(5);
      const template = Template.fromStack(stack).toJSON();
      const waitsFor = (e: LakeExportToCloudWatch) => (template.Resources[logicalIdOf(stack, e)].DependsOn as string[]).filter(id => /^E\d[0-9A-F]{8}$/.test(id));
      expect(all.map(waitsFor)).toEqual([[], [], [], [logicalIdOf(stack, all[0])], [logicalIdOf(stack, all[1])]]);
    });

    test('rejects an export three places after one that does not wait', () => {
      const { stack } = exports(4, i => i !== 0);
      expect(errorOf(() => Template.fromStack(stack)).message).toContain('[Stack/E3] [ExportsAtATime] waitForCompletion of Stack/E0 false: lets that export run on '
        + 'after its deployment step, so this export, which follows it, could be the 4th active import and fail; CloudWatch Logs runs at most 3 active imports '
        + 'per account (CreateImportTask). Fix: let Stack/E0 wait for completion, or deploy this export in a later deployment');
    });

    test('allows the last three exports not to wait', () => {
      const { stack } = exports(4, i => i === 0);
      expect(() => Template.fromStack(stack)).not.toThrow();
    });
  });
});
