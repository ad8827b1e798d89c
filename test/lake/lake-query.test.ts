import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  EventDataStoreKind, IEventDataStore, LakeEventDataStore, LakeQuery, LakeQueryProps, OrganizationDelegatedAdmin, ScheduledLakeQuery,
  ScheduledLakeQueryProps,
} from '../../src';
import { errorOf, testApp, testStack } from '../util';

const STORE_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const STORE_ARN = `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/${STORE_ID}`;
const STATEMENT = `SELECT eventName, count(*) FROM ${STORE_ID} GROUP BY eventName`;

function importedStore(stack: Stack, kind?: EventDataStoreKind): IEventDataStore {
  return stack.node.tryFindChild('Imported') as IEventDataStore | undefined
    ?? LakeEventDataStore.fromEventDataStoreAttributes(stack, 'Imported', { eventDataStoreArn: STORE_ARN, kind });
}

function query(stack: Stack, props: Partial<LakeQueryProps> = {}, id = 'Query'): LakeQuery {
  return new LakeQuery(stack, id, { eventDataStore: importedStore(stack), queryStatement: STATEMENT, ...props });
}

function resourcesOf(stack: Stack, type: string): Array<Record<string, any>> {
  return Object.values(Template.fromStack(stack).findResources(type));
}

/** Every statement of the operations handler's managed policy. */
function handlerStatements(stack: Stack): Array<Record<string, unknown>> {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy', {
    Properties: { Description: Match.stringLikeRegexp('^Runs the CloudTrail operations') },
  });
  return Object.values(policies).flatMap(p => p.Properties.PolicyDocument.Statement);
}

function warnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => String(w.entry.data));
}

