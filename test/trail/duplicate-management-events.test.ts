import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataEventSelectors, OrganizationTrail } from '../../src';
import { managementEventCopy, TrailCoverage } from '../../src/core/trail-rules';
import { testApp } from '../util';

const ORG_ID = 'o-a1b2c3d4e5';
const MANAGEMENT = '111111111111';
const MEMBER = '222222222222';

function coverage(path: string, overrides: Partial<TrailCoverage> = {}): TrailCoverage {
  return { path, account: MANAGEMENT, region: 'us-east-1', isMultiRegionTrail: true, isOrganizationTrail: false, readEvents: true, writeEvents: true, ...overrides };
}

describe('managementEventCopy (the rule)', () => {
  const organization = coverage('Org', { isOrganizationTrail: true });
  test.each<[string, TrailCoverage, TrailCoverage, { account: string; ifMember: boolean; region?: string } | undefined]>([
    ['two multi-Region trails of one account', coverage('A'), coverage('B'), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['a single-Region trail under a multi-Region one', coverage('A'), coverage('B', { isMultiRegionTrail: false, region: 'eu-west-1' }),
      { account: MANAGEMENT, ifMember: false, region: 'eu-west-1' }],
    ['a multi-Region trail after a single-Region one', coverage('A', { isMultiRegionTrail: false, region: 'eu-west-1' }), coverage('B'),
      { account: MANAGEMENT, ifMember: false, region: 'eu-west-1' }],
    ['single-Region trails of one Region', coverage('A', { isMultiRegionTrail: false }), coverage('B', { isMultiRegionTrail: false }),
      { account: MANAGEMENT, ifMember: false, region: 'us-east-1' }],
    ['single-Region trails of two Regions', coverage('A', { isMultiRegionTrail: false }), coverage('B', { isMultiRegionTrail: false, region: 'eu-west-1' }), undefined],
    ['trails of two accounts', coverage('A'), coverage('B', { account: MEMBER }), undefined],
    ['a read-only and a write-only trail', coverage('A', { writeEvents: false }), coverage('B', { readEvents: false }), undefined],
    ['a read-only trail after an all-events one', coverage('A'), coverage('B', { writeEvents: false }), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['a member account trail after an organization trail', organization, coverage('B', { account: MEMBER }), { account: MEMBER, ifMember: true, region: undefined }],
    ['an organization trail after a member account trail', coverage('A', { account: MEMBER }), { ...organization, path: 'Org' },
      { account: MEMBER, ifMember: true, region: undefined }],
    ['a management account trail after an organization trail', organization, coverage('B'), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['two organization trails of one management account', organization, coverage('Org2', { isOrganizationTrail: true }), { account: MANAGEMENT, ifMember: false, region: undefined }],
    ['organization trails of two organizations', organization, coverage('Org2', { isOrganizationTrail: true, account: MEMBER }), undefined],
  ])('%s', (_, first, second, expected) => {
    const copy = managementEventCopy(second, [first, second]);
    expect(copy && { account: copy.account, ifMember: copy.ifMember, region: copy.region }).toEqual(expected);
    if (copy) {
      expect(copy.other).toBe(first);
    }
    // only the later trail is warned
    expect(managementEventCopy(first, [first, second])).toBeUndefined();
  });

  test('names the first trail the copy repeats', () => {
    const [a, b, c] = [coverage('A'), coverage('B'), coverage('C')];
    expect(managementEventCopy(c, [a, b, c])?.other).toBe(a);
  });
});

function warningsOf(stack: Stack): Array<{ path: string; message: string }> {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('^\\[DuplicateManagementEvents\\]'))
    .map(w => ({ path: w.id, message: w.entry.data as string }));
}

function stackIn(app: App, id: string, account = MANAGEMENT, region = 'us-east-1'): Stack {
  return new Stack(app, id, { env: { account, region } });
}

describe('DuplicateManagementEvents (at synth)', () => {
  test('two organization trails of one management account: the later one is warned once, naming the earlier', () => {
    const stack = stackIn(testApp(), 'Stack');
    new OrganizationTrail(stack, 'First', { orgId: ORG_ID });
    new OrganizationTrail(stack, 'Second', { orgId: ORG_ID });
    expect(warningsOf(stack)).toEqual([{
      path: '/Stack/Second',
      message: '[DuplicateManagementEvents] This trail logs the same management events as Stack/First in account 111111111111, every Region: '
        + 'CloudTrail delivers the first copy of management events free and charges for every further copy (CloudTrail pricing; User Guide, '
        + '"Managing CloudTrail costs"). Log management events in one trail only: give the other managementEvents: ReadWriteType.NONE (data events '
        + 'or Insights only), or remove it. [ack: cdk-cloudtrail-org:DuplicateManagementEvents]',
    }]);
  });

  test('an aws-cdk-lib Trail of a member account after the organization trail is warned, in its own stack', () => {
    const app = testApp();
    const management = stackIn(app, 'Management');
    new OrganizationTrail(management, 'Trail', { orgId: ORG_ID });
    const member = stackIn(app, 'Member', MEMBER);
    new cloudtrail.Trail(member, 'AccountTrail', { bucket: s3.Bucket.fromBucketName(member, 'Logs', 'member-logs') });
    expect(warningsOf(management)).toEqual([]);
    expect(warningsOf(member)).toEqual([{
      path: '/Member/AccountTrail',
      message: expect.stringMatching(/^\[DuplicateManagementEvents\] This trail logs the same management events as Management\/Trail in account 222222222222 \(when it is a member of the organization\), every Region: /),
    }]);
  });

  test('an organization trail after a CfnTrail of its account is warned, naming the CfnTrail', () => {
    const stack = stackIn(testApp(), 'Stack');
    new cloudtrail.CfnTrail(stack, 'Existing', { isLogging: true, s3BucketName: 'logs', isMultiRegionTrail: false });
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID });
    expect(warningsOf(stack)).toEqual([{
      path: '/Stack/Trail',
      message: expect.stringMatching(/^\[DuplicateManagementEvents\] This trail logs the same management events as Stack\/Existing in account 111111111111, Region us-east-1: /),
    }]);
  });

  test.each<[string, (stack: Stack) => void]>([
    ['a trail of data events only', stack => new OrganizationTrail(stack, 'Data', {
      orgId: ORG_ID,
      managementEvents: cloudtrail.ReadWriteType.NONE,
      dataEvents: new DataEventSelectors().addS3Objects(),
    })],
    ['an aws-cdk-lib Trail without management events', stack => new cloudtrail.Trail(stack, 'Data', {
      bucket: s3.Bucket.fromBucketName(stack, 'Logs', 'logs'),
      managementEvents: cloudtrail.ReadWriteType.NONE,
    }).addS3EventSelector([{ bucket: s3.Bucket.fromBucketName(stack, 'DataBucket', 'data') }])],
    ['a trail that does not log', stack => new OrganizationTrail(stack, 'Off', { orgId: ORG_ID, isLogging: false })],
    ['a trail of read-only events beside write-only ones', stack => new cloudtrail.CfnTrail(stack, 'Reads', {
      isLogging: true, s3BucketName: 'logs', eventSelectors: [{ readWriteType: 'ReadOnly' }],
    })],
  ])('no warning for %s beside the organization trail', (_, other) => {
    const stack = stackIn(testApp(), 'Stack');
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY });
    other(stack);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('no warning between trails of two organizations, nor for stacks without an account', () => {
    const app = testApp();
    new OrganizationTrail(stackIn(app, 'One'), 'Trail', { orgId: ORG_ID });
    new OrganizationTrail(stackIn(app, 'Two', MEMBER), 'Trail', { orgId: 'o-zzzzzzzzzz' });
    const agnostic = new Stack(app, 'Agnostic');
    new OrganizationTrail(agnostic, 'Trail', { orgId: ORG_ID });
    expect(app.node.children.map(stack => warningsOf(stack as Stack))).toEqual([[], [], []]);
  });

  test('two aws-cdk-lib trails are left to their owners', () => {
    const stack = stackIn(testApp(), 'Stack');
    new cloudtrail.CfnTrail(stack, 'A', { isLogging: true, s3BucketName: 'logs' });
    new cloudtrail.CfnTrail(stack, 'B', { isLogging: true, s3BucketName: 'logs' });
    expect(warningsOf(stack)).toEqual([]);
  });
});
