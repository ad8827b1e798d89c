import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CLIENT_HTTP, CLIENT_RETRY, withCallBudget } from './clients';

let client: CloudWatchLogsClient | undefined;

/** The CloudWatch Logs client of this Lambda, created on first use; bundled, because the runtime's SDK may lack the import API. */
export function cloudWatchLogs(): CloudWatchLogsClient {
  client ??= withCallBudget(new CloudWatchLogsClient({ ...CLIENT_RETRY, ...CLIENT_HTTP }));
  return client;
}
