import { SNSClient } from '@aws-sdk/client-sns';
import { CLIENT_RETRY } from './clients';

let client: SNSClient | undefined;

/** The SNS client of this Lambda, created on first use. */
export function sns(): SNSClient {
  client ??= new SNSClient({ ...CLIENT_RETRY });
  return client;
}
