import { Annotations as ConstructAnnotations, Duration, Errors, Lazy, RemovalPolicy, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as fc from 'fast-check';
import {
  ContextKeyType, DataEventSelectors, EventDataStoreBillingMode, EventDataStoreKind, IEventDataStore, LakeEventDataStore, LakeEventDataStoreProps,
  MaxEventSize, OrganizationDelegatedAdmin,
} from '../../src';
import type { RuleId } from '../../src/core/rule-registry';
import { errorOf, testApp, testStack } from '../util';

const PATH = '[Stack/Store]';
const STORE_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function construct(props: (stack: Stack) => LakeEventDataStoreProps = () => ({}), stack = testStack()): LakeEventDataStore {
  return new LakeEventDataStore(stack, 'Store', props(stack));
}

function storeProperties(stack: Stack, path = 'Store'): Record<string, unknown> {
  const store = stack.node.findChild(path).node.defaultChild as cloudtrail.CfnEventDataStore;
  return Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(store)].Properties;
}

function warnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => String(w.entry.data));
}

describe('the default store', () => {
  test('collects all management events of every Region, encrypted, protected and retained', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudTrail::EventDataStore', 1);
    template.hasResource('AWS::CloudTrail::EventDataStore', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(storeProperties(stack)).toEqual({
      Name: 'StackStore2DDC780C',
      AdvancedEventSelectors: [{ Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      BillingMode: 'EXTENDABLE_RETENTION_PRICING',
      TerminationProtectionEnabled: true,
      MultiRegionEnabled: true,
      OrganizationEnabled: false,
      IngestionEnabled: true,
      KmsKeyId: { 'Fn::GetAtt': [stack.getLogicalId(store.encryptionKey!.node.defaultChild as kms.CfnKey), 'Arn'] },
    });
    expect(warnings(stack)).toEqual([]);
  });

  test('leaves the retention to CloudTrail\'s default for the billing mode', () => {
    const stack = testStack();
    construct(() => ({ billingMode: EventDataStoreBillingMode.FIXED_RETENTION_PRICING }), stack);
    expect(storeProperties(stack).RetentionPeriod).toBeUndefined();
    expect(storeProperties(stack).BillingMode).toBe('FIXED_RETENTION_PRICING');
  });

  test('creates a rotating key that CloudTrail Lake may use, with grants limited to AWS resources', () => {
    const stack = testStack();
    construct(() => ({}), stack);
    const template = Template.fromStack(stack);
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'DenyGrantsExceptForAwsResources',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:CreateGrant',
            Resource: '*',
            Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
          },
          {
            Sid: 'CloudTrailLakeEncryptEventDataStores',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
            Resource: '*',
          },
          {
            Sid: 'CloudTrailLakeDescribeKey',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:DescribeKey',
            Resource: '*',
          },
        ]),
      },
    });
  });

  test('has a stable generated name that follows the name rules', () => {
    const a = construct();
    const b = construct();
    expect(a.eventDataStoreName).toBe(b.eventDataStoreName);
    expect(a.eventDataStoreName).toMatch(/^[a-zA-Z0-9._-]{3,128}$/);
  });

  test('exposes its ARN, the ID suffix of the ARN, its kind and its key', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    expect(stack.resolve(store.eventDataStoreArn)).toEqual({
      'Fn::GetAtt': [stack.getLogicalId(store.node.defaultChild as cloudtrail.CfnEventDataStore), 'EventDataStoreArn'],
    });
    expect(stack.resolve(store.eventDataStoreId)).toEqual({
      'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', stack.resolve(store.eventDataStoreArn)] }] }] }],
    });
    expect(store.kind).toBe(EventDataStoreKind.CLOUDTRAIL_EVENTS);
    expect(store.encryptionKey).toBeInstanceOf(kms.Key);
  });
});

describe('what the store collects', () => {
  test('management and data events, checked in the event data store context', () => {
    const stack = testStack();
    construct(() => ({
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
      dataEvents: new DataEventSelectors().addLambdaFunctions({ name: 'Invocations' }),
    }), stack);
    expect(storeProperties(stack).AdvancedEventSelectors).toEqual([
      {
        Name: 'Management events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          { Field: 'readOnly', Equals: ['false'] },
          { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
        ],
      },
      {
        Name: 'Invocations',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] },
        ],
      },
    ]);
  });

  test.each<[EventDataStoreKind, string]>([
    [EventDataStoreKind.CONFIGURATION_ITEMS, 'ConfigurationItem'],
    [EventDataStoreKind.EXTERNAL_EVENTS, 'ActivityAuditLog'],
    [EventDataStoreKind.INSIGHTS, 'Insight'],
  ])('a store of kind %s selects only eventCategory %s', (kind, category) => {
    const stack = testStack();
    const store = construct(() => ({ kind }), stack);
    expect(store.kind).toBe(kind);
    expect(storeProperties(stack).AdvancedEventSelectors).toEqual([{ FieldSelectors: [{ Field: 'eventCategory', Equals: [category] }] }]);
  });

  test('a store of events from outside AWS is single-Region, without an ingestion setting and without a warning', () => {
    const stack = testStack();
    construct(() => ({ kind: EventDataStoreKind.EXTERNAL_EVENTS }), stack);
    expect(storeProperties(stack)).toMatchObject({ MultiRegionEnabled: false, OrganizationEnabled: false });
    expect(storeProperties(stack).IngestionEnabled).toBeUndefined();
    expect(warnings(stack)).toEqual([]);
  });

  test('a store of configuration items can be created without ingestion', () => {
    const stack = testStack();
    construct(() => ({ kind: EventDataStoreKind.CONFIGURATION_ITEMS, ingestionEnabled: false }), stack);
    expect(storeProperties(stack).IngestionEnabled).toBe(false);
  });

  test('selectors added to the builder after construction are included and checked at synth', () => {
    const stack = testStack();
    const dataEvents = new DataEventSelectors();
    construct(() => ({ dataEvents }), stack);
    for (let i = 0; i < 5; i++) {
      dataEvents.addLambdaFunctions({ name: `Functions ${i}` });
    }
    // A rule of DataEventSelectors: its id is theirs to assert.
    expect(() => Template.fromStack(stack)).toThrow(/\[Stack\/Store\] \[\w+\] dataEvents: 6 advanced event selectors, counting the management-events selector/);
  });
});

