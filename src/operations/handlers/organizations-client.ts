import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { CLIENT_HTTP, CLIENT_RETRY, withCallBudget } from './clients';

let client: OrganizationsClient | undefined;

/** The Organizations client of this Lambda, created on first use. */
export function organizations(): OrganizationsClient {
  client ??= withCallBudget(new OrganizationsClient({ ...CLIENT_RETRY, ...CLIENT_HTTP }));
  return client;
}
