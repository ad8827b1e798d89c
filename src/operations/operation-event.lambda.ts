import { onEvent } from './handlers/dispatch';
import { OnEventRequest, OnEventResponse } from './handlers/request';

/** The provider's onEvent for every operation (LakeQuery, LakeImport, OrganizationDelegatedAdmin). */
export async function handler(event: OnEventRequest): Promise<OnEventResponse> {
  return onEvent(event);
}