describe('Insights', () => {
  test('the source store names its Insights types and the destination store', () => {
    const stack = testStack();
    const destination = new LakeEventDataStore(stack, 'InsightsStore', { kind: EventDataStoreKind.INSIGHTS });
    construct(() => ({
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      insightsDestination: destination,
    }), stack);
    expect(storeProperties(stack)).toMatchObject({
      InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
      InsightsDestination: { 'Fn::GetAtt': [stack.getLogicalId(destination.node.defaultChild as cloudtrail.CfnEventDataStore), 'EventDataStoreArn'] },
    });
  });

  test('a destination in another account fails synthesis', () => {
    const stack = testStack();
    const destination = LakeEventDataStore.fromEventDataStoreArn(stack, 'Other', STORE_ARN.replace('111111111111', '222222222222'));
    construct(() => ({ insightTypes: [cloudtrail.InsightType.API_CALL_RATE], insightsDestination: destination }), stack);
    expect(() => Template.fromStack(stack)).toThrow(
      '[Stack/Store] [InsightsDestinationAccount] insightsDestination "222222222222": the source and destination event data stores must belong to the same account, '
      + 'and this store is in 111111111111 (PutInsightSelectors). Fix: use a destination store in account 111111111111');
  });
});

describe('props rejected in the constructor, with the rule id and the exact message', () => {
  test.each<[string, (stack: Stack) => LakeEventDataStoreProps, RuleId, string]>([
    ['a name with a space', () => ({ eventDataStoreName: 'my store' }), 'EventDataStoreNameCharacters',
      'eventDataStoreName "my store": contains \' \'; only ASCII letters, digits, \'.\', \'_\' and \'-\' are allowed (API model EventDataStoreName). '
      + 'Fix: remove or replace those characters'],
    ['a name of 2 characters', () => ({ eventDataStoreName: 'ab' }), 'EventDataStoreNameLength',
      'eventDataStoreName "ab": must be 3 to 128 characters long, got 2 (API model EventDataStoreName). Fix: use at least 3 characters'],
    ['retention of 6 days', () => ({ retention: Duration.days(6) }), 'RetentionRange',
      'retention "6 days": must be 7 to 3653 days with EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING (CreateEventDataStore RetentionPeriod). '
      + 'Fix: keep events at least 7 days'],
    ['retention of 3000 days with fixed pricing', () => ({ retention: Duration.days(3000), billingMode: EventDataStoreBillingMode.FIXED_RETENTION_PRICING }),
      'RetentionRange',
      'retention "3000 days": must be 7 to 2557 days with EventDataStoreBillingMode.FIXED_RETENTION_PRICING (CreateEventDataStore RetentionPeriod). '
      + 'Fix: keep events at most 2557 days, or use EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING for up to 3653 days'],
    ['retention in part days', () => ({ retention: Duration.hours(200) }), 'RetentionWholeDays',
      'retention 8.333333333333334: must be a whole number of days (CreateEventDataStore RetentionPeriod). Fix: use Duration.days(n) with a whole n'],
    ['RemovalPolicy.SNAPSHOT', () => ({ removalPolicy: RemovalPolicy.SNAPSHOT }), 'RemovalPolicyNoSnapshot',
      'removalPolicy "RemovalPolicy.SNAPSHOT": AWS::CloudTrail::EventDataStore has no snapshots (CloudFormation DeletionPolicy). '
      + 'Fix: use RemovalPolicy.RETAIN, or DESTROY with terminationProtection false'],
    ['a context key listed twice', () => ({ contextKeySelectors: [{ type: ContextKeyType.TAG_CONTEXT, keys: ['team', 'team'] }] }), 'ContextKeysUnique',
      'contextKeySelectors[0].keys ["team","team"]: lists "team" more than once (CloudFormation ContextKeySelector schema: unique Equals items). '
      + 'Fix: list each key once'],
    ['an empty context key', () => ({ contextKeySelectors: [{ type: ContextKeyType.TAG_CONTEXT, keys: [''] }] }), 'ContextKeyLength',
      'contextKeySelectors[0].keys[0] "": must be 1 to 128 characters long, got 0 (PutEventConfiguration ContextKeySelectors Equals). '
      + 'Fix: use at least 1 character'],
    ['a context key selector without keys', () => ({ contextKeySelectors: [{ type: ContextKeyType.REQUEST_CONTEXT, keys: [] }] }), 'ContextKeyCount',
      'contextKeySelectors[0].keys []: 0 keys; a selector takes 1 to 50 (PutEventConfiguration ContextKeySelectors Equals). '
      + 'Fix: name at least one key, or leave the selector out'],
    ['three context key selectors', () => ({
      contextKeySelectors: [
        { type: ContextKeyType.TAG_CONTEXT, keys: ['team'] },
        { type: ContextKeyType.REQUEST_CONTEXT, keys: ['aws:ViaAWSService'] },
        { type: ContextKeyType.TAG_CONTEXT, keys: ['owner'] },
      ],
    }), 'ContextKeySelectorCount',
    'contextKeySelectors ["TagContext","RequestContext","TagContext"]: 3 selectors; an event data store takes at most 2 '
      + '(PutEventConfiguration ContextKeySelectors). Fix: list each context type once, with all its keys'],
    ['data events on a store of configuration items', () => ({ kind: EventDataStoreKind.CONFIGURATION_ITEMS, managementEvents: cloudtrail.ReadWriteType.ALL }),
      'StoreKindCloudTrailProps',
      'managementEvents "All": configures CloudTrail events, and this store collects AWS Config configuration items; its only selector is eventCategory '
      + '(AdvancedFieldSelector Field). Fix: leave managementEvents out, or collect CloudTrail events in a store of kind EventDataStoreKind.CLOUDTRAIL_EVENTS'],
    ['context keys on a store of Insights events: only the prop given is named, not the event size it implies', () => ({
      kind: EventDataStoreKind.INSIGHTS, contextKeySelectors: [{ type: ContextKeyType.TAG_CONTEXT, keys: ['team'] }],
    }), 'StoreKindCloudTrailProps',
    'contextKeySelectors [{"type":"TagContext","keys":["team"]}]: configures CloudTrail events, and this store collects Insights events; its only '
      + 'selector is eventCategory (AdvancedFieldSelector Field). Fix: leave contextKeySelectors out, or collect CloudTrail events in a store of kind '
      + 'EventDataStoreKind.CLOUDTRAIL_EVENTS'],
    ['a multi-Region store of events from outside AWS', () => ({ kind: EventDataStoreKind.EXTERNAL_EVENTS, multiRegionEnabled: true }),
      'ExternalEventsStoreScope',
      'multiRegionEnabled true: stores of events from outside AWS are single-Region and single-account (CloudTrail Lake integrations). '
      + 'Fix: leave multiRegionEnabled out'],
    ['an organization store of events from outside AWS', () => ({ kind: EventDataStoreKind.EXTERNAL_EVENTS, organizationEnabled: true }),
      'ExternalEventsStoreScope',
      'organizationEnabled true: stores of events from outside AWS are single-Region and single-account (CloudTrail Lake integrations). '
      + 'Fix: leave organizationEnabled out'],
    ['a management account ID of 11 digits', () => ({ organizationEnabled: true, managementAccountId: '11111111111' }), 'AccountIdFormat',
      'managementAccountId "11111111111": must be an AWS account ID of 12 digits. Fix: pass the management account\'s ID, e.g. \'111111111111\''],
    ['a management account on a store that is not an organization store', () => ({ managementAccountId: '222222222222' }),
      'ManagementAccountOrganizationStore',
      'managementAccountId "222222222222": names the owner of an organization store, and this store is not one: only the organization resources a '
      + 'delegated administrator creates belong to another account, the management account (CloudTrail User Guide, "Organization delegated administrator"). '
      + 'Fix: set organizationEnabled to true, or leave managementAccountId out'],
    ['an Insights store without ingestion', () => ({ kind: EventDataStoreKind.INSIGHTS, ingestionEnabled: false }), 'IngestionControlKind',
      'ingestionEnabled false: only stores of CloudTrail events or AWS Config configuration items can be created without ingestion, and this store '
      + 'collects Insights events (CreateEventDataStore StartIngestion). Fix: leave ingestionEnabled out'],
    ['a federation role with federation off', stack => ({ federationEnabled: false, federationRole: new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com') }) }),
      'FederationRoleNeedsFederation',
      'federationRole "Stack/Role": names a federation role, and federationEnabled is false (CreateEventDataStore FederationRoleArn is used only with federation). '
      + 'Fix: set federationEnabled to true, or leave federationRole out'],
    ['Insights without a destination', () => ({ insightTypes: [cloudtrail.InsightType.API_ERROR_RATE] }), 'InsightsDestinationRequired',
      'insightsDestination: Insights on an event data store need a destination store for the Insights events (PutInsightSelectors: EventDataStore and '
      + 'InsightsDestination together). Fix: create a LakeEventDataStore with kind: EventDataStoreKind.INSIGHTS and pass it as insightsDestination'],
    ['API call rate Insights on read-only management events', stack => ({
      managementEvents: cloudtrail.ReadWriteType.READ_ONLY,
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE],
      insightsDestination: new LakeEventDataStore(stack, 'Insights', { kind: EventDataStoreKind.INSIGHTS }),
    }), 'InsightTypeManagementEvents',
    'insightTypes[0] "ApiCallRateInsight": API call rate Insights analyze write management events, and managementEvents is ReadWriteType.READ_ONLY '
      + '(PutInsightSelectors). Fix: set managementEvents to ReadWriteType.ALL or WRITE_ONLY, or drop this Insights type'],
    ['an Insights type listed twice', stack => ({
      insightTypes: [cloudtrail.InsightType.API_ERROR_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      insightsDestination: new LakeEventDataStore(stack, 'Insights', { kind: EventDataStoreKind.INSIGHTS }),
    }), 'InsightTypesUnique',
    'insightTypes[1] "ApiErrorRateInsight": lists ApiErrorRateInsight twice (PutInsightSelectors). Fix: list each Insights type once'],
    ['a destination that is not an Insights store', stack => ({
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE],
      insightsDestination: new LakeEventDataStore(stack, 'Other'),
    }), 'InsightsDestinationKind',
    'insightsDestination "Stack/Other": the destination must be a store of Insights events, and it collects CloudTrail events (PutInsightSelectors '
      + 'InsightsDestination). Fix: pass a LakeEventDataStore created with kind: EventDataStoreKind.INSIGHTS'],
    ['a destination without Insights types', stack => ({ insightsDestination: new LakeEventDataStore(stack, 'Insights', { kind: EventDataStoreKind.INSIGHTS }) }),
      'InsightsDestinationNeedsInsights',
      'insightsDestination "Stack/Insights": names a destination for Insights events, and insightTypes is empty (PutInsightSelectors). '
      + 'Fix: set insightTypes, or leave insightsDestination out'],
    ['context keys with the standard event size', () => ({
      maxEventSize: MaxEventSize.STANDARD,
      contextKeySelectors: [{ type: ContextKeyType.TAG_CONTEXT, keys: ['team'] }],
    }), 'ContextKeysNeedLargeEvents',
    'maxEventSize "Standard": context key selectors need the Large maximum event size (PutEventConfiguration ContextKeySelectors). '
      + 'Fix: set maxEventSize to MaxEventSize.LARGE, or leave it out'],
    ['a selector of configuration items among the data events', () => ({
      dataEvents: DataEventSelectors.fromAdvancedEventSelectors([{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['ConfigurationItem'] }] }]),
      managementEvents: cloudtrail.ReadWriteType.NONE,
    }), 'StoreKindSelectors',
    'dataEvents[0] "ConfigurationItem": selects AWS Config configuration items, which a store collects when its kind says so, not through data event '
      + 'selectors (CreateEventDataStore AdvancedEventSelectors). Fix: create the store with kind: EventDataStoreKind.CONFIGURATION_ITEMS and without dataEvents'],
  ])('%s', (_name, props, id, message) => {
    const error = errorOf(() => construct(props));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe(`${PATH} [${id}] ${message}`);
  });

  test('six selectors, counting the management selector, are one too many', () => {
    const dataEvents = new DataEventSelectors();
    for (let i = 0; i < 5; i++) {
      dataEvents.addLambdaFunctions({ name: `Functions ${i}` });
    }
    // A rule of DataEventSelectors: its id is theirs to assert.
    expect(errorOf(() => construct(() => ({ dataEvents }))).message).toContain(
      'dataEvents: 6 advanced event selectors, counting the management-events selector; an event data store takes at most 5 '
      + '(CreateEventDataStore AdvancedEventSelectors). Fix: merge selectors of the same resource type, or use a second event data store');
  });

  test('every problem is reported at once', () => {
    expect(errorOf(() => construct(() => ({ eventDataStoreName: 'a b', retention: Duration.days(1) }))).message).toMatch(
      /^2 problems:\n {2}\[Stack\/Store\] \[EventDataStoreNameCharacters\] eventDataStoreName .*\n {2}\[Stack\/Store\] \[RetentionRange\] retention "1 days"/);
  });

  test('no props object at all is the default store', () => {
    const stack = testStack();
    new LakeEventDataStore(stack, 'Store');
    expect(storeProperties(stack).TerminationProtectionEnabled).toBe(true);
  });

  test('tokens are not checked', () => {
    expect(() => construct(() => ({ eventDataStoreName: Lazy.string({ produce: () => 'x y' }) }))).not.toThrow();
    const stack = testStack();
    construct(() => ({ retention: Duration.days(Token.asNumber(Lazy.number({ produce: () => 3 }))) }), stack);
    expect(stack.resolve((stack.node.findChild('Store').node.defaultChild as cloudtrail.CfnEventDataStore).retentionPeriod)).toBe(3);
  });
});

