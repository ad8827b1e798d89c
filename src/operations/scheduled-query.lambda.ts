import { RemainingTime, runScheduledQuery, ScheduledQuerySummary } from './handlers/scheduled-query';
import { ScheduledQueryInput } from './operation-properties';

/** Runs a scheduled Lake query each time EventBridge Scheduler invokes the function with the query's input. */
export async function handler(event: ScheduledQueryInput, context: RemainingTime): Promise<ScheduledQuerySummary> {
  return runScheduledQuery(event, context);
}
