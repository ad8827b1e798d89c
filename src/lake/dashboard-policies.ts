import * as iam from 'aws-cdk-lib/aws-iam';

// CloudTrail User Guide, "Resource-based policy examples": CloudTrail itself runs a dashboard's queries and refreshes
const CLOUDTRAIL = 'cloudtrail.amazonaws.com';

/** The conditions that limit CloudTrail to one dashboard of one account: the confused-deputy guard the examples use. */
function onlyFor(dashboardArn: string, account: string): Record<string, unknown> {
  return { StringEquals: { 'aws:SourceArn': dashboardArn, 'aws:SourceAccount': account } };
}

/**
 * The statement an event data store's resource policy needs so that CloudTrail can run a dashboard's widget queries on
 * it (User Guide, "Example: Allow CloudTrail to run queries to refresh a dashboard"): only cloudtrail:StartQuery, only
 * for this dashboard. The resource is the store the policy is attached to (the Guide's example writes dashboard/*).
 */
export function dashboardQueryStatement(storeArn: string, dashboardArn: string, account: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(CLOUDTRAIL)],
    actions: ['cloudtrail:StartQuery'],
    resources: [storeArn],
    conditions: onlyFor(dashboardArn, account),
  });
}

/**
 * The dashboard's own resource policy for a refresh schedule (User Guide, "Resource-based policy example for a
 * dashboard"): CloudTrail may call only cloudtrail:StartDashboardRefresh, only on this dashboard.
 */
export function dashboardRefreshPolicy(dashboardArn: string, account: string): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(CLOUDTRAIL)],
      actions: ['cloudtrail:StartDashboardRefresh'],
      resources: [dashboardArn],
      conditions: onlyFor(dashboardArn, account),
    })],
  });
}
