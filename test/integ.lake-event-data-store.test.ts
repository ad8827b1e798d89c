import { INTEG_APP_CONTEXT } from './integ-environment';
import { describeIntegSnapshot } from './integ-snapshot';
import {
  buildLakeEventDataStoreInteg, optionsFromEnvironment, SNAPSHOT_OPTIONS,
} from './integ.lake-event-data-store';

// The committed snapshot of test/integ.lake-event-data-store.ts (see integ-snapshot.ts for why jest checks it).
describeIntegSnapshot({
  name: 'integ.lake-event-data-store.ts',
  // Fixed settings, not the environment's: the snapshot must not depend on who runs the test.
  build: app => buildLakeEventDataStoreInteg(app, SNAPSHOT_OPTIONS),
  context: INTEG_APP_CONTEXT,
});

describe('integration app settings', () => {
  test('fall back to the snapshot settings', () => {
    expect(optionsFromEnvironment({})).toEqual(SNAPSHOT_OPTIONS);
  });

  test('prefer the integ-runner environment to the CDK CLI environment', () => {
    expect(optionsFromEnvironment({
      CDK_INTEG_ACCOUNT: '222222222222',
      CDK_INTEG_REGION: 'eu-west-1',
      CDK_DEFAULT_ACCOUNT: '333333333333',
      CDK_DEFAULT_REGION: 'eu-central-1',
    })).toEqual({ env: { account: '222222222222', region: 'eu-west-1' } });
    expect(optionsFromEnvironment({ CDK_DEFAULT_ACCOUNT: '333333333333', CDK_DEFAULT_REGION: 'eu-central-1' }))
      .toEqual({ env: { account: '333333333333', region: 'eu-central-1' } });
  });
});
