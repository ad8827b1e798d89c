import { SNSClient } from '@aws-sdk/client-sns';
import { CLIENT_HTTP, CLIENT_RETRY, withCallBudget } from './clients';

let client: SNSClient | undefined;

/** The SNS client of this Lambda, created on first use. */
export function sns(): SNSClient {
  client ??= withCallBudget(new SNSClient({ ...CLIENT_RETRY, ...CLIENT_HTTP }));
  return client;
}