describe('retention × billing mode (property)', () => {
  test('a whole number of days is accepted exactly within the billing mode\'s range', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 4000 }),
      fc.constantFrom(EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING, EventDataStoreBillingMode.FIXED_RETENTION_PRICING, undefined),
      (days, billingMode) => {
        const stack = testStack();
        const max = billingMode === EventDataStoreBillingMode.FIXED_RETENTION_PRICING ? 2557 : 3653;
        const build = () => construct(() => ({ retention: Duration.days(days), billingMode }), stack);
        if (days >= 7 && days <= max) {
          build();
          expect(storeProperties(stack).RetentionPeriod).toBe(days);
        } else {
          expect(errorOf(build).message).toMatch(/^\[Stack\/Store\] \[RetentionRange\] retention "\d+ days": must be 7 to (2557|3653) days/);
        }
      },
    ), { seed: 4242, numRuns: 60 });
  });
});

describe('removal and warnings', () => {
  test.each<[string, LakeEventDataStoreProps, RuleId, string]>([
    ['DESTROY with termination protection', { removalPolicy: RemovalPolicy.DESTROY }, 'DestroyProtectedStore',
      'removalPolicy is DESTROY and terminationProtection is on: CloudTrail refuses to delete the store (EventDataStoreTerminationProtectedException), '
      + 'so the stack deletion fails. Set terminationProtection to false first.'],
    ['DESTROY with federation', { removalPolicy: RemovalPolicy.DESTROY, terminationProtection: false, federationEnabled: true }, 'DestroyFederatedStore',
      'removalPolicy is DESTROY and Lake query federation is on: CloudTrail refuses to delete a federated store (EventDataStoreFederationEnabledException), '
      + 'so the stack deletion fails. Turn federation off first.'],
    ['termination protection off', { terminationProtection: false }, 'NoTerminationProtection',
      'terminationProtection is false: anyone allowed to call DeleteEventDataStore can delete the store and its events.'],
    ['a single-Region store', { multiRegionEnabled: false }, 'SingleRegionStore',
      'multiRegionEnabled is false: events of every Region but us-east-1 are not collected.'],
  ])('%s warns with its rule id', (_name, props, id, message) => {
    const stack = testStack();
    construct(() => props, stack);
    Annotations.fromStack(stack).hasWarning('/Stack/Store', Match.stringLikeRegexp(`^\\[${id}\\] `));
    expect(warnings(stack)).toEqual([`[${id}] ${message} [ack: cdk-cloudtrail-org:${id}]`]);
  });

  test.each<[string, LakeEventDataStoreProps]>([
    // A store created without ingestion is a deliberate first step (of an import, say), not a risk: no warning.
    ['no ingestion', { ingestionEnabled: false }],
    ['DESTROY without protection', { removalPolicy: RemovalPolicy.DESTROY, terminationProtection: false }],
  ])('%s: no warning', (_name, props) => {
    const stack = testStack();
    construct(() => props, stack);
    expect(warnings(stack)).toEqual([]);
  });

  test('a warning is acknowledged by its id, and only that one', () => {
    const stack = testStack();
    const store = construct(() => ({ terminationProtection: false, multiRegionEnabled: false }), stack);
    ConstructAnnotations.of(store).acknowledgeWarning('cdk-cloudtrail-org:NoTerminationProtection', 'the stack is a sandbox');
    Annotations.fromStack(stack).hasNoWarning('/Stack/Store', Match.stringLikeRegexp('\\[NoTerminationProtection\\]'));
    Annotations.fromStack(stack).hasWarning('/Stack/Store', Match.stringLikeRegexp('\\[SingleRegionStore\\]'));
  });

  test('DESTROY deletes the store and its created key', () => {
    const stack = testStack();
    construct(() => ({ removalPolicy: RemovalPolicy.DESTROY, terminationProtection: false }), stack);
    const template = Template.fromStack(stack);
    template.hasResource('AWS::CloudTrail::EventDataStore', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });
});

describe('encryption key', () => {
  test('a key of this stack gets the CloudTrail Lake statements and no second key is created', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'MyKey');
    const store = construct(() => ({ encryptionKey: key }), stack);
    expect(store.encryptionKey).toBe(key);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CloudTrailLakeEncryptEventDataStores' })]) },
    });
  });

  test('an imported key is used as is, with a warning that lists the statements to add', () => {
    const stack = testStack();
    construct(s => ({ encryptionKey: kms.Key.fromKeyArn(s, 'Imported', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab') }), stack);
    expect(storeProperties(stack).KmsKeyId).toBe('arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const [warning] = warnings(stack);
    expect(warning).toContain('KMS key arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab is not managed by this stack, so its key policy was not changed. '
      + 'CloudTrail Lake cannot encrypt the store (CreateEventDataStore fails with InsufficientEncryptionPolicyException) unless its owner adds these statements:');
    expect(warning).toContain('"Sid": "CloudTrailLakeEncryptEventDataStores"');
  });
});

describe('Lake query federation', () => {
  test('creates a role that Lake Formation assumes and that reads this store and its key only', () => {
    const stack = testStack();
    const store = construct(() => ({ federationEnabled: true }), stack);
    const template = Template.fromStack(stack);
    expect(storeProperties(stack)).toMatchObject({
      FederationEnabled: true,
      FederationRoleArn: { 'Fn::GetAtt': [stack.getLogicalId(store.federationRole!.node.defaultChild as iam.CfnRole), 'Arn'] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lakeformation.amazonaws.com' } }] },
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          { Action: 'cloudtrail:GetEventDataStoreData', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Store'), 'EventDataStoreArn'] } },
          { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StoreKey'), 'Arn'] } },
        ],
      },
      Roles: [{ Ref: stack.getLogicalId(store.federationRole!.node.defaultChild as iam.CfnRole) }],
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('a given role turns federation on and gets the permissions', () => {
    const stack = testStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com') });
    const store = construct(() => ({ federationRole: role }), stack);
    expect(store.federationRole).toBe(role);
    expect(storeProperties(stack).FederationEnabled).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'cloudtrail:GetEventDataStoreData' })]) },
      Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }],
    });
  });

  test('an imported role gets a warning with the statements', () => {
    const stack = testStack();
    construct(s => ({ federationRole: iam.Role.fromRoleArn(s, 'Role', 'arn:aws:iam::111111111111:role/lake') }), stack);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    const [warning] = warnings(stack);
    expect(warning).toContain('federation role arn:aws:iam::111111111111:role/lake is not managed by this stack, so its policy was not changed.');
    expect(warning).toContain('"Action": "cloudtrail:GetEventDataStoreData"');
  });
});

