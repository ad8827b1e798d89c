import { Decision, RequestPrincipal, simulate, synthesize } from './simulator';
import { CONSTRUCT_FIXTURES } from '../fixtures/constructs';

// CloudTrailTrustedAccess's handler role, proven with the IAM policy simulator: it may enable trusted access for
// CloudTrail and describe the organization, and nothing that changes the organization otherwise.

const HANDLER: RequestPrincipal = { role: 'CloudTrailOrgSyncOperationsHandlerRole' };
const CLOUDTRAIL = { 'organizations:ServicePrincipal': 'cloudtrail.amazonaws.com' };
const SOURCE = 'CloudTrail User Guide, "Enabling CloudTrail trusted access with AWS Organizations"';
const ORGANIZATIONS = 'Service Authorization Reference, "Actions defined by AWS Organizations"';

interface Row {
  readonly what: string;
  readonly action: string;
  readonly context?: Record<string, string>;
  readonly expected: Decision;
  readonly source: string;
}

const ROWS: Row[] = [
  { what: 'the handler enables trusted access for CloudTrail', action: 'organizations:EnableAWSServiceAccess', context: CLOUDTRAIL, expected: 'Allowed', source: SOURCE },
  { what: 'the handler describes the organization (to tell a member account where to deploy)', action: 'organizations:DescribeOrganization', expected: 'Allowed', source: ORGANIZATIONS },
  { what: 'denied: trusted access for another service', action: 'organizations:EnableAWSServiceAccess', context: { 'organizations:ServicePrincipal': 'config.amazonaws.com' }, expected: 'ImplicitlyDenied', source: ORGANIZATIONS },
  { what: 'denied: disabling trusted access for CloudTrail', action: 'organizations:DisableAWSServiceAccess', context: CLOUDTRAIL, expected: 'ImplicitlyDenied', source: SOURCE },
  { what: 'denied: registering a delegated administrator (only OrganizationDelegatedAdmin does)', action: 'cloudtrail:RegisterOrganizationDelegatedAdmin', expected: 'ImplicitlyDenied', source: SOURCE },
];

const fixture = CONSTRUCT_FIXTURES.find(f => f.construct === 'CloudTrailTrustedAccess')!;
const template = synthesize('CloudTrailTrustedAccessDefault', fixture.default);

test.each(ROWS)('$what ($expected)', async row => {
  const result = await simulate(template, { principal: HANDLER, action: row.action, resource: '*', context: row.context });
  expect({ decision: result.decision, source: row.source }).toEqual({ decision: row.expected, source: row.source });
});
