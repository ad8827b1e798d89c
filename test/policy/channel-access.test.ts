/**
 * LakeChannel's access paths, asked of the IAM policy simulator (./simulator.ts): who may send events to a channel with
 * cloudtrail-data:PutAuditEvents (CloudTrail User Guide, "Resource-based policy examples for channels").
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, Decision, RequestPrincipal, simulate, synthesize } from './simulator';
import { EventDataStoreKind, LakeChannel, LakeEventDataStore } from '../../src';

const PARTNER = '444455556666';
const SOLUTION = '555566667777';
const OTHER = '777788889999';
const PUT = 'cloudtrail-data:PutAuditEvents';

const template = synthesize('ChannelAccess', scope => {
  const store = new LakeEventDataStore(scope, 'External', { kind: EventDataStoreKind.EXTERNAL_EVENTS });
  const channel = new LakeChannel(scope, 'Channel', { source: 'Custom', destinations: [store] });
  channel.grantPutAuditEvents(new iam.Role(scope, 'Sender', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
  new iam.Role(scope, 'Bystander', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  channel.grantPutAuditEvents(new iam.AccountPrincipal(SOLUTION));
  channel.grantPutAuditEvents(new iam.AccountPrincipal(PARTNER), 'partner-external-id');
});
const channelArn = template.getAtt(template.logicalId('Channel', 'AWS::CloudTrail::Channel'), 'ChannelArn');
const otherChannelArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:channel/0123456789ab-another-channel`;

const rows: Array<[string, RequestPrincipal, string, Decision]> = [
  ['a granted role of the account sends events (its IAM policy)', { role: 'Sender' }, channelArn, 'Allowed'],
  ['denied: a role of the account without the grant', { role: 'Bystander' }, channelArn, 'ImplicitlyDenied'],
  ['denied: the granted role sends to another channel', { role: 'Sender' }, otherChannelArn, 'ImplicitlyDenied'],
  ['a granted account sends events (the channel\'s resource policy)', { arn: `arn:aws:iam::${SOLUTION}:role/sender` }, channelArn, 'Allowed'],
  ['denied: an account without the grant', { arn: `arn:aws:iam::${OTHER}:role/sender` }, channelArn, 'ImplicitlyDenied'],
  // the simulator does not know cloudtrail:ExternalId (iam-data lists no condition key for PutAuditEvents), so only the
  // request without it can be asked: the condition must fail
  ['denied: the partner account without its external ID', { arn: `arn:aws:iam::${PARTNER}:role/sender` }, channelArn, 'ImplicitlyDenied'],
];

describe('LakeChannel access paths', () => {
  test.each(rows)('%s', async (_, principal, resource, expected) => {
    const result = await simulate(template, { principal, action: PUT, resource });
    expect(result.decision).toBe(expected);
  });

  test('the partner\'s statement carries the external ID condition', () => {
    const policy = template.resourcePolicy(PUT, channelArn)!;
    const partner = policy.Statement.find(s => JSON.stringify(s.Principal).includes(PARTNER));
    expect(partner?.Condition).toEqual({ StringEquals: { 'cloudtrail:ExternalId': 'partner-external-id' } });
  });
});