describe('LakeQuery', () => {
  test('is a custom resource that runs the statement on the store and waits 30 minutes by default', () => {
    const stack = testStack();
    query(stack);
    const [resource] = resourcesOf(stack, 'Custom::CloudTrailLakeQuery');
    expect(resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgOperationsProviderframeworkonEvent/), 'Arn'] },
      ServiceTimeout: '2100',
      Operation: 'LakeQuery',
      EventDataStoreArn: STORE_ARN,
      QueryStatement: STATEMENT,
      WaitForCompletion: 'true',
      TimeoutSeconds: '1800',
    });
    expect(resource.DependsOn).toEqual([expect.stringMatching(/^CloudTrailOrgOperationsHandlerPolicy/)]);
  });

  test('lets the handlers run, follow and cancel queries of this store only', () => {
    const stack = testStack();
    query(stack);
    expect(handlerStatements(stack)).toContainEqual({
      Effect: 'Allow',
      Action: ['cloudtrail:StartQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:CancelQuery', 'cloudtrail:ListQueries'],
      Resource: STORE_ARN,
    });
  });

  test('lets the handlers use the key of an encrypted store', () => {
    const stack = testStack();
    const store = new LakeEventDataStore(stack, 'Store');
    new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT * FROM ${store.eventDataStoreId}` });
    expect(handlerStatements(stack)).toContainEqual({
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: { 'Fn::GetAtt': [stack.getLogicalId(store.encryptionKey!.node.defaultChild as kms.CfnKey), 'Arn'] },
    });
  });

  test('exposes the query attributes', () => {
    const stack = testStack();
    const q = query(stack);
    const logicalId = Object.keys(Template.fromStack(stack).findResources('Custom::CloudTrailLakeQuery'))[0];
    const attributes = [q.queryId, q.queryStatus, q.eventsMatched, q.eventsScanned, q.bytesScanned, q.executionTimeInMillis, q.deliveryS3Uri];
    expect(attributes.map(a => stack.resolve(a))).toEqual(
      ['QueryId', 'QueryStatus', 'EventsMatched', 'EventsScanned', 'BytesScanned', 'ExecutionTimeInMillis', 'DeliveryS3Uri']
        .map(name => ({ 'Fn::GetAtt': [logicalId, name] })));
  });

  test('passes waitForCompletion and timeout to the handler, and tells CloudFormation to wait 5 minutes longer', () => {
    const stack = testStack();
    query(stack, { waitForCompletion: false, timeout: Duration.minutes(55) });
    expect(resourcesOf(stack, 'Custom::CloudTrailLakeQuery')[0].Properties).toMatchObject({
      WaitForCompletion: 'false', TimeoutSeconds: '3300', ServiceTimeout: '300',
    });
    const other = testStack();
    query(other, { timeout: Duration.minutes(55) });
    expect(resourcesOf(other, 'Custom::CloudTrailLakeQuery')[0].Properties.ServiceTimeout).toBe('3600');
  });

  describe('delivery', () => {
    test('sends results to s3://bucket/prefix and lets CloudTrail write there for queries of this store', () => {
      const stack = testStack();
      const bucket = new s3.Bucket(stack, 'Results');
      query(stack, { deliveryBucket: bucket, deliveryPrefix: 'lake/results/' });
      const bucketRef = { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) };
      const bucketArn = { 'Fn::GetAtt': [stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket), 'Arn'] };
      expect(resourcesOf(stack, 'Custom::CloudTrailLakeQuery')[0].Properties.DeliveryS3Uri).toEqual({ 'Fn::Join': ['', ['s3://', bucketRef, '/lake/results']] });
      const [policy] = resourcesOf(stack, 'AWS::S3::BucketPolicy');
      const fromStore = { StringEquals: { 'aws:SourceArn': STORE_ARN } };
      expect(policy.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([
        {
          Sid: 'CloudTrailLakeQueryResults',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: ['s3:PutObject*', 's3:Abort*'],
          Resource: { 'Fn::Join': ['', [bucketArn, '/lake/results/*']] },
          Condition: fromStore,
        },
        {
          Sid: 'CloudTrailLakeQueryResultsAcl',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:GetBucketAcl',
          Resource: bucketArn,
          Condition: fromStore,
        },
      ]));
    });

    test('lets CloudTrail encrypt results with the bucket\'s key', () => {
      const stack = testStack();
      const bucket = new s3.Bucket(stack, 'Results', { encryption: s3.BucketEncryption.KMS });
      query(stack, { deliveryBucket: bucket });
      expect(resourcesOf(stack, 'AWS::KMS::Key')[0].Properties.KeyPolicy.Statement).toContainEqual({
        Sid: 'CloudTrailLakeQueryResultsEncryption',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceArn': STORE_ARN } },
      });
    });

    test('asks the owner of an imported bucket for the statements', () => {
      const stack = testStack();
      query(stack, { deliveryBucket: s3.Bucket.fromBucketName(stack, 'Results', 'results-bucket') });
      expect(resourcesOf(stack, 'AWS::S3::BucketPolicy')).toEqual([]);
      expect(warnings(stack)).toEqual([expect.stringMatching(/^\[BucketPolicyNotManaged\] query delivery bucket Stack\/Results is not managed by this stack, so its bucket policy was not changed\. Queries fail with InsufficientS3BucketPolicyException unless its owner adds these statements:\n/)]);
      expect(warnings(stack)[0]).toContain('"Resource": "arn:${AWS::Partition}:s3:::results-bucket/*"');
    });

    test.each<[string, Partial<LakeQueryProps>, string]>([
      ['a prefix without a bucket', { deliveryPrefix: 'results' },
        '[Stack/Query] [DeliveryPrefixNeedsBucket] deliveryPrefix "results": needs a deliveryBucket to be a prefix in. Fix: pass deliveryBucket too, or drop deliveryPrefix'],
      ['a prefix with a leading slash', { deliveryBucket: undefined, deliveryPrefix: '/results' },
        '2 problems:\n  [Stack/Query] [DeliveryPrefixNeedsBucket] deliveryPrefix "/results": needs a deliveryBucket to be a prefix in. Fix: pass deliveryBucket too, or drop deliveryPrefix\n'
        + '  [Stack/Query] [KeyPrefixLeadingSlash] deliveryPrefix "/results": must not start with \'/\': the URI already separates the bucket from the prefix with one. '
        + 'Fix: remove the leading \'/\''],
    ])('rejects %s', (_name, props, message) => {
      expect(errorOf(() => query(testStack(), props)).message).toBe(message);
    });

    test('rejects a bucket name the delivery URI pattern refuses', () => {
      const stack = testStack();
      const bucket = s3.Bucket.fromBucketName(stack, 'Results', 'Results_Bucket');
      expect(errorOf(() => query(stack, { deliveryBucket: bucket })).message).toBe(
        '[Stack/Query] [DeliveryS3UriFormat] deliveryBucket "s3://Results_Bucket": must be s3://<bucket>[/<prefix>], with a bucket name of 3 to 63 lowercase letters, digits, '
        + '\'.\' or \'-\' that starts and ends with a letter or digit (API model DeliveryS3Uri). Fix: deliver to a bucket whose name follows the S3 naming rules');
    });
  });

  describe('rules', () => {
    test('rejects a statement that does not name the store', () => {
      expect(errorOf(() => query(testStack(), { queryStatement: 'SELECT * FROM other' })).message).toBe(
        `[Stack/Query] [QueryStatementStoreReference] queryStatement "SELECT * FROM other": does not name the event data store it runs on, '${STORE_ID}' `
        + '(StartQuery QueryStatement: FROM <event data store ID>). Fix: interpolate the store\'s ID into the statement: `SELECT … FROM ${store.eventDataStoreId}`');
    });

    test('rejects a statement that changes data', () => {
      expect(errorOf(() => query(testStack(), { queryStatement: `DELETE FROM ${STORE_ID}` })).message).toBe(
        `[Stack/Query] [QueryStatementReadOnly] queryStatement "DELETE FROM ${STORE_ID}": must be a read-only SELECT query (or WITH … SELECT), and it starts with 'DELETE' `
        + '(StartQuery QueryStatement). Fix: write a SELECT query; CloudTrail Lake cannot change data');
    });

    test('accepts a statement that interpolates the ID of a store of this stack', () => {
      const stack = testStack();
      const store = new LakeEventDataStore(stack, 'Store');
      expect(() => new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT * FROM ${store.eventDataStoreId}` })).not.toThrow();
      expect(errorOf(() => new LakeQuery(stack, 'Other', { eventDataStore: store, queryStatement: `SELECT * FROM ${STORE_ID}` })).message)
        .toMatch(/^\[Stack\/Other\] \[QueryStatementStoreReference\] queryStatement .*does not name the event data store it runs on, the store's eventDataStoreId/);
    });

    test.each<[string, Duration, string]>([
      ['longer than 55 minutes', Duration.minutes(56), '[Stack/Query] [OperationTimeoutRange] timeout "56 minutes": must be whole seconds from 1 to 55 minutes, because CloudFormation fails a '
        + 'custom resource that has not answered within 60 minutes (AWS::CloudFormation::CustomResource ServiceTimeout). Fix: wait at most Duration.minutes(55), '
        + 'or set waitForCompletion: false and follow the operation outside the deployment'],
      ['one hour', Duration.hours(1), '[Stack/Query] [OperationTimeoutRange] timeout "1 hour": must be whole seconds from 1 to 55 minutes, because CloudFormation fails a '
        + 'custom resource that has not answered within 60 minutes (AWS::CloudFormation::CustomResource ServiceTimeout). Fix: wait at most Duration.minutes(55), '
        + 'or set waitForCompletion: false and follow the operation outside the deployment'],
      ['shorter than a minute', Duration.seconds(30), '[Stack/Query] [OperationTimeoutRange] timeout "30 seconds": must be whole seconds from 1 to 55 minutes, because CloudFormation fails a '
        + 'custom resource that has not answered within 60 minutes (AWS::CloudFormation::CustomResource ServiceTimeout). Fix: wait at least Duration.minutes(1)'],
      ['fractions of a second', Duration.millis(90_500), '[Stack/Query] [OperationTimeoutRange] timeout "90.5 seconds": must be whole seconds from 1 to 55 minutes, because '
        + 'CloudFormation fails a custom resource that has not answered within 60 minutes (AWS::CloudFormation::CustomResource ServiceTimeout). '
        + 'Fix: wait at least Duration.minutes(1)'],
    ])('rejects a timeout %s', (_name, timeout, message) => {
      expect(errorOf(() => query(testStack(), { timeout })).message).toBe(message);
    });

    test('reports a wrong statement and a wrong timeout in one error', () => {
      const message = errorOf(() => query(testStack(), { queryStatement: 'DELETE FROM x', timeout: Duration.hours(1) })).message;
      expect(message).toMatch(/^\d problems:\n/);
      expect(message).toContain('[Stack/Query] [OperationTimeoutRange] timeout "1 hour"');
      expect(message).toMatch(/\[Stack\/Query\] \[QueryStatement\w+\] queryStatement /);
    });
  });

  describe('a statement with tokens', () => {
    test('is length-checked by its literal part, the ID of a store of this stack counting as a UUID: 10000 accepted, 10001 rejected', () => {
      const stack = testStack();
      const store = new LakeEventDataStore(stack, 'Store');
      const statement = (length: number) => {
        const head = `SELECT * FROM ${store.eventDataStoreId} WHERE eventName = '`;
        return `${head}${'x'.repeat(length - (head.length - store.eventDataStoreId.length + 36) - 1)}'`;
      };
      expect(() => new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: statement(10000) })).not.toThrow();
      expect(errorOf(() => new LakeQuery(stack, 'Other', { eventDataStore: store, queryStatement: statement(10001) })).message).toBe(
        '[Stack/Other] [QueryStatementLength] queryStatement: has at least 10001 characters (its literal part, with the store\'s ID as 36); '
        + 'CloudTrail takes at most 10000 (API model QueryStatement). Fix: shorten the statement');
    });
  });

  describe('the store owner\'s account (EventDataStoreOwnerAccountId)', () => {
    const OTHER_STORE_ARN = `arn:aws:cloudtrail:us-east-1:222222222222:eventdatastore/${STORE_ID}`;

    test('is passed for a store imported from another account\'s ARN: a delegated administrator querying the management account\'s organization store', () => {
      const stack = testStack();
      const store = LakeEventDataStore.fromEventDataStoreArn(stack, 'OrgStore', OTHER_STORE_ARN);
      new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: STATEMENT });
      expect(resourcesOf(stack, 'Custom::CloudTrailLakeQuery')[0].Properties).toMatchObject({
        EventDataStoreArn: OTHER_STORE_ARN, EventDataStoreOwnerAccountId: '222222222222',
      });
    });

    test('is not passed for a store of the stack\'s own account, nor for one whose account is unknown', () => {
      const stack = testStack();
      query(stack);
      const store = new LakeEventDataStore(stack, 'Store');
      new LakeQuery(stack, 'Created', { eventDataStore: store, queryStatement: `SELECT * FROM ${store.eventDataStoreId}` });
      const agnostic = new Stack(testApp(), 'Agnostic');
      new LakeQuery(agnostic, 'Query', {
        eventDataStore: LakeEventDataStore.fromEventDataStoreArn(agnostic, 'OrgStore', OTHER_STORE_ARN), queryStatement: STATEMENT,
      });
      for (const resource of [...resourcesOf(stack, 'Custom::CloudTrailLakeQuery'), ...resourcesOf(agnostic, 'Custom::CloudTrailLakeQuery')]) {
        expect(resource.Properties).not.toHaveProperty('EventDataStoreOwnerAccountId');
      }
    });

    test('is what eventDataStoreOwnerAccountId says, e.g. for an organization store a delegated administrator creates in the management account', () => {
      const stack = testStack();
      const store = new LakeEventDataStore(stack, 'Store', { organizationEnabled: true });
      new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT * FROM ${store.eventDataStoreId}`, eventDataStoreOwnerAccountId: '333333333333' });
      expect(resourcesOf(stack, 'Custom::CloudTrailLakeQuery')[0].Properties.EventDataStoreOwnerAccountId).toBe('333333333333');
    });

    test('is the store\'s managementAccountId for an organization store created from a delegated administrator account', () => {
      const stack = testStack();
      const store = new LakeEventDataStore(stack, 'Store', { organizationEnabled: true, managementAccountId: '333333333333' });
      new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT * FROM ${store.eventDataStoreId}` });
      new ScheduledLakeQuery(stack, 'Daily', {
        eventDataStore: store,
        queryStatement: `SELECT * FROM ${store.eventDataStoreId}`,
        schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
        deliveryBucket: s3.Bucket.fromBucketName(stack, 'Results', 'results-bucket'),
      });
      expect(resourcesOf(stack, 'Custom::CloudTrailLakeQuery')[0].Properties.EventDataStoreOwnerAccountId).toBe('333333333333');
      expect(JSON.stringify(resourcesOf(stack, 'AWS::Scheduler::Schedule')[0].Properties.Target.Input)).toContain('\\"eventDataStoreOwnerAccountId\\":\\"333333333333\\"');
    });

    describe('of an organization store in an account the app registers as delegated administrator', () => {
      function app(registrationFirst: boolean, organizationEnabled = true) {
        const theApp = testApp();
        const register = () => new OrganizationDelegatedAdmin(new Stack(theApp, 'Management', { env: { account: '222222222222', region: 'us-east-1' } }),
          'Admin', { memberAccountId: '111111111111' });
        if (registrationFirst) {
          register();
        }
        const stack = new Stack(theApp, 'Delegated', { env: { account: '111111111111', region: 'us-east-1' } });
        const store = new LakeEventDataStore(stack, 'Store', { organizationEnabled });
        new LakeQuery(stack, 'Query', { eventDataStore: store, queryStatement: `SELECT * FROM ${store.eventDataStoreId}` });
        if (!registrationFirst) {
          register();
        }
        return { theApp, stack };
      }

      test('is the management account that registers it', () => {
        const { stack } = app(true);
        expect(resourcesOf(stack, 'Custom::CloudTrailLakeQuery')[0].Properties.EventDataStoreOwnerAccountId).toBe('222222222222');
        expect(resourcesOf(app(true, false).stack, 'Custom::CloudTrailLakeQuery')[0].Properties).not.toHaveProperty('EventDataStoreOwnerAccountId');
      });

      test('fails synthesis when the registration comes after the query, which named no owner', () => {
        expect(() => app(false).theApp.synth()).toThrow(
          '[Delegated/Query] [StoreOwnerKnownTooLate] eventDataStore "Delegated/Store": is an organization store owned by the management account '
          + '222222222222, which the app\'s delegated administrator registration tells only after this query was defined; the query names no owner, '
          + 'and CloudTrail would look for the store in the caller\'s account (StartQuery EventDataStoreOwnerAccountId). Fix: set the store\'s '
          + 'managementAccountId, or the query\'s eventDataStoreOwnerAccountId, or define the OrganizationDelegatedAdmin before the query');
        expect(() => app(false, false).theApp.synth()).not.toThrow();
      });

      test('fails synthesis for a scheduled query too', () => {
        const theApp = testApp();
        const stack = new Stack(theApp, 'Delegated', { env: { account: '111111111111', region: 'us-east-1' } });
        const store = new LakeEventDataStore(stack, 'Store', { organizationEnabled: true });
        new ScheduledLakeQuery(stack, 'Daily', {
          eventDataStore: store,
          queryStatement: `SELECT * FROM ${store.eventDataStoreId} WHERE eventTime > date_add('day', -1, now())`,
          schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
          deliveryBucket: s3.Bucket.fromBucketName(stack, 'Results', 'results-bucket'),
        });
        new OrganizationDelegatedAdmin(new Stack(theApp, 'Management', { env: { account: '222222222222', region: 'us-east-1' } }),
          'Admin', { memberAccountId: '111111111111' });
        expect(() => theApp.synth()).toThrow(/\[Delegated\/Daily\] \[StoreOwnerKnownTooLate\] eventDataStore "Delegated\/Store": is an organization store owned by the management account 222222222222/);
      });
    });

    test('must be an account ID', () => {
      expect(errorOf(() => query(testStack(), { eventDataStoreOwnerAccountId: '22222222222' })).message).toBe(
        '[Stack/Query] [AccountIdFormat] eventDataStoreOwnerAccountId "22222222222": must be an AWS account ID of 12 digits. '
        + 'Fix: pass the ID of the account that owns the event data store (for an organization store, the management account), e.g. \'111111111111\'');
    });
  });

  describe('in numbers', () => {
    test('a stack with 12 queries has one provider, and runs at most 10 queries at once', () => {
      const stack = testStack();
      const queries = Array.from({ length: 12 }, (_, i) => query(stack, {}, `Query${i + 1}`));
      const template = Template.fromStack(stack);
      template.resourceCountIs('Custom::CloudTrailLakeQuery', 12);
      template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
      expect(resourcesOf(stack, 'AWS::Lambda::Function').filter(f => /CloudTrail operation/.test(f.Properties.Description ?? ''))).toHaveLength(2);
      const dependsOn = (q: LakeQuery) => (template.toJSON().Resources[stack.getLogicalId(q.node.defaultChild as any)].DependsOn as string[])
        .filter(id => id.startsWith('Query'));
      const logicalId = (q: LakeQuery) => stack.getLogicalId(q.node.defaultChild as any);
      expect(queries.slice(0, 10).map(dependsOn)).toEqual(Array(10).fill([]));
      expect(dependsOn(queries[10])).toEqual([logicalId(queries[0])]);
      expect(dependsOn(queries[11])).toEqual([logicalId(queries[1])]);
    });

    test('rejects a chained query that follows one which does not wait', () => {
      const stack = testStack();
      query(stack, { waitForCompletion: false }, 'Query1');
      for (let i = 2; i <= 11; i++) {
        query(stack, {}, `Query${i}`);
      }
      expect(errorOf(() => Template.fromStack(stack)).message).toContain(
        '[Stack/Query11] [ConcurrentQueriesQuota] waitForCompletion of Stack/Query1 false: lets that query run on after its deployment step, so this query, which waits for it, '
        + 'could be the 11th running at once; CloudTrail Lake runs at most 10 queries at once per account (MaxConcurrentQueriesException). '
        + 'Fix: let Stack/Query1 wait for completion, or keep at most 10 LakeQuery resources in the stack');
    });
  });
});

