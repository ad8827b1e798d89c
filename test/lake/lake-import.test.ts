import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EventDataStoreKind, LakeEventDataStore, LakeImport, LakeImportProps } from '../../src';
import { errorOf, testStack } from '../util';

const STORE_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function setUp(kind?: EventDataStoreKind) {
  const stack = testStack();
  const store = LakeEventDataStore.fromEventDataStoreAttributes(stack, 'Store', { eventDataStoreArn: STORE_ARN, kind });
  const bucket = new s3.Bucket(stack, 'TrailLogs', { encryption: s3.BucketEncryption.KMS });
  return { stack, store, bucket };
}

function lakeImport(props: Partial<LakeImportProps> = {}, kind?: EventDataStoreKind) {
  const { stack, store, bucket } = setUp(kind);
  const construct = new LakeImport(stack, 'Import', { eventDataStore: store, sourceBucket: bucket, ...props });
  return { stack, bucket, construct };
}

function resourcesOf(stack: Stack, type: string): Array<Record<string, any>> {
  return Object.values(Template.fromStack(stack).findResources(type));
}

function logicalIdOf(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as any);
}

function managedPolicyStatements(stack: Stack, description: RegExp): Array<Record<string, unknown>> {
  return resourcesOf(stack, 'AWS::IAM::ManagedPolicy')
    .filter(p => description.test(p.Properties.Description))
    .flatMap(p => p.Properties.PolicyDocument.Statement);
}