describe('context key selectors', () => {
  test('render as the L1 expects, with the large event size', () => {
    const stack = testStack();
    construct(() => ({
      contextKeySelectors: [
        { type: ContextKeyType.TAG_CONTEXT, keys: ['team', 'cost-center'] },
        { type: ContextKeyType.REQUEST_CONTEXT, keys: ['aws:ViaAWSService'] },
      ],
    }), stack);
    expect(storeProperties(stack)).toMatchObject({
      MaxEventSize: 'Large',
      ContextKeySelectors: [{ Type: 'TagContext', Equals: ['team', 'cost-center'] }, { Type: 'RequestContext', Equals: ['aws:ViaAWSService'] }],
    });
  });
});

describe('grantQuery and the resource policy', () => {
  const QUERY_ACTIONS = ['cloudtrail:StartQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:GetQueryResults', 'cloudtrail:CancelQuery', 'cloudtrail:ListQueries'];

  test('a role of this account gets the query actions on the store and the key', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    const role = new iam.Role(stack, 'Auditor', { assumedBy: new iam.AccountRootPrincipal() });
    const grant = store.grantQuery(role);
    expect(grant.success).toBe(true);
    const storeArn = stack.resolve(store.eventDataStoreArn);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: QUERY_ACTIONS, Effect: 'Allow', Resource: storeArn },
          { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: stack.resolve(store.encryptionKey!.keyArn) },
        ],
      },
    });
    Template.fromStack(stack).resourceCountIs('AWS::CloudTrail::ResourcePolicy', 0);
  });

  test('another account gets a statement in the store\'s resource policy and in the key policy', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    store.grantQuery(new iam.AccountPrincipal('222222222222'));
    const template = Template.fromStack(stack);
    const otherAccount = { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::222222222222:root']] } };
    template.hasResourceProperties('AWS::CloudTrail::ResourcePolicy', {
      ResourceArn: stack.resolve(store.eventDataStoreArn),
      ResourcePolicy: {
        Version: '2012-10-17',
        Statement: [{ Action: QUERY_ACTIONS, Effect: 'Allow', Principal: otherAccount, Resource: stack.resolve(store.eventDataStoreArn) }],
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([{ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Principal: otherAccount, Resource: '*' }]) },
    });
  });

  test('statements share one resource policy', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    store.grantQuery(new iam.AccountPrincipal('222222222222'));
    store.grantQuery(new iam.AccountPrincipal('333333333333'));
    Template.fromStack(stack).resourceCountIs('AWS::CloudTrail::ResourcePolicy', 1);
  });

  test('a statement without a principal fails synthesis', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    store.addToResourcePolicy(new iam.PolicyStatement({ actions: ['cloudtrail:StartQuery'], resources: ['*'] }));
    expect(() => Template.fromStack(stack)).toThrow(
      '[Stack/Store] [ResourcePolicyStatement] resourcePolicy: A PolicyStatement used in a resource-based policy must specify at least one IAM principal. '
      + '(PutResourcePolicy ResourcePolicy). Fix: give every statement a principal: the accounts or roles that may query the store');
  });

  test('an action CloudTrail does not allow in a store policy fails synthesis', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    store.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['cloudtrail:DeleteEventDataStore'], principals: [new iam.AccountPrincipal('222222222222')], resources: [store.eventDataStoreArn],
    }));
    expect(() => Template.fromStack(stack)).toThrow(/\[Stack\/Store\] \[ResourcePolicyActions\] resourcePolicy \["cloudtrail:DeleteEventDataStore"\]: an event data store's resource policy may allow only cloudtrail:StartQuery, /);
  });

  test('a policy that cannot fit in 8192 characters fails synthesis, counting only what is known before deployment', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    for (let i = 0; i < 150; i++) {
      store.addToResourcePolicy(new iam.PolicyStatement({
        actions: ['cloudtrail:StartQuery'],
        principals: [new iam.AccountPrincipal(`${222222222200 + i}`)],
        resources: [store.eventDataStoreArn],
      }));
    }
    expect(() => Template.fromStack(stack)).toThrow(/\[Stack\/Store\] \[ResourcePolicyLength\] resourcePolicy: the policy has at least \d+ characters of JSON; CloudTrail takes at most 8192/);
  });
});