describe('ScheduledLakeQuery', () => {
  function scheduled(stack: Stack, topic?: sns.ITopic) {
    const bucket = new s3.Bucket(stack, 'Results');
    return new ScheduledLakeQuery(stack, 'Daily', {
      eventDataStore: importedStore(stack),
      queryStatement: STATEMENT,
      schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
      deliveryBucket: bucket,
      deliveryPrefix: 'daily',
      topic,
    });
  }

  test.each<[string, Partial<ScheduledLakeQueryProps>, string]>([
    ['a description longer than EventBridge Scheduler takes', { description: 'd'.repeat(513) },
      `[Stack/Daily] [ScheduleDescriptionLength] description "${'d'.repeat(58)}… (length 513): must be 0 to 512 characters long, got 513 (EventBridge Scheduler CreateSchedule Description). `
      + 'Fix: shorten it to at most 512 characters'],
  ])('rejects %s', (_name, props, message) => {
    const stack = testStack();
    const error = errorOf(() => new ScheduledLakeQuery(stack, 'Daily', {
      eventDataStore: importedStore(stack),
      queryStatement: STATEMENT,
      schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
      deliveryBucket: new s3.Bucket(stack, 'Results'),
      ...props,
    }));
    expect(error.constructor.name).toBe('ValidationError');
    expect(error.message).toBe(message);
  });

  test('invokes the runner function on the schedule with the query as input, without retries', () => {
    const stack = testStack();
    scheduled(stack);
    const [schedule] = resourcesOf(stack, 'AWS::Scheduler::Schedule');
    expect(schedule.Properties.ScheduleExpression).toBe('rate(1 day)');
    expect(schedule.Properties.State).toBe('ENABLED');
    expect(schedule.Properties.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 86400 });
    const input = JSON.parse(JSON.stringify(stack.resolve(schedule.Properties.Target.Input)));
    const bucketRef = { Ref: expect.stringMatching(/^Results/) };
    expect(input).toEqual({
      'Fn::Join': ['', [
        `{"name":"Stack/Daily","eventDataStoreArn":"${STORE_ARN}","queryStatement":"${STATEMENT}","deliveryS3Uri":"s3://`, bucketRef, '/daily"}',
      ]],
    });
    const runner = resourcesOf(stack, 'AWS::Lambda::Function').find(f => /scheduled CloudTrail Lake query/.test(f.Properties.Description));
    expect(runner?.Properties).toMatchObject({ Runtime: 'nodejs22.x', Timeout: 900, MemorySize: 256 });
  });

  test('passes the store owner\'s account to the runner for a store of another account', () => {
    const stack = testStack();
    const otherArn = `arn:aws:cloudtrail:us-east-1:222222222222:eventdatastore/${STORE_ID}`;
    new ScheduledLakeQuery(stack, 'Daily', {
      eventDataStore: LakeEventDataStore.fromEventDataStoreArn(stack, 'OrgStore', otherArn),
      queryStatement: STATEMENT,
      schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
      deliveryBucket: s3.Bucket.fromBucketName(stack, 'Results', 'results-bucket'),
    });
    const [schedule] = resourcesOf(stack, 'AWS::Scheduler::Schedule');
    expect(JSON.parse(schedule.Properties.Target.Input)).toMatchObject({ eventDataStoreArn: otherArn, eventDataStoreOwnerAccountId: '222222222222' });
    expect(errorOf(() => new ScheduledLakeQuery(stack, 'Bad', {
      eventDataStore: importedStore(stack),
      queryStatement: STATEMENT,
      schedule: scheduler.ScheduleExpression.rate(Duration.days(1)),
      deliveryBucket: s3.Bucket.fromBucketName(stack, 'Results2', 'results-bucket'),
      eventDataStoreOwnerAccountId: 'management',
    })).message).toMatch(/^\[Stack\/Bad\] \[AccountIdFormat\] eventDataStoreOwnerAccountId "management": must be an AWS account ID of 12 digits/);
  });

  test('lets the runner publish to the topic and use its key', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'TopicKey');
    const topic = new sns.Topic(stack, 'Findings', { masterKey: key });
    scheduled(stack, topic);
    const policies = Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy', {
      Properties: { Description: Match.stringLikeRegexp('^Runs the scheduled CloudTrail Lake queries') },
    });
    const statements = Object.values(policies).flatMap(p => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual(expect.arrayContaining([
      { Effect: 'Allow', Action: ['cloudtrail:StartQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:GetQueryResults'], Resource: STORE_ARN },
      { Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) } },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as kms.CfnKey), 'Arn'] } },
    ]));
  });

  test('shares one runner between the scheduled queries of a stack', () => {
    const stack = testStack();
    const store = importedStore(stack);
    const bucket = new s3.Bucket(stack, 'Results');
    for (const id of ['A', 'B', 'C']) {
      new ScheduledLakeQuery(stack, id, {
        eventDataStore: store, queryStatement: STATEMENT, schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)), deliveryBucket: bucket,
      });
    }
    Template.fromStack(stack).resourceCountIs('AWS::Scheduler::Schedule', 3);
    expect(resourcesOf(stack, 'AWS::Lambda::Function').filter(f => /scheduled CloudTrail Lake query/.test(f.Properties.Description))).toHaveLength(1);
  });

  test('applies the statement rules', () => {
    const stack = testStack();
    expect(errorOf(() => new ScheduledLakeQuery(stack, 'Q', {
      eventDataStore: importedStore(stack),
      queryStatement: 'SELECT 1',
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      deliveryBucket: new s3.Bucket(stack, 'Results'),
    })).message).toBe(`[Stack/Q] [QueryStatementStoreReference] queryStatement "SELECT 1": does not name the event data store it runs on, '${STORE_ID}' `
      + '(StartQuery QueryStatement: FROM <event data store ID>). Fix: interpolate the store\'s ID into the statement: `SELECT … FROM ${store.eventDataStoreId}`');
  });

  test('lets EventBridge Scheduler of this account invoke the runner through a managed policy, with no inline policy anywhere', () => {
    const stack = testStack();
    scheduled(stack);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
    const role = resourcesOf(stack, 'AWS::IAM::Role').find(r => /EventBridge Scheduler/.test(r.Properties.Description));
    expect(role?.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
    }]);
    const [schedule] = resourcesOf(stack, 'AWS::Scheduler::Schedule');
    expect(schedule.Properties.Target.RoleArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgScheduledQueriesSchedulerRole/), 'Arn'] });
    const invoke = resourcesOf(stack, 'AWS::IAM::ManagedPolicy').find(p => /invoke the scheduled-query function/.test(p.Properties.Description));
    expect(invoke?.Properties.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^CloudTrailOrgScheduledQueriesFunction/), 'Arn'] } },
    ]);
  });
});
