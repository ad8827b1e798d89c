import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { CLIENT_RETRY } from './clients';

let client: OrganizationsClient | undefined;

/** The Organizations client of this Lambda, created on first use. */
export function organizations(): OrganizationsClient {
  client ??= new OrganizationsClient({ ...CLIENT_RETRY });
  return client;
}
