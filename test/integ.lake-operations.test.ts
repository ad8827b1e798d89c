import { INTEG_APP_CONTEXT } from './integ-environment';
import { describeIntegSnapshot } from './integ-snapshot';
import { buildLakeOperationsInteg, optionsFromEnvironment, SNAPSHOT_OPTIONS } from './integ.lake-operations';

// The committed snapshot of test/integ.lake-operations.ts (see integ-snapshot.ts for why jest checks it).
describeIntegSnapshot({
  name: 'integ.lake-operations.ts',
  build: app => buildLakeOperationsInteg(app, SNAPSHOT_OPTIONS),
  context: INTEG_APP_CONTEXT,
});

test('the integration app falls back to the snapshot settings', () => {
  expect(optionsFromEnvironment({})).toEqual(SNAPSHOT_OPTIONS);
});
