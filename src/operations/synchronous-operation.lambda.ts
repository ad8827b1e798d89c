import { delegatedAdmin } from './handlers/delegated-admin';
import { CloudFormationRequest, OperationHandler } from './handlers/request';
import { answer, LambdaContext } from './handlers/respond';
import { trustedAccess } from './handlers/trusted-access';
import { OperationKind } from './operation-properties';

/** The operations that complete at once, answered without a waiter. */
const HANDLERS = new Map<string, OperationHandler>([
  [OperationKind.ORGANIZATION_DELEGATED_ADMIN, delegatedAdmin],
  [OperationKind.CLOUDTRAIL_TRUSTED_ACCESS, trustedAccess],
]);

/** The service token of every synchronous operation (OrganizationDelegatedAdmin, CloudTrailTrustedAccess): answers CloudFormation itself. */
export async function handler(event: CloudFormationRequest, context: LambdaContext): Promise<void> {
  return answer(HANDLERS, event, context);
}
