import { Token } from 'aws-cdk-lib';
import {
  CHANNEL_DESTINATION_KIND, channelArnProblems, ChannelDestination, channelDestinationProblems, channelNameProblems, channelPolicyProblems,
  channelSourceProblems, PUT_AUDIT_EVENTS,
} from '../../src/core/channel-rules';
import { formatProblem, Problem, showValue } from '../../src/core/problems';

const token = (name: string) => Token.asString({ Ref: name });
const summary = (problems: Problem[]) => problems.map(p => [p.id, p.property, p.value]);

test('the constants name what CloudTrail expects', () => {
  expect(CHANNEL_DESTINATION_KIND).toBe('ActivityAuditLog');
  expect(PUT_AUDIT_EVENTS).toBe('cloudtrail-data:PutAuditEvents');
});

describe('channelNameProblems', () => {
  test.each(['abc', 'my-channel_1.x', 'A'.repeat(128)])('accepts %s', name => {
    expect(channelNameProblems('channelName', name)).toEqual([]);
  });

  test('tokens are not checked', () => {
    expect(channelNameProblems('channelName', `a ${token('Name')}`)).toEqual([]);
  });

  test('rejects a name that is too short or has other characters, with the ids of a channel', () => {
    expect(channelNameProblems('channelName', 'ab').map(formatProblem)).toEqual([
      '[ChannelNameLength] channelName "ab": must be 3 to 128 characters long, got 2 (API model ChannelName). Fix: use at least 3 characters',
    ]);
    expect(channelNameProblems('channelName', 'my channel!').map(formatProblem)).toEqual([
      "[ChannelNameCharacters] channelName \"my channel!\": contains ' ' and '!'; only ASCII letters, digits, '.', '_' and '-' are allowed "
      + '(API model ChannelName). Fix: remove or replace those characters',
    ]);
  });
});

describe('channelSourceProblems', () => {
  test.each(['Custom', 'x', 'x'.repeat(256), 'Partner Source: with any\tcharacters'])('accepts %s', source => {
    expect(channelSourceProblems('source', source)).toEqual([]);
  });

  test('tokens are not checked', () => {
    expect(channelSourceProblems('source', `${token('Source')}\n`)).toEqual([]);
  });

  test.each(['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', '\n'])('rejects the line break in %j', source => {
    expect(summary(channelSourceProblems('source', source))).toEqual([['ChannelSourceFormat', 'source', source]]);
  });

  test('the exact messages of a line break and of the length', () => {
    expect(channelSourceProblems('source', 'Custom\n').map(formatProblem)).toEqual([
      "[ChannelSourceFormat] source \"Custom\\n\": must be one line: 'Custom' or the source name of an integration partner (API model Source, pattern .*). "
      + 'Fix: remove the line break; copy the partner\'s source name from the CloudTrail User Guide, "Additional information about integration partners"',
    ]);
    expect(channelSourceProblems('source', '').map(formatProblem)).toEqual([
      '[ChannelSourceLength] source "": must be 1 to 256 characters long, got 0 (API model Source). Fix: use at least 1 character',
    ]);
  });

  test('a long source with a line break breaks both rules, length first', () => {
    const source = `${'x'.repeat(256)}\n`;
    expect(summary(channelSourceProblems('source', source))).toEqual([['ChannelSourceLength', 'source', source], ['ChannelSourceFormat', 'source', source]]);
  });
});

describe('channelDestinationProblems', () => {
  const arn = (i: number) => `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/store-${i}`;
  const stores = (count: number, category?: string): ChannelDestination[] =>
    Array.from({ length: count }, (_, i) => ({ eventDataStoreArn: arn(i), category }));

  test.each([1, 10])('accepts %d stores of external events, or of unknown kind', count => {
    expect(channelDestinationProblems('destinations', stores(count, 'ActivityAuditLog'))).toEqual([]);
    expect(channelDestinationProblems('destinations', stores(count))).toEqual([]);
  });

  test('no store: the fix asks for one', () => {
    expect(channelDestinationProblems('destinations', []).map(formatProblem)).toEqual([
      '[ChannelDestinationCount] destinations []: 0 event data stores; a channel delivers to 1 to 10 (AWS::CloudTrail::Channel Destinations). '
      + 'Fix: give at least one event data store of kind EventDataStoreKind.EXTERNAL_EVENTS',
    ]);
  });

  test('11 stores: the fix asks for fewer, and the value lists their ARNs', () => {
    expect(channelDestinationProblems('destinations', stores(11)).map(p => [p.id, p.property, p.value, p.rule, p.fix])).toEqual([[
      'ChannelDestinationCount', 'destinations', Array.from({ length: 11 }, (_, i) => arn(i)),
      '11 event data stores; a channel delivers to 1 to 10 (AWS::CloudTrail::Channel Destinations)', 'deliver to fewer stores, or create a second channel',
    ]]);
  });

  test('a store of another kind is named by its index', () => {
    const destinations = [{ eventDataStoreArn: arn(0), category: 'ActivityAuditLog' }, { eventDataStoreArn: arn(1), category: 'Management' }, { eventDataStoreArn: arn(2) },
      { eventDataStoreArn: arn(3), category: 'ConfigurationItem' }];
    expect(channelDestinationProblems('destinations', destinations).map(formatProblem)).toEqual([
      '[ChannelDestinationKind] destinations[1] "Management": a channel delivers only to event data stores of events from outside AWS '
      + '(CreateChannel InvalidEventDataStoreCategoryException). Fix: use a store created with kind: EventDataStoreKind.EXTERNAL_EVENTS',
      '[ChannelDestinationKind] destinations[3] "ConfigurationItem": a channel delivers only to event data stores of events from outside AWS '
      + '(CreateChannel InvalidEventDataStoreCategoryException). Fix: use a store created with kind: EventDataStoreKind.EXTERNAL_EVENTS',
    ]);
  });

  test('too many stores of the wrong kind break both rules, count first', () => {
    expect(channelDestinationProblems('d', stores(11, 'Management')).map(p => p.id)).toEqual(['ChannelDestinationCount', ...Array(11).fill('ChannelDestinationKind')]);
  });
});

