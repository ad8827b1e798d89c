import * as iam from 'aws-cdk-lib/aws-iam';

/** The service principal of CloudTrail, whose trusted access in AWS Organizations the operations enable. */
export const CLOUDTRAIL_SERVICE = 'cloudtrail.amazonaws.com';

/** EnableAWSServiceAccess, which has no resource type, only for CloudTrail (its organizations:ServicePrincipal condition). */
export function enableTrustedAccessStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['organizations:EnableAWSServiceAccess'],
    resources: ['*'],
    conditions: { StringEquals: { 'organizations:ServicePrincipal': CLOUDTRAIL_SERVICE } },
  });
}

/**
 * What CloudTrailTrustedAccess takes: enabling trusted access, and DescribeOrganization (no resource type), with which
 * the handler tells a stack deployed from a member account to deploy from the management account.
 */
export function trustedAccessStatements(): iam.PolicyStatement[] {
  return [enableTrustedAccessStatement(), new iam.PolicyStatement({ actions: ['organizations:DescribeOrganization'], resources: ['*'] })];
}
