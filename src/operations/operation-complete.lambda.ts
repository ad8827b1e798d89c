import { isComplete, RunTime } from './handlers/dispatch';
import { IsCompleteRequest, IsCompleteResponse } from './handlers/request';

/** The provider's isComplete for every operation. */
export async function handler(event: IsCompleteRequest, context?: RunTime): Promise<IsCompleteResponse> {
  return isComplete(event, context);
}
