import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { DataEventSelectors, LakeEventDataStore, NetworkActivityErrorCode, NetworkActivityEventSource, OrganizationTrail } from '../../src';
import type { RuleId } from '../../src/core/rule-registry';
import { DOCUMENTED_NETWORK_ACTIVITY_ERROR_CODES, DOCUMENTED_NETWORK_ACTIVITY_SOURCES } from '../../src/selectors/network-activity';
import { errorOf, testStack } from '../util';

// DataEventSelectors.addNetworkActivity (issue 16): the selectors it makes, the rules on what it is given, and
// messages that name the call and the option the user wrote.

function onTrail(dataEvents: DataEventSelectors) {
  const stack = testStack();
  const trail = new OrganizationTrail(stack, 'Trail', { orgId: 'o-a1b2c3d4e5', dataEvents });
  return { stack, trail };
}

test('one selector per event source, each with only the fields given', () => {
  const selectors = new DataEventSelectors()
    .addNetworkActivity({ eventSources: [NetworkActivityEventSource.EC2, NetworkActivityEventSource.SECRETS_MANAGER], eventNames: { equalTo: ['GetSecretValue'] } })
    .advancedEventSelectors;
  expect(selectors).toEqual(['ec2.amazonaws.com', 'secretsmanager.amazonaws.com'].map(source => ({
    fieldSelectors: [
      { field: 'eventCategory', equalTo: ['NetworkActivity'] },
      { field: 'eventSource', equalTo: [source] },
      { field: 'eventName', equalTo: ['GetSecretValue'] },
    ],
  })));
});

test('every documented source is a constant', () => {
  expect([NetworkActivityEventSource.CLOUDTRAIL, NetworkActivityEventSource.EC2, NetworkActivityEventSource.KMS,
    NetworkActivityEventSource.SECRETS_MANAGER, NetworkActivityEventSource.S3].map(source => source.value))
    .toEqual(['cloudtrail.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com', 'secretsmanager.amazonaws.com', 's3.amazonaws.com']);
});

test('of() takes a value newer than the library, and the documented lists hold the constants', () => {
  expect(NetworkActivityEventSource.of('sqs.amazonaws.com').value).toBe('sqs.amazonaws.com');
  expect(NetworkActivityErrorCode.of('ThrottlingException').value).toBe('ThrottlingException');
  expect(NetworkActivityErrorCode.VPCE_ACCESS_DENIED.value).toBe('VpceAccessDenied');
  expect(DOCUMENTED_NETWORK_ACTIVITY_SOURCES).toEqual(['cloudtrail.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com',
    'secretsmanager.amazonaws.com', 's3.amazonaws.com']);
  expect(DOCUMENTED_NETWORK_ACTIVITY_ERROR_CODES).toEqual(['VpceAccessDenied']);
});

test('the selectors are valid on an event data store too', () => {
  const stack = testStack();
  expect(() => new LakeEventDataStore(stack, 'Store', {
    managementEvents: cloudtrail.ReadWriteType.NONE,
    dataEvents: new DataEventSelectors()
      .addNetworkActivity({ eventSources: [NetworkActivityEventSource.KMS], errorCodes: [NetworkActivityErrorCode.VPCE_ACCESS_DENIED] }),
  })).not.toThrow();
});

test('the call number counts calls, not the selectors a call makes', () => {
  const dataEvents = new DataEventSelectors()
    .addNetworkActivity({ eventSources: [NetworkActivityEventSource.S3, NetworkActivityEventSource.KMS] })
    .addNetworkActivity({ eventSources: [NetworkActivityEventSource.EC2], vpcEndpointIds: ['vpce-123'] });
  expect(errorOf(() => onTrail(dataEvents)).message).toContain('dataEvents.addNetworkActivity(#2 ec2.amazonaws.com).vpcEndpointIds[0] "vpce-123"');
});

