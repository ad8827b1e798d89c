import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CONSTRUCT_FIXTURES, FIXTURE_ENV } from './fixtures/constructs';
import { validatingApp } from './util';

// The resources each form creates, as the README's "What each construct adds to a template" lists them.
const RESOURCES: Record<string, { default: number; full: number }> = {
  OrganizationTrail: { default: 9, full: 9 },
  SecurityAlarms: { default: 39, full: 13 },
  LakeEventDataStore: { default: 2, full: 7 },
  LakeQuery: { default: 24, full: 24 },
  ScheduledLakeQuery: { default: 11, full: 11 },
  LakeImport: { default: 26, full: 26 },
  LakeExportToCloudWatch: { default: 24, full: 24 },
  LakeChannel: { default: 1, full: 2 },
  LakeDashboard: { default: 1, full: 5 },
  OrganizationDelegatedAdmin: { default: 6, full: 7 },
  CloudTrailTrustedAccess: { default: 6, full: 15 },
  TrailProtectionPolicy: { default: 1, full: 1 },
  TrailLogArchive: { default: 6, full: 6 },
  CloudTrailTelemetryRule: { default: 1, full: 1 },
};

// Unit tests run without aws-cdk-lib's CloudFormation schema validation; here it judges the default and the
// fully-featured form of every construct: any schema finding fails synthesis.
describe.each(CONSTRUCT_FIXTURES.map(f => [f.construct, f] as const))('%s', (_, fixture) => {
  test.each(['default', 'full'] as const)('%s form passes the CloudFormation schemas, with the resources the README lists', form => {
    const stack = new Stack(validatingApp(), 'Stack', { env: FIXTURE_ENV });
    fixture[form](stack);
    const template = Template.fromStack(stack);
    expect(Object.keys(template.toJSON().Resources).length).toBe(RESOURCES[fixture.construct][form]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });
});