describe('channelPolicyProblems', () => {
  test.each<[string, number, string[]]>([
    ['PutAuditEvents', 1, ['cloudtrail-data:PutAuditEvents']],
    ['PutAuditEvents in any case', 20, ['cloudtrail-data:PutAuditEvents', 'CloudTrail-Data:putauditevents', 'CLOUDTRAIL-DATA:PUTAUDITEVENTS']],
    ['no action', 0, []],
    ['a token', 1, [token('Action')]],
  ])('accepts %s', (_, count, actions) => {
    expect(channelPolicyProblems('resourcePolicy', count, actions)).toEqual([]);
  });

  test('other actions are named, tokens left out', () => {
    expect(channelPolicyProblems('resourcePolicy', 2, ['cloudtrail-data:PutAuditEvents', 's3:GetObject', token('Action'), 'cloudtrail-data:*']).map(formatProblem)).toEqual([
      "[ChannelPolicyActions] resourcePolicy [\"s3:GetObject\",\"cloudtrail-data:*\"]: a channel's resource policy may allow only cloudtrail-data:PutAuditEvents "
      + "(PutResourcePolicy ResourcePolicy). Fix: grant the other actions in the principal's own IAM policy",
    ]);
  });

  test('21 statements are too many; 20 are not', () => {
    expect(channelPolicyProblems('resourcePolicy', 20, [])).toEqual([]);
    expect(channelPolicyProblems('resourcePolicy', 21, []).map(formatProblem)).toEqual([
      "[ChannelPolicyStatementCount] resourcePolicy: 21 statements; a channel's resource policy takes at most 20 (PutResourcePolicy ResourcePolicy). "
      + 'Fix: grant several principals in one statement, or whole accounts',
    ]);
  });

  test('both rules, actions first', () => {
    expect(channelPolicyProblems('p', 25, ['iam:PassRole']).map(p => [p.id, p.property])).toEqual([['ChannelPolicyActions', 'p'], ['ChannelPolicyStatementCount', 'p']]);
  });
});

describe('channelArnProblems', () => {
  const head = 'arn:aws:cloudtrail:us-east-1:111111111111:channel/';

  test.each([
    `${head}01234567-89ab-cdef-0123-456789abcdef`,
    `${head}a.b_c-D`,
    `${head}${'a'.repeat(256 - head.length)}`,
    'arn:aws-cn:cloudtrail:cn-north-1:111111111111:channel/abc',
    'arn:aws-us-gov:cloudtrail:us-gov-west-1:111111111111:channel/abc',
  ])('accepts %s', arn => {
    expect(channelArnProblems('channelArn', arn)).toEqual([]);
  });

  test('tokens are not checked', () => {
    expect(channelArnProblems('channelArn', `arn:aws:cloudtrail:${token('Region')}:x:channel/`)).toEqual([]);
  });

  test.each([
    `${head}${'a'.repeat(257 - head.length)}`,
    'arn:aws:cloudtrail:cn-north-1:111111111111:channel/abc',
    'arn:aws-cn:cloudtrail:us-east-1:111111111111:channel/abc',
    'arn:aws:cloudtrail:us-east-1:11111111111:channel/abc',
    'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/abc',
    'arn:aws:cloudtrail::111111111111:channel/abc',
    `${head}`,
    `${head}a/b`,
    `x${head}abc`,
    `${head}abc `,
    '',
  ])('rejects %j', arn => {
    expect(channelArnProblems('channelArn', arn).map(formatProblem)).toEqual([
      `[ChannelArnFormat] channelArn ${showValue(arn)}: `
      + 'must be a channel ARN, arn:<partition>:cloudtrail:<region>:<account>:channel/<id> (API model ChannelArn; CreateChannel ChannelArn). '
      + 'Fix: copy the ARN from `aws cloudtrail list-channels` (ChannelArn)',
    ]);
  });
});