describe('rules, with the rule id and the exact message', () => {
  test.each<[string, () => DataEventSelectors, RuleId, string]>([
    ['no event source', () => new DataEventSelectors().addNetworkActivity({ eventSources: [] }), 'NetworkActivitySources',
      'dataEvents.addNetworkActivity(#1).eventSources []: network activity selectors each name one event source, and no source is given '
      + '(AdvancedFieldSelector Field, eventSource). Fix: name at least one source, e.g. NetworkActivityEventSource.S3'],
    ['an empty list of VPC endpoints', () => new DataEventSelectors().addNetworkActivity({ eventSources: [NetworkActivityEventSource.S3], vpcEndpointIds: [] }),
      'ResourceListNotEmpty',
      'dataEvents.addNetworkActivity(#1).vpcEndpointIds []: an empty list would log every VPC endpoint, which is rarely what an empty list means. '
      + 'Fix: name at least one VPC endpoint, or leave the option out to log every VPC endpoint'],
    ['an empty list of error codes', () => new DataEventSelectors().addNetworkActivity({ eventSources: [NetworkActivityEventSource.S3], errorCodes: [] }),
      'ResourceListNotEmpty',
      'dataEvents.addNetworkActivity(#1).errorCodes []: an empty list would log every call, which is rarely what an empty list means. '
      + 'Fix: name at least one error code, or leave the option out to log every call'],
    ['a VPC endpoint id without its prefix',
      () => new DataEventSelectors().addNetworkActivity({ name: 'Denied', eventSources: [NetworkActivityEventSource.S3], vpcEndpointIds: ['0123456789abcdef0'] }),
      'SelectorFieldFormat',
      'dataEvents.addNetworkActivity(#1 s3.amazonaws.com "Denied").vpcEndpointIds[0] "0123456789abcdef0": vpcEndpointId values are \'vpce-\' and 8 or 17 '
      + 'lowercase hexadecimal characters (Amazon EC2 resource IDs) (AdvancedFieldSelector Field). Fix: use the full vpcEndpointId, or startsWith for a part of it'],
  ])('%s', (_, dataEvents, id, message) => {
    expect(errorOf(() => onTrail(dataEvents())).message).toBe(`[Stack/Trail] [${id}] ${message}`);
  });

  test('a raw selector gets the same format rule, and a prefix in startsWith is not checked', () => {
    const raw = (fs: object) => DataEventSelectors.fromAdvancedEventSelectors([{
      fieldSelectors: [{ field: 'eventCategory', equalTo: ['NetworkActivity'] }, { field: 'eventSource', equalTo: ['s3.amazonaws.com'] }, { field: 'vpcEndpointId', ...fs }],
    }]);
    expect(errorOf(() => onTrail(raw({ notEquals: ['VPCE-0123456789ABCDEF0'] }))).message).toMatch(/\[SelectorFieldFormat\] dataEvents\[0\]\.fieldSelectors\[2\]\.notEquals\[0\]/);
    expect(() => onTrail(raw({ startsWith: ['vpce-01'] }))).not.toThrow();
    expect(() => onTrail(raw({ equalTo: ['vpce-0123abcd'] }))).not.toThrow();
  });

  test('a source newer than the library is a warning, not an error', () => {
    const { stack } = onTrail(new DataEventSelectors().addNetworkActivity({ eventSources: [NetworkActivityEventSource.of('sqs.amazonaws.com')] }));
    Annotations.fromStack(stack).hasWarning('/Stack/Trail', Match.stringLikeRegexp('\\[UncheckedFieldValue\\] dataEvents\\.addNetworkActivity\\(#1 sqs\\.amazonaws\\.com\\)\\.eventSources "sqs\\.amazonaws\\.com"'));
  });
});

test('a selector that repeats another exactly is rejected, as CloudFormation\'s schema would (unique items)', () => {
  const dataEvents = new DataEventSelectors().addS3Objects().addLambdaFunctions().addS3Objects();
  expect(errorOf(() => onTrail(dataEvents)).message).toBe('[Stack/Trail] [SelectorsUnique] dataEvents.addS3Objects(#2): repeats an earlier selector exactly '
    + '(CloudFormation AdvancedEventSelectors schema: unique items). Fix: remove the repeated selector');
  expect(() => onTrail(new DataEventSelectors().addS3Objects().addS3Objects({ name: 'second' }))).not.toThrow();
});