describe('imported stores', () => {
  test('fromEventDataStoreArn knows the ID, account and Region, and has no kind or key', () => {
    const stack = testStack();
    const store = LakeEventDataStore.fromEventDataStoreArn(stack, 'Imported', STORE_ARN);
    expect(store.eventDataStoreArn).toBe(STORE_ARN);
    expect(store.eventDataStoreId).toBe('a1b2c3d4-5678-90ab-cdef-EXAMPLE11111');
    expect(store.env).toEqual({ account: '111111111111', region: 'us-east-1' });
    expect(store.kind).toBeUndefined();
    expect(store.encryptionKey).toBeUndefined();
  });

  test('a resource can depend on the store\'s resource policy that addToResourcePolicy returns', () => {
    const stack = testStack();
    const store = new LakeEventDataStore(stack, 'Store');
    const result = store.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['cloudtrail:StartQuery'], principals: [new iam.AccountPrincipal('444455556666')], resources: ['*'],
    }));
    const waiting = new cloudtrail.CfnDashboard(stack, 'Waiting', { name: 'waiting' });
    waiting.node.addDependency(result.policyDependable!);
    const policyId = Object.keys(Template.fromStack(stack).findResources('AWS::CloudTrail::ResourcePolicy'))[0];
    expect(Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(waiting)].DependsOn).toEqual([policyId]);
  });

  test('grantQuery on an imported store grants through IAM only; with a key, the key too', () => {
    const stack = testStack();
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const store: IEventDataStore = LakeEventDataStore.fromEventDataStoreAttributes(stack, 'Imported', {
      eventDataStoreArn: STORE_ARN, encryptionKey: key, kind: EventDataStoreKind.CLOUDTRAIL_EVENTS,
    });
    const role = new iam.Role(stack, 'Auditor', { assumedBy: new iam.AccountRootPrincipal() });
    store.grantQuery(role);
    expect(store.addToResourcePolicy(new iam.PolicyStatement({ actions: ['cloudtrail:StartQuery'], principals: [new iam.AnyPrincipal()] })).statementAdded).toBe(false);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Resource: STORE_ARN }),
          Match.objectLike({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: key.keyArn }),
        ],
      },
    });
  });

  // Real-format ARNs of each partition (API model EventDataStoreArn; Regions from the AWS SDK's partitions)
  test.each([
    'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws-cn:cloudtrail:cn-north-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws-us-gov:cloudtrail:us-gov-west-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws-iso:cloudtrail:us-iso-east-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws-iso-b:cloudtrail:us-isob-east-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws-iso-e:cloudtrail:eu-isoe-west-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws-iso-f:cloudtrail:us-isof-south-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws-eusc:cloudtrail:eusc-de-east-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  ])('accepts %s', arn => {
    const store = LakeEventDataStore.fromEventDataStoreArn(testStack(), 'Imported', arn);
    expect(store.eventDataStoreId).toBe('a1b2c3d4-5678-90ab-cdef-EXAMPLE11111');
  });

  test.each([
    'arn:aws:cloudtrail:us-east-1:111111111111:trail/my-trail',
    'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws:cloudtrail:us-east-1:1111:eventdatastore/abc',
  ])('rejects %s', arn => {
    const error = errorOf(() => LakeEventDataStore.fromEventDataStoreArn(testStack(), 'Imported', arn));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe(`[Stack/Imported] [EventDataStoreArnFormat] eventDataStoreArn ${JSON.stringify(arn)}: must be an event data store ARN, `
      + 'arn:<partition>:cloudtrail:<region>:<account>:eventdatastore/<id> (API model EventDataStoreArn). '
      + 'Fix: copy the ARN from `aws cloudtrail list-event-data-stores` (EventDataStoreArn)');
  });

  test.each([
    ['a Region of another partition', 'arn:aws:cloudtrail:cn-north-1:111111111111:eventdatastore/a1b2c3d4'],
    ['a Region of another partition (aws-eusc)', 'arn:aws-eusc:cloudtrail:eu-central-1:111111111111:eventdatastore/a1b2c3d4'],
    ['an unknown partition', 'arn:aws-mars:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4'],
  ])('rejects an ARN with %s', (_, arn) => {
    expect(errorOf(() => LakeEventDataStore.fromEventDataStoreArn(testStack(), 'Imported', arn)).message)
      .toMatch(/^\[Stack\/Imported\] \[EventDataStoreArnFormat\] eventDataStoreArn /);
  });

  test('accepts a token ARN, whose ID CloudFormation takes from the ARN', () => {
    const stack = testStack();
    const store = LakeEventDataStore.fromEventDataStoreArn(stack, 'Imported', Lazy.string({ produce: () => STORE_ARN }));
    expect(stack.resolve(store.eventDataStoreId)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', STORE_ARN] }] }] }] });
    expect(store.env.account).toBe('111111111111');
  });
});

