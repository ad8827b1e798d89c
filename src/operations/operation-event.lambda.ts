import { onEvent, RunTime } from './handlers/dispatch';
import { OnEventRequest, OnEventResponse } from './handlers/request';

/** The provider's onEvent for every operation (LakeQuery, LakeImport, OrganizationDelegatedAdmin). */
export async function handler(event: OnEventRequest, context?: RunTime): Promise<OnEventResponse> {
  return onEvent(event, context);
}