describe('LakeImport', () => {
  test('starts an import of the bucket\'s CloudTrail prefix into the store, bounded by the dates', () => {
    const { stack, bucket, construct } = lakeImport({
      startEventTime: new Date('2026-01-01T00:00:00Z'),
      endEventTime: new Date('2026-02-01T00:00:00Z'),
    });
    const [resource] = resourcesOf(stack, 'Custom::CloudTrailLakeImport');
    expect(resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgOperationsProviderframeworkonEvent/), 'Arn'] },
      ServiceTimeout: '2100',
      Operation: 'LakeImport',
      EventDataStoreArn: STORE_ARN,
      S3LocationUri: { 'Fn::Join': ['', ['s3://', { Ref: logicalIdOf(stack, bucket) }]] },
      S3BucketRegion: 'us-east-1',
      S3BucketAccessRoleArn: { 'Fn::GetAtt': [stack.getLogicalId(construct.role.node.defaultChild as iam.CfnRole), 'Arn'] },
      StartEventTime: '2026-01-01T00:00:00.000Z',
      EndEventTime: '2026-02-01T00:00:00.000Z',
      WaitForCompletion: 'true',
      TimeoutSeconds: '1800',
    });
    expect(resource.DependsOn).toEqual(expect.arrayContaining([
      expect.stringMatching(/^CloudTrailOrgOperationsHandlerPolicy/), expect.stringMatching(/^ImportSourcePolicy/),
    ]));
  });

  test('imports from a prefix and Region when given', () => {
    const { stack, bucket } = lakeImport({ sourcePrefix: 'org-trail/', sourceRegion: 'eu-west-1' });
    expect(resourcesOf(stack, 'Custom::CloudTrailLakeImport')[0].Properties).toMatchObject({
      S3LocationUri: { 'Fn::Join': ['', ['s3://', { Ref: logicalIdOf(stack, bucket) }, '/org-trail']] },
      S3BucketRegion: 'eu-west-1',
    });
  });

  test.each(['eusc-de-east-1', 'cn-northwest-1', 'us-gov-east-1', 'us-iso-west-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1'])(
    'imports from a bucket in %s', region => {
      const { stack } = lakeImport({ sourceRegion: region });
      expect(resourcesOf(stack, 'Custom::CloudTrailLakeImport')[0].Properties.S3BucketRegion).toBe(region);
    });

  // CloudTrail User Guide, "Copy trail events to an event data store": IAM permissions (role and trust policies),
  // Amazon S3 bucket policy, and KMS key policy for decrypting data in the source S3 bucket.
  test('creates a role that CloudTrail assumes for this store only, to read the source prefix and decrypt with the bucket key', () => {
    const { stack, bucket, construct } = lakeImport({ sourcePrefix: 'org-trail' });
    const role = resourcesOf(stack, 'AWS::IAM::Role').find(r => /CloudTrail Lake import/.test(r.Properties.Description ?? ''));
    expect(role?.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': '111111111111', 'aws:SourceArn': STORE_ARN } },
    }]);
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(stack, bucket), 'Arn'] };
    const keyArn = { 'Fn::GetAtt': [stack.getLogicalId(bucket.encryptionKey!.node.defaultChild as kms.CfnKey), 'Arn'] };
    expect(managedPolicyStatements(stack, /read trail logs/)).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [{ 'Fn::Join': ['', [bucketArn, '/org-trail']] }, { 'Fn::Join': ['', [bucketArn, '/org-trail/*']] }],
      },
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketAcl'], Resource: bucketArn },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: keyArn },
    ]);
    expect(resourcesOf(stack, 'AWS::IAM::ManagedPolicy').find(p => /read trail logs/.test(p.Properties.Description))?.Properties.Roles)
      .toEqual([{ Ref: stack.getLogicalId(construct.role.node.defaultChild as iam.CfnRole) }]);
  });

  test('lets the role read the source in the bucket policy, and decrypt in the key policy, of a bucket and key of this stack', () => {
    const { stack, bucket, construct } = lakeImport({ sourcePrefix: 'org-trail' });
    const roleArn = { 'Fn::GetAtt': [stack.getLogicalId(construct.role.node.defaultChild as iam.CfnRole), 'Arn'] };
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(stack, bucket), 'Arn'] };
    expect(resourcesOf(stack, 'AWS::S3::BucketPolicy')[0].Properties.PolicyDocument.Statement).toContainEqual({
      Sid: 'CloudTrailLakeImportRead',
      Effect: 'Allow',
      Principal: { AWS: roleArn },
      Action: ['s3:ListBucket', 's3:GetBucketAcl', 's3:GetObject'],
      Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/org-trail']] }, { 'Fn::Join': ['', [bucketArn, '/org-trail/*']] }],
    });
    expect(resourcesOf(stack, 'AWS::KMS::Key')[0].Properties.KeyPolicy.Statement).toContainEqual({
      Sid: 'CloudTrailLakeImportDecrypt',
      Effect: 'Allow',
      Principal: { AWS: roleArn },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('asks the owner of an imported bucket and key for the statements', () => {
    const { stack, store } = setUp();
    new LakeImport(stack, 'Import', {
      eventDataStore: store,
      sourceBucket: s3.Bucket.fromBucketName(stack, 'Theirs', 'org-trail-logs'),
      sourceKey: kms.Key.fromKeyArn(stack, 'TheirKey', 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    });
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Import', Match.anyValue()).map(w => String(w.entry.data));
    expect(warnings).toEqual([
      expect.stringMatching(/^\[BucketPolicyNotManaged\] bucket org-trail-logs is not managed by this stack.*"CloudTrailLakeImportRead"/s),
      expect.stringMatching(/^\[KeyPolicyNotManaged\] KMS key arn:aws:kms:us-east-1:222222222222:key\/1234abcd-12ab-34cd-56ef-1234567890ab is not managed.*"CloudTrailLakeImportDecrypt"/s),
    ]);
  });

  test('lets the default role decrypt with the key the log files are encrypted with, when given', () => {
    const { stack, store } = setUp();
    const trailKey = new kms.Key(stack, 'TrailKey');
    new LakeImport(stack, 'Import', { eventDataStore: store, sourceBucket: new s3.Bucket(stack, 'Plain'), sourceKey: trailKey });
    expect(managedPolicyStatements(stack, /read trail logs from Stack\/Plain/)).toContainEqual({
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: { 'Fn::GetAtt': [stack.getLogicalId(trailKey.node.defaultChild as kms.CfnKey), 'Arn'] },
    });
  });

  test('lets the handlers start, follow and stop imports, and pass this role to CloudTrail', () => {
    const { stack, construct } = lakeImport();
    const statements = managedPolicyStatements(stack, /^Runs the CloudTrail operations/);
    // Service Authorization Reference: StartImport, like the others, has no resource type, so only '*' grants it
    expect(statements.filter(s => [s.Action].flat().includes('cloudtrail:StartImport'))).toEqual([{
      Effect: 'Allow',
      Action: ['cloudtrail:StartImport', 'cloudtrail:GetImport', 'cloudtrail:ListImports', 'cloudtrail:ListImportFailures', 'cloudtrail:StopImport'],
      Resource: '*',
    }]);
    expect(statements).toEqual(expect.arrayContaining([
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: { 'Fn::GetAtt': [stack.getLogicalId(construct.role.node.defaultChild as iam.CfnRole), 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' } },
      },
    ]));
  });

  test('gives a role of this stack the read policy, and asks the owner of any other role for it', () => {
    const own = testStack();
    const role = new iam.Role(own, 'Mine', { assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com') });
    new LakeImport(own, 'Import', {
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(own, 'Store', STORE_ARN),
      sourceBucket: new s3.Bucket(own, 'Logs'),
      role,
    });
    expect(resourcesOf(own, 'AWS::IAM::ManagedPolicy').find(p => /read trail logs/.test(p.Properties.Description))?.Properties.Roles)
      .toEqual([{ Ref: own.getLogicalId(role.node.defaultChild as iam.CfnRole) }]);

    const other = testStack();
    new LakeImport(other, 'Import', {
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(other, 'Store', STORE_ARN),
      sourceBucket: new s3.Bucket(other, 'Logs'),
      role: iam.Role.fromRoleArn(other, 'Theirs', 'arn:aws:iam::111111111111:role/import'),
    });
    expect(resourcesOf(other, 'AWS::IAM::ManagedPolicy').filter(p => /read trail logs/.test(p.Properties.Description))).toEqual([]);
    const warnings = Annotations.fromStack(other).findWarning('/Stack/Import', Match.stringLikeRegexp('^\\[RolePolicyNotManaged\\] import role')).map(w => String(w.entry.data));
    expect(warnings).toEqual([expect.stringMatching(new RegExp('^\\[RolePolicyNotManaged\\] import role arn:aws:iam::111111111111:role/import is not managed by this stack, so its policy '
      + 'was not changed\\. The import fails with InvalidImportSourceException unless the role\'s owner adds these statements:\n'))]);
  });

  test('exposes the import attributes', () => {
    const { stack, construct: i } = lakeImport();
    const logicalId = Object.keys(Template.fromStack(stack).findResources('Custom::CloudTrailLakeImport'))[0];
    const attributes = [i.importId, i.importStatus, i.prefixesFound, i.prefixesCompleted, i.filesCompleted, i.eventsCompleted, i.failedEntries];
    expect(attributes.map(a => stack.resolve(a)))
      .toEqual(['ImportId', 'ImportStatus', 'PrefixesFound', 'PrefixesCompleted', 'FilesCompleted', 'EventsCompleted', 'FailedEntries']
        .map(name => ({ 'Fn::GetAtt': [logicalId, name] })));
  });

  describe('rules', () => {
    test.each([EventDataStoreKind.CONFIGURATION_ITEMS, EventDataStoreKind.EXTERNAL_EVENTS, EventDataStoreKind.INSIGHTS])('rejects a store of %s', kind => {
      expect(errorOf(() => lakeImport({}, kind)).message).toBe(
        `[Stack/Import] [ImportStoreKind] eventDataStore "${kind}": is not a store of CloudTrail events; trail events can only be copied into one `
        + '(StartImport InvalidEventDataStoreCategoryException). Fix: import into a LakeEventDataStore of kind EventDataStoreKind.CLOUDTRAIL_EVENTS');
    });

    test('accepts a store of CloudTrail events, and one of unknown kind', () => {
      expect(() => lakeImport({}, EventDataStoreKind.CLOUDTRAIL_EVENTS)).not.toThrow();
      expect(() => lakeImport({})).not.toThrow();
    });

    test.each<[string, Partial<LakeImportProps>, string]>([
      ['an end before the start', { startEventTime: new Date('2026-02-01T00:00:00Z'), endEventTime: new Date('2026-01-01T00:00:00Z') },
        '[Stack/Import] [ImportTimeRange] startEventTime "2026-02-01T00:00:00.000Z": must be before endEventTime 2026-01-01T00:00:00.000Z '
        + '(StartImport StartEventTime / EndEventTime). Fix: swap the two dates, or move startEventTime earlier'],
      ['equal dates', { startEventTime: new Date('2026-01-01T00:00:00Z'), endEventTime: new Date('2026-01-01T00:00:00Z') },
        '[Stack/Import] [ImportTimeRange] startEventTime "2026-01-01T00:00:00.000Z": must be before endEventTime 2026-01-01T00:00:00.000Z '
        + '(StartImport StartEventTime / EndEventTime). Fix: swap the two dates, or move startEventTime earlier'],
      ['an invalid date', { endEventTime: new Date('not a date') },
        '[Stack/Import] [ImportEventTimeValid] endEventTime null: must be a valid date (StartImport StartEventTime / EndEventTime). '
        + 'Fix: pass a Date such as new Date(\'2026-01-01T00:00:00Z\')'],
      ['a prefix with a leading slash', { sourcePrefix: '/logs' },
        '[Stack/Import] [KeyPrefixLeadingSlash] sourcePrefix "/logs": must not start with \'/\': the URI already separates the bucket from the prefix with one. '
        + 'Fix: remove the leading \'/\''],
      ['a Region that is not one', { sourceRegion: 'US East' },
        '[Stack/Import] [ImportSourceRegionFormat] sourceRegion "US East": must be an AWS Region name. Fix: pass the source bucket\'s Region, e.g. \'us-east-1\''],
      ['a Region with a misspelt partition prefix', { sourceRegion: 'eusc-east-1' },
        '[Stack/Import] [ImportSourceRegionFormat] sourceRegion "eusc-east-1": must be an AWS Region name. Fix: pass the source bucket\'s Region, e.g. \'us-east-1\''],
      ['a timeout over 55 minutes', { timeout: Duration.minutes(90) },
        '[Stack/Import] [OperationTimeoutRange] timeout "1 hour 30 minutes": must be whole seconds from 1 to 55 minutes, because CloudFormation fails a custom resource that has not '
        + 'answered within 60 minutes (AWS::CloudFormation::CustomResource ServiceTimeout). Fix: wait at most Duration.minutes(55), or set waitForCompletion: '
        + 'false and follow the operation outside the deployment'],
    ])('rejects %s', (_name, props, message) => {
      expect(errorOf(() => lakeImport(props)).message).toBe(message);
    });
  });

  test('reports a wrong window and a wrong timeout in one error', () => {
    const message = errorOf(() => lakeImport({ endEventTime: new Date('not a date'), timeout: Duration.minutes(90) })).message;
    expect(message).toMatch(/^2 problems:\n {2}\[Stack\/Import\] \[ImportEventTimeValid\] endEventTime null: .*\n {2}\[Stack\/Import\] \[OperationTimeoutRange\] timeout "1 hour 30 minutes": /);
  });

  describe('chaining', () => {
    test('runs the imports of a stack one after the other', () => {
      const { stack, store, bucket } = setUp();
      const imports = ['A', 'B', 'C'].map(id => new LakeImport(stack, id, { eventDataStore: store, sourceBucket: bucket, sourcePrefix: id }));
      const template = Template.fromStack(stack).toJSON();
      const importIds = (i: LakeImport) => (template.Resources[logicalIdOf(stack, i)].DependsOn as string[]).filter(id => /^[ABC][0-9A-F]{8}$/.test(id));
      expect(imports.map(importIds)).toEqual([[], [logicalIdOf(stack, imports[0])], [logicalIdOf(stack, imports[1])]]);
      expect(resourcesOf(stack, 'AWS::StepFunctions::StateMachine')).toHaveLength(1);
    });

    test('rejects an import that follows one which does not wait', () => {
      const { stack, store, bucket } = setUp();
      new LakeImport(stack, 'A', { eventDataStore: store, sourceBucket: bucket, waitForCompletion: false });
      new LakeImport(stack, 'B', { eventDataStore: store, sourceBucket: bucket, sourcePrefix: 'b' });
      expect(errorOf(() => Template.fromStack(stack)).message).toContain(
        '[Stack/B] [OneImportAtATime] waitForCompletion of Stack/A false: lets that import run on after its deployment step, so this import, which follows it, would fail '
        + 'with AccountHasOngoingImportException; CloudTrail runs one import per account at a time (StartImport). '
        + 'Fix: let Stack/A wait for completion, or deploy this import in a later deployment');
    });

    test('allows the last import not to wait', () => {
      const { stack, store, bucket } = setUp();
      new LakeImport(stack, 'A', { eventDataStore: store, sourceBucket: bucket });
      new LakeImport(stack, 'B', { eventDataStore: store, sourceBucket: bucket, sourcePrefix: 'b', waitForCompletion: false });
      expect(resourcesOf(stack, 'Custom::CloudTrailLakeImport')[1].Properties.WaitForCompletion).toBe('false');
    });
  });
});