describe('synth-time checks', () => {
  test('51 tags fail synthesis', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    for (let i = 0; i < 51; i++) {
      Tags.of(store).add(`key${i}`, 'v');
    }
    expect(() => Template.fromStack(stack)).toThrow(/\[Stack\/Store\] \[TagCount\] tags .*: 51 tags, but a CloudTrail resource takes at most 50/);
  });

  test('tags reach the store', () => {
    const stack = testStack();
    const store = construct(() => ({}), stack);
    Tags.of(store).add('team', 'security');
    expect(storeProperties(stack).Tags).toEqual([{ Key: 'team', Value: 'security' }]);
  });

  test('an eleventh event data store in one account and Region fails synthesis, counting L1 stores too', () => {
    const app = testApp();
    const stack = new Stack(app, 'Lake', { env: { account: '111111111111', region: 'us-east-1' } });
    for (let i = 0; i < 9; i++) {
      new LakeEventDataStore(stack, `Store${i}`);
    }
    new cloudtrail.CfnEventDataStore(stack, 'Raw', {});
    expect(() => app.synth()).not.toThrow();
    const app2 = testApp();
    const stack2 = new Stack(app2, 'Lake', { env: { account: '111111111111', region: 'us-east-1' } });
    for (let i = 0; i < 10; i++) {
      new LakeEventDataStore(stack2, `Store${i}`);
    }
    new cloudtrail.CfnEventDataStore(stack2, 'Raw', {});
    expect(() => app2.synth()).toThrow(/\] \[EventDataStoreQuota\] eventDataStore .*: this app puts 11 event data stores in account 111111111111, Region us-east-1 \(multi-Region event data stores count in every Region\); CloudTrail allows at most 10/);
  });

  test('multi-Region stores of another Region of the same account count (CloudTrail quotas), single-Region ones do not', () => {
    const synthWith = (multiRegionEnabled: boolean) => {
      const app = testApp();
      const home = new Stack(app, 'Home', { env: { account: '111111111111', region: 'us-east-1' } });
      for (let i = 0; i < 9; i++) {
        new LakeEventDataStore(home, `Store${i}`, { multiRegionEnabled: false });
      }
      const other = new Stack(app, 'Other', { env: { account: '111111111111', region: 'eu-west-1' } });
      new LakeEventDataStore(other, 'A', { multiRegionEnabled });
      new LakeEventDataStore(other, 'B', { multiRegionEnabled });
      return () => app.synth();
    };
    expect(synthWith(false)).not.toThrow();
    expect(synthWith(true)).toThrow(/\[Home\/Store0\] \[EventDataStoreQuota\] eventDataStore .*: this app puts 11 event data stores in account 111111111111, Region us-east-1/);
  });

  // User Guide, "Understanding organization event data stores": "When a delegated administrator creates an organization
  // event data store, the organization event data store exists in the management account for the organization."
  test('organization stores created from a delegated administrator account the app registers count in the management account', () => {
    const synthWith = (organizationEnabled: boolean) => {
      const app = testApp();
      const management = new Stack(app, 'Management', { env: { account: '111111111111', region: 'us-east-1' } });
      new OrganizationDelegatedAdmin(management, 'Admin', { memberAccountId: '222222222222' });
      for (let i = 0; i < 9; i++) {
        new LakeEventDataStore(management, `Store${i}`, { multiRegionEnabled: false });
      }
      const delegated = new Stack(app, 'Delegated', { env: { account: '222222222222', region: 'us-east-1' } });
      new LakeEventDataStore(delegated, 'OrgA', { multiRegionEnabled: false, organizationEnabled });
      new LakeEventDataStore(delegated, 'OrgB', { multiRegionEnabled: false, organizationEnabled });
      return () => app.synth();
    };
    expect(synthWith(false)).not.toThrow();
    expect(synthWith(true)).toThrow(/\[Management\/Store0\] \[EventDataStoreQuota\] eventDataStore .*: this app puts 11 event data stores in account 111111111111, Region us-east-1/);
  });

  test('an organization store with managementAccountId counts in that account, with no registration in the app', () => {
    const synthWith = (managementAccountId: string) => {
      const app = testApp();
      const management = new Stack(app, 'Management', { env: { account: '111111111111', region: 'us-east-1' } });
      for (let i = 0; i < 10; i++) {
        new LakeEventDataStore(management, `Store${i}`, { multiRegionEnabled: false });
      }
      const delegated = new Stack(app, 'Delegated', { env: { account: '222222222222', region: 'us-east-1' } });
      new LakeEventDataStore(delegated, 'Org', { multiRegionEnabled: false, organizationEnabled: true, managementAccountId });
      return () => app.synth();
    };
    expect(synthWith('222222222222')).not.toThrow();
    expect(synthWith('111111111111')).toThrow(/\[Management\/Store0\] \[EventDataStoreQuota\] eventDataStore .*: this app puts 11 event data stores in account 111111111111, Region us-east-1/);
  });

  test('single-Region stores in other Regions do not count; multi-Region ones (the default) do', () => {
    const synthWith = (multiRegionEnabled: boolean) => {
      const app = testApp();
      for (const region of ['us-east-1', 'eu-west-1']) {
        const stack = new Stack(app, `Lake-${region}`, { env: { account: '111111111111', region } });
        for (let i = 0; i < 6; i++) {
          new LakeEventDataStore(stack, `Store${i}`, { multiRegionEnabled });
        }
      }
      return () => app.synth();
    };
    expect(synthWith(false)).not.toThrow();
    expect(synthWith(true)).toThrow(/this app puts 12 event data stores in account 111111111111, Region us-east-1/);
  });
});

