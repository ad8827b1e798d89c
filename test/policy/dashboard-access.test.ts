/**
 * LakeDashboard's access paths, asked of the IAM policy simulator (./simulator.ts): CloudTrail runs a dashboard's widget
 * queries on a store (StartQuery) and refreshes it on schedule (StartDashboardRefresh), each only for this dashboard
 * (CloudTrail User Guide, "AWS CloudTrail resource-based policy examples").
 */
import { Duration } from 'aws-cdk-lib';
import { ACCOUNT, AccessRequest, Decision, PARTITION, REGION, simulate, synthesize } from './simulator';
import { LakeDashboard, LakeEventDataStore } from '../../src';

const CLOUDTRAIL = { service: 'cloudtrail.amazonaws.com' };

const template = synthesize('DashboardAccess', scope => {
  const lake = new LakeEventDataStore(scope, 'Lake');
  new LakeDashboard(scope, 'Dashboard', {
    dashboardName: 'account-activity',
    refreshSchedule: { frequency: Duration.hours(1) },
    widgets: [{ title: 'Events', queryStatement: `SELECT eventName, count(*) FROM ${lake.eventDataStoreId} GROUP BY 1`, eventDataStores: [lake] }],
  });
  new LakeEventDataStore(scope, 'Unread');
});
const storeArn = template.getAtt(template.logicalId('Lake', 'AWS::CloudTrail::EventDataStore'), 'EventDataStoreArn');
const unreadStoreArn = template.getAtt(template.logicalId('Unread', 'AWS::CloudTrail::EventDataStore'), 'EventDataStoreArn');
const dashboardArn = `arn:${PARTITION}:cloudtrail:${REGION}:${ACCOUNT}:dashboard/account-activity`;
const otherDashboardArn = `arn:${PARTITION}:cloudtrail:${REGION}:${ACCOUNT}:dashboard/someone-elses`;
const forDashboard = { 'aws:SourceArn': dashboardArn, 'aws:SourceAccount': ACCOUNT };

const rows: Array<[string, Omit<AccessRequest, 'principal'>, Decision]> = [
  ['CloudTrail runs a widget query on the store for this dashboard', { action: 'cloudtrail:StartQuery', resource: storeArn, context: forDashboard }, 'Allowed'],
  ['denied: a query for another dashboard', { action: 'cloudtrail:StartQuery', resource: storeArn, context: { ...forDashboard, 'aws:SourceArn': otherDashboardArn } },
    'ImplicitlyDenied'],
  ['denied: a query with no SourceArn', { action: 'cloudtrail:StartQuery', resource: storeArn, context: { 'aws:SourceAccount': ACCOUNT } }, 'ImplicitlyDenied'],
  ['denied: a query for this dashboard from another account', {
    action: 'cloudtrail:StartQuery',
    resource: storeArn,
    context: { ...forDashboard, 'aws:SourceAccount': '999999999999' },
  }, 'ImplicitlyDenied'],
  ['denied: reading the results through the store\'s policy', { action: 'cloudtrail:GetQueryResults', resource: storeArn, context: forDashboard }, 'ImplicitlyDenied'],
  ['denied: a store no widget reads', { action: 'cloudtrail:StartQuery', resource: unreadStoreArn, context: forDashboard }, 'ImplicitlyDenied'],
  ['CloudTrail refreshes the dashboard on its schedule', { action: 'cloudtrail:StartDashboardRefresh', resource: dashboardArn, context: forDashboard }, 'Allowed'],
  ['denied: a refresh for another dashboard\'s schedule', {
    action: 'cloudtrail:StartDashboardRefresh',
    resource: dashboardArn,
    context: { ...forDashboard, 'aws:SourceArn': otherDashboardArn },
  }, 'ImplicitlyDenied'],
  ['denied: a refresh with no SourceArn', { action: 'cloudtrail:StartDashboardRefresh', resource: dashboardArn, context: { 'aws:SourceAccount': ACCOUNT } },
    'ImplicitlyDenied'],
];

describe('LakeDashboard access paths', () => {
  test.each(rows)('%s', async (_, request, expected) => {
    const result = await simulate(template, { principal: CLOUDTRAIL, ...request });
    expect(result.decision).toBe(expected);
  });

  test('a principal of another account gains nothing on the store from the dashboard\'s statement', async () => {
    const result = await simulate(template, { principal: { arn: 'arn:aws:iam::444455556666:role/reader' }, action: 'cloudtrail:StartQuery', resource: storeArn });
    expect(result.decision).toBe('ImplicitlyDenied');
  });
});
