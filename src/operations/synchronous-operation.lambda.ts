import { delegatedAdmin } from './handlers/delegated-admin';
import { CloudFormationRequest, OperationHandler } from './handlers/request';
import { answer, LambdaContext } from './handlers/respond';
import { OperationKind } from './operation-properties';

/** The operations that complete at once, answered without a waiter. */
const HANDLERS = new Map<string, OperationHandler>([
  [OperationKind.ORGANIZATION_DELEGATED_ADMIN, delegatedAdmin],
]);

/** The service token of every synchronous operation (OrganizationDelegatedAdmin): answers CloudFormation itself. */
export async function handler(event: CloudFormationRequest, context: LambdaContext): Promise<void> {
  return answer(HANDLERS, event, context);
}
