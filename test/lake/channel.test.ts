import { Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EventDataStoreKind, IEventDataStore, LakeChannel, LakeChannelProps, LakeEventDataStore } from '../../src';
import { errorOf, testStack, validatingApp } from '../util';

const STORE_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function imported(stack: Stack, id: string, kind?: EventDataStoreKind): IEventDataStore {
  return LakeEventDataStore.fromEventDataStoreAttributes(stack, id, { eventDataStoreArn: `${STORE_ARN}-${id}`, kind });
}

function channel(props: Partial<LakeChannelProps> = {}) {
  const stack = testStack();
  const construct = new LakeChannel(stack, 'Channel', {
    source: 'Custom',
    destinations: [imported(stack, 'Store', EventDataStoreKind.EXTERNAL_EVENTS)],
    ...props,
  });
  return { stack, construct };
}

describe('LakeChannel', () => {
  test('delivers to the external-events store it is given, with a generated name', () => {
    const stack = new Stack(validatingApp(), 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
    const store = new LakeEventDataStore(stack, 'External', { kind: EventDataStoreKind.EXTERNAL_EVENTS });
    const construct = new LakeChannel(stack, 'Channel', { source: 'Custom', destinations: [store] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudTrail::Channel', {
      Name: construct.channelName,
      Source: 'Custom',
      Destinations: [{ Type: 'EVENT_DATA_STORE', Location: { 'Fn::GetAtt': [Match.stringLikeRegexp('^External'), 'EventDataStoreArn'] } }],
    });
    expect(construct.channelName).toMatch(/^StackChannel/);
    expect(stack.resolve(construct.channelArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as any), 'ChannelArn'] });
    template.resourceCountIs('AWS::CloudTrail::ResourcePolicy', 0);
  });

  test('a principal of another account gets a statement in the channel\'s resource policy, with the external ID', () => {
    const stack = new Stack(validatingApp(), 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
    const store = new LakeEventDataStore(stack, 'External', { kind: EventDataStoreKind.EXTERNAL_EVENTS });
    const construct = new LakeChannel(stack, 'Channel', { source: 'Custom', channelName: 'partner-events', destinations: [store] });
    construct.grantPutAuditEvents(new iam.AccountPrincipal('444455556666'), 'partner-external-id');
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::ResourcePolicy', {
      ResourceArn: { 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as any), 'ChannelArn'] },
      ResourcePolicy: {
        Statement: [{
          Effect: 'Allow',
          Action: 'cloudtrail-data:PutAuditEvents',
          Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::444455556666:root']] } },
          Resource: { 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as any), 'ChannelArn'] },
          Condition: { StringEquals: { 'cloudtrail:ExternalId': 'partner-external-id' } },
        }],
      },
    });
    expect(() => (stack.node.root as any).synth()).not.toThrow();
  });

  test('a principal of the same account gets an identity policy grant and no resource policy', () => {
    const { stack, construct } = channel();
    const role = new iam.Role(stack, 'Sender', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    construct.grantPutAuditEvents(role);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudTrail::ResourcePolicy', 0);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'cloudtrail-data:PutAuditEvents', Resource: stack.resolve(construct.channelArn) }] },
    });
  });

  test.each<[string, Partial<LakeChannelProps> | ((stack: Stack) => Partial<LakeChannelProps>), string]>([
    ['ChannelSourceLength', { source: '' }, 'source "": must be 1 to 256 characters long, got 0 (API model Source). Fix: use at least 1 character'],
    ['ChannelSourceLength', { source: 'x'.repeat(257) }, 'got 257 (API model Source)'],
    ['ChannelSourceFormat', { source: 'Custom\n' }, 'source "Custom\\n": must be one line: \'Custom\' or the source name of an integration partner (API model Source, pattern .*). '
      + 'Fix: remove the line break; copy the partner\'s source name from the CloudTrail User Guide, "Additional information about integration partners"'],
    ['ChannelNameLength', { channelName: 'ab' }, 'channelName "ab": must be 3 to 128 characters long, got 2 (API model ChannelName). Fix: use at least 3 characters'],
    ['ChannelNameLength', { channelName: 'a'.repeat(129) }, 'got 129 (API model ChannelName)'],
    ['ChannelNameCharacters', { channelName: 'my channel/1' }, 'channelName "my channel/1": contains \' \' and \'/\'; only ASCII letters, digits, \'.\', \'_\' and \'-\' are allowed '
      + '(API model ChannelName). Fix: remove or replace those characters'],
    ['ChannelDestinationCount', { destinations: [] }, 'destinations []: 0 event data stores; a channel delivers to 1 to 10 (AWS::CloudTrail::Channel Destinations). '
      + 'Fix: give at least one event data store of kind EventDataStoreKind.EXTERNAL_EVENTS'],
    ['ChannelDestinationCount', stack => ({ destinations: Array.from({ length: 11 }, (_, i) => imported(stack, `S${i}`, EventDataStoreKind.EXTERNAL_EVENTS)) }),
      '11 event data stores; a channel delivers to 1 to 10 (AWS::CloudTrail::Channel Destinations). Fix: deliver to fewer stores, or create a second channel'],
    ['ChannelDestinationKind', stack => ({ destinations: [imported(stack, 'Trail', EventDataStoreKind.CLOUDTRAIL_EVENTS)] }),
      'destinations[0] "CloudTrailEvents": a channel delivers only to event data stores of events from outside AWS (CreateChannel InvalidEventDataStoreCategoryException). '
      + 'Fix: use a store created with kind: EventDataStoreKind.EXTERNAL_EVENTS'],
  ])('[%s] %#', (id, props, message) => {
    const build = () => {
      const stack = testStack();
      const resolved = typeof props === 'function' ? props(stack) : props;
      return new LakeChannel(stack, 'Channel', { source: 'Custom', destinations: [imported(stack, 'Store', EventDataStoreKind.EXTERNAL_EVENTS)], ...resolved });
    };
    expect(build).toThrow(new RegExp(`\\[${id}\\]`));
    expect(errorOf(build).message).toContain(message);
  });

  test('a store of unknown kind is not checked', () => {
    expect(() => channel({ destinations: [LakeEventDataStore.fromEventDataStoreArn(testStack(), 'Unknown', STORE_ARN)] })).not.toThrow();
  });

  test('[ChannelPolicyActions] the resource policy allows only PutAuditEvents', () => {
    const { stack, construct } = channel();
    construct.addToResourcePolicy(new iam.PolicyStatement({ actions: ['cloudtrail:StartQuery'], principals: [new iam.AccountPrincipal('444455556666')], resources: ['*'] }));
    expect(() => Template.fromStack(stack)).toThrow('[ChannelPolicyActions] resourcePolicy ["cloudtrail:StartQuery"]: a channel\'s resource policy may allow only '
      + 'cloudtrail-data:PutAuditEvents (PutResourcePolicy ResourcePolicy). Fix: grant the other actions in the principal\'s own IAM policy');
  });

  test('[ChannelPolicyStatementCount] the resource policy has at most 20 statements', () => {
    const { stack, construct } = channel();
    for (let i = 0; i < 21; i++) {
      construct.grantPutAuditEvents(new iam.AccountPrincipal(String(400000000000 + i)), `id-${i}`);
    }
    expect(() => Template.fromStack(stack)).toThrow('[ChannelPolicyStatementCount] resourcePolicy: 21 statements; a channel\'s resource policy takes at most 20 '
      + '(PutResourcePolicy ResourcePolicy). Fix: grant several principals in one statement, or whole accounts');
  });

  test('[TagCount] the channel takes at most 50 tags', () => {
    const { stack, construct } = channel();
    for (let i = 0; i < 51; i++) {
      Tags.of(construct).add(`k${i}`, 'v');
    }
    expect(() => Template.fromStack(stack)).toThrow(/\[TagCount\] tags/);
  });
});
