import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { LakeEventDataStore, OrganizationTrail } from '../../src';
import { testApp } from '../util';

const ORG_ID = 'o-a1b2c3d4e5';

function skippedWarnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('^\\[EnvironmentAgnosticChecksSkipped\\]'))
    .map(w => `${w.id} ${String(w.entry.data)}`);
}

describe('EnvironmentAgnosticChecksSkipped', () => {
  test('an environment-agnostic stack gets one warning, on the stack, naming every check skipped in it', () => {
    const stack = new Stack(testApp(), 'Agnostic');
    new OrganizationTrail(stack, 'Trail1', { orgId: ORG_ID });
    new OrganizationTrail(stack, 'Trail2', { orgId: ORG_ID });
    new LakeEventDataStore(stack, 'Store');
    expect(skippedWarnings(stack)).toEqual([
      '/Agnostic [EnvironmentAgnosticChecksSkipped] the stack is environment-agnostic (no account or Region), so these checks are skipped: '
        + 'trails per account and Region (TrailQuota), the owner of a trail created from a delegated administrator account '
        + '(DelegatedAdminTrailManagementAccount), management events logged by two trails (DuplicateManagementEvents), '
        + 'event data stores per account and Region (EventDataStoreQuota). '
        + 'Give the stack env: { account, region } to have them made at synthesis. [ack: cdk-cloudtrail-org:EnvironmentAgnosticChecksSkipped]',
    ]);
  });

  test('a stack with a Region but no account skips the account checks too', () => {
    const stack = new Stack(testApp(), 'NoAccount', { env: { region: 'us-east-1' } });
    new LakeEventDataStore(stack, 'Store');
    expect(skippedWarnings(stack)).toEqual([expect.stringContaining('(no account), so these checks are skipped: event data stores per account and Region (EventDataStoreQuota).')]);
  });

  test('a stack with an account but no Region skips only the quotas', () => {
    const stack = new Stack(testApp(), 'NoRegion', { env: { account: '111111111111' } });
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID });
    expect(skippedWarnings(stack)).toEqual([expect.stringContaining('(no Region), so these checks are skipped: trails per account and Region (TrailQuota), '
      + 'management events logged by two trails (DuplicateManagementEvents).')]);
  });

  test('a stack with an account and Region gets none', () => {
    const stack = new Stack(testApp(), 'Placed', { env: { account: '111111111111', region: 'us-east-1' } });
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID });
    new LakeEventDataStore(stack, 'Store');
    expect(skippedWarnings(stack)).toEqual([]);
  });

  test('each environment-agnostic stack of an app gets its own warning, once however often the app synthesizes', () => {
    const app = testApp();
    const first = new Stack(app, 'First');
    const second = new Stack(app, 'Second');
    new OrganizationTrail(first, 'Trail', { orgId: ORG_ID });
    new LakeEventDataStore(second, 'Store');
    app.synth();
    app.synth({ force: true });
    expect(skippedWarnings(first)).toHaveLength(1);
    expect(skippedWarnings(second)).toHaveLength(1);
  });
});
