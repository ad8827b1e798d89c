import { readFileSync } from 'fs';
import * as path from 'path';

// Issue 14: the README is for users and stays at most 25 KB; maintainers' material goes to CONTRIBUTING.md.
const README = readFileSync(path.join(__dirname, '..', '..', 'README.md'));

test('the README is at most 25,000 bytes', () => {
  expect(README.length).toBeLessThanOrEqual(25_000);
});

test('every construct of the library has a section of its own', () => {
  const headings = README.toString('utf8').split('\n').filter(line => /^#{2,3} /.test(line)).map(line => line.replace(/^#+ /, ''));
  expect(['OrganizationTrail', 'Security alarms', 'Existing trails', 'Log Archive account', 'LakeEventDataStore', 'LakeQuery', 'ScheduledLakeQuery',
    'LakeImport', 'LakeExportToCloudWatch', 'LakeChannel', 'LakeDashboard', 'OrganizationDelegatedAdmin', 'CloudTrailTrustedAccess', 'TrailProtectionPolicy',
    'DataEventSelectors', 'CloudTrailTelemetryRule']
    .filter(section => !headings.includes(section))).toEqual([]);
});
