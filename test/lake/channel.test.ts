import { Lazy, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
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

  test('addToResourcePolicy returns the policy resource, which a construct can depend on', () => {
    const { stack, construct } = channel();
    const result = construct.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['cloudtrail-data:PutAuditEvents'], principals: [new iam.AccountPrincipal('444455556666')], resources: [construct.channelArn],
    }));
    const sender = new iam.Role(stack, 'Sender', { assumedBy: new iam.AccountRootPrincipal() });
    sender.node.addDependency(result.policyDependable!);
    expect(Template.fromStack(stack).findResources('AWS::IAM::Role')[stack.getLogicalId(sender.node.defaultChild as any)].DependsOn)
      .toEqual([stack.getLogicalId(construct.node.findChild('Policy') as any)]);
  });

  test('[TagCount] the channel takes at most 50 tags', () => {
    const { stack, construct } = channel();
    for (let i = 0; i < 51; i++) {
      Tags.of(construct).add(`k${i}`, 'v');
    }
    expect(() => Template.fromStack(stack)).toThrow(/\[TagCount\] tags/);
  });
});

describe('LakeChannel.fromChannelArn', () => {
  const CHANNEL_ARN = 'arn:aws:cloudtrail:us-east-1:222222222222:channel/01234567-89ab-cdef-0123-456789abcdef';

  test('a principal of the channel\'s account gets an identity policy grant, and no warning', () => {
    const stack = new Stack(testStack().node.root, 'Sender', { env: { account: '222222222222', region: 'us-east-1' } });
    const partnerChannel = LakeChannel.fromChannelArn(stack, 'Channel', CHANNEL_ARN);
    const sender = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    partnerChannel.grantPutAuditEvents(sender);
    expect(partnerChannel.env).toEqual({ account: '222222222222', region: 'us-east-1' });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'cloudtrail-data:PutAuditEvents', Resource: CHANNEL_ARN }] },
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('[ChannelPolicyNotManaged] a principal of another account gets its identity policy and a warning with the channel\'s statement', () => {
    const stack = testStack();
    const partnerChannel = LakeChannel.fromChannelArn(stack, 'Channel', CHANNEL_ARN);
    const sender = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    partnerChannel.grantPutAuditEvents(sender, 'app-external-id');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'cloudtrail-data:PutAuditEvents', Resource: CHANNEL_ARN })] },
    });
    template.resourceCountIs('AWS::CloudTrail::ResourcePolicy', 0);
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Channel', Match.stringLikeRegexp('ChannelPolicyNotManaged'));
    expect(warnings).toHaveLength(1);
    const text = String(warnings[0].entry.data);
    expect(text).toContain(`[ChannelPolicyNotManaged] channel ${CHANNEL_ARN} is not managed by this app, so its resource policy was not changed.`);
    expect(text).toContain('"cloudtrail:ExternalId": "app-external-id"');
    expect(text).toContain('"Action": "cloudtrail-data:PutAuditEvents"');
  });

  test.each([
    ['a trail ARN', 'arn:aws:cloudtrail:us-east-1:222222222222:trail/org'],
    ['an ARN without an account', 'arn:aws:cloudtrail:us-east-1::channel/0123'],
    ['a Region of another partition', 'arn:aws-cn:cloudtrail:us-east-1:222222222222:channel/0123'],
    ['a channel ID with a space', 'arn:aws:cloudtrail:us-east-1:222222222222:channel/01 23'],
  ])('[ChannelArnFormat] rejects %s', (_name, arn) => {
    expect(errorOf(() => LakeChannel.fromChannelArn(testStack(), 'Channel', arn)).message).toBe(
      `[Stack/Channel] [ChannelArnFormat] channelArn ${JSON.stringify(arn)}: must be a channel ARN, arn:<partition>:cloudtrail:<region>:<account>:channel/<id> `
      + '(API model ChannelArn; CreateChannel ChannelArn). Fix: copy the ARN from `aws cloudtrail list-channels` (ChannelArn)');
  });

  test('accepts the ARN of a channel in the aws-eusc partition, and a token', () => {
    expect(() => LakeChannel.fromChannelArn(testStack(), 'Channel', 'arn:aws-eusc:cloudtrail:eusc-de-east-1:222222222222:channel/0123')).not.toThrow();
    const stack = testStack();
    expect(() => LakeChannel.fromChannelArn(stack, 'Channel', Lazy.string({ produce: () => 'not an ARN' }))).not.toThrow();
  });
});
