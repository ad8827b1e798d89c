import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { trustedAccessStatements } from './trusted-access-policy';
import { CloudTrailTrustedAccessProps } from './trusted-access-props';
import { OperationKind, TrustedAccessProperties } from '../operations/operation-properties';
import { SynchronousOperationsProvider } from '../operations/provider';

// Enabling answers at once, and the function answers FAILED before its own two minutes are up; this only bounds a
// request CloudFormation never gets an answer to (the function could not reach the response URL)
const ANSWER_TIMEOUT = Duration.minutes(5);

/**
 * Enables trusted access for CloudTrail in AWS Organizations (EnableAWSServiceAccess for
 * cloudtrail.amazonaws.com), which organization trails and organization event data stores need, as a custom
 * resource. Enabling it again is harmless. Deleting the resource leaves trusted access on: disabling it makes
 * every organization trail of the organization stop logging the member accounts, Control Tower's included.
 * Deploy it in a stack of the organization's management account.
 *
 * @example
 * const trustedAccess = new CloudTrailTrustedAccess(this, 'TrustedAccess');
 * const trail = new OrganizationTrail(this, 'Trail', { orgId: 'o-a1b2c3d4e5' });
 * trail.node.addDependency(trustedAccess);
 */
export class CloudTrailTrustedAccess extends Construct {
  constructor(scope: Construct, id: string, _props: CloudTrailTrustedAccessProps = {}) {
    super(scope, id);
    const provider = SynchronousOperationsProvider.of(this);
    for (const statement of trustedAccessStatements()) {
      provider.addToHandlerPolicy(statement);
    }
    const properties: TrustedAccessProperties = { Operation: OperationKind.CLOUDTRAIL_TRUSTED_ACCESS };
    provider.createResource(this, 'Resource', {
      resourceType: 'Custom::CloudTrailTrustedAccess',
      properties,
      serviceTimeout: ANSWER_TIMEOUT,
    });
  }
}