describe('snapshots', () => {
  test('default store', () => {
    const stack = testStack();
    construct(() => ({}), stack);
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test('organization store with data events, Insights, federation, context keys and a cross-account grant', () => {
    const stack = testStack();
    const insights = new LakeEventDataStore(stack, 'Insights', { kind: EventDataStoreKind.INSIGHTS, retention: Duration.days(90) });
    const store = construct(() => ({
      eventDataStoreName: 'organization-lake',
      organizationEnabled: true,
      retention: Duration.days(2557),
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      dataEvents: new DataEventSelectors().addS3Objects({ name: 'Object writes', readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY }),
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE],
      insightsDestination: insights,
      federationEnabled: true,
      contextKeySelectors: [{ type: ContextKeyType.TAG_CONTEXT, keys: ['team'] }],
    }), stack);
    store.grantQuery(new iam.AccountPrincipal('222222222222'));
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});

describe('the federation role ARN', () => {
  test('longer than CloudTrail\'s 125 characters is rejected at construction', () => {
    const stack = testStack();
    const arn = `arn:aws:iam::111111111111:role/${'deep/'.repeat(20)}lake-federation`;
    const role = iam.Role.fromRoleArn(stack, 'Long', arn);
    expect(errorOf(() => new LakeEventDataStore(stack, 'Store', { federationRole: role })).message).toContain(
      '[Stack/Store] [FederationRoleArnLength] federationRole "arn:aws:iam::111111…ep/deep/deep/deep/deep/lake-federation" (length 146): '
      + 'the role\'s ARN is 146 characters; CloudTrail takes at most 125 (EnableFederation FederationRoleArn)');
  });
});

test('one error reports the props\' and the selectors\' problems of a store together (issue 15 #8)', () => {
  const error = errorOf(() => new LakeEventDataStore(testStack(), 'Store', {
    eventDataStoreName: 'a',
    dataEvents: new DataEventSelectors().addS3Objects({ resourceArns: { equalTo: ['arn:aws:s3:::payments'] } }),
  }));
  expect(error.message).toMatch(/^2 problems:\n/);
  expect(error.message).toMatch(/\[EventDataStoreNameLength\][\s\S]*\[ResourceArnFormat\]/);
});
