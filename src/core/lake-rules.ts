import {
  CONTEXT_KEY_LENGTH, CONTEXT_KEY_SELECTOR_KEYS, FEDERATION_ROLE_ARN_MAX_LENGTH, MAX_CONTEXT_KEY_SELECTORS, MAX_EVENT_DATA_STORES_PER_REGION, Range,
  RESOURCE_POLICY_MAX_LENGTH, RETENTION_DAYS_EXTENDABLE, RETENTION_DAYS_FIXED,
} from './limits';
import { lengthProblems } from './names';
import type { Placement } from './placement';
import { isUnresolved, Problem } from './problems';
import { perRegionQuotaProblems } from './quotas';
import { uniqueItemsProblems } from './unique-items';

// API model BillingMode values
const EXTENDABLE_RETENTION_PRICING = 'EXTENDABLE_RETENTION_PRICING';
const FIXED_RETENTION_PRICING = 'FIXED_RETENTION_PRICING';

/**
 * The retention of an event data store, in days (CreateEventDataStore RetentionPeriod): whole days,
 * 7 to 3653 with EXTENDABLE_RETENTION_PRICING, 7 to 2557 with FIXED_RETENTION_PRICING. An unknown billing
 * mode (a token) is held to the wider range; a token retention is not checked.
 */
export function retentionProblems(property: string, days: number, billingMode: string | undefined): Problem[] {
  if (isUnresolved(days)) {
    return [];
  }
  const source = 'CreateEventDataStore RetentionPeriod';
  if (!Number.isInteger(days)) {
    return [{
      id: 'RetentionWholeDays',
      property,
      value: days,
      rule: `must be a whole number of days (${source})`,
      fix: 'use Duration.days(n) with a whole n',
    }];
  }
  const fixed = billingMode === FIXED_RETENTION_PRICING;
  const range: Range = fixed ? RETENTION_DAYS_FIXED : RETENTION_DAYS_EXTENDABLE;
  if (days >= range.min && days <= range.max) {
    return [];
  }
  const mode = isUnresolved(billingMode) ? 'any billing mode' : `EventDataStoreBillingMode.${billingMode ?? EXTENDABLE_RETENTION_PRICING}`;
  return [{
    id: 'RetentionRange',
    property,
    value: `${days} days`,
    rule: `must be ${range.min} to ${range.max} days with ${mode} (${source})`,
    fix: days < range.min ? `keep events at least ${range.min} days`
      : fixed ? `keep events at most ${range.max} days, or use EventDataStoreBillingMode.EXTENDABLE_RETENTION_PRICING for up to ${RETENTION_DAYS_EXTENDABLE.max} days`
        : `keep events at most ${range.max} days`,
  }];
}

/** A context key selector as the library models it: a type and the keys of that type. */
export interface ContextKeys {
  readonly type: string;
  readonly keys: string[];
}

// User Guide, "Enrich CloudTrail events by adding resource tag keys and IAM global condition keys": the table
// "Supported IAM global condition keys for enriched events". The page also names principal tag keys (aws:PrincipalTag/<key>).
export const REQUEST_CONTEXT_KEYS = ['aws:FederatedProvider', 'aws:TokenIssueTime', 'aws:MultiFactorAuthAge', 'aws:MultiFactorAuthPresent',
  'aws:SourceIdentity', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalIsAWSService', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths',
  'aws:PrincipalServiceName', 'aws:PrincipalServiceNamesList', 'aws:PrincipalType', 'aws:userid', 'aws:username', 'aws:RequestedRegion',
  'aws:SecureTransport', 'aws:ViaAWSService', 'aws:CurrentTime', 'aws:EpochTime', 'aws:SourceAccount', 'aws:SourceOrgID'];
const REQUEST_CONTEXT_KEYS_LOWER = new Set(REQUEST_CONTEXT_KEYS.map(key => key.toLowerCase()));
const PRINCIPAL_TAG_KEY = /^aws:principaltag\/.+$/is;

/** A RequestContext key CloudTrail does not document; IAM condition key names are case-insensitive. */
function requestContextKeyProblems(property: string, key: string): Problem[] {
  if (REQUEST_CONTEXT_KEYS_LOWER.has(key.toLowerCase()) || PRINCIPAL_TAG_KEY.test(key)) {
    return [];
  }
  return [{
    id: 'RequestContextKeyUnsupported',
    property,
    value: key,
    rule: `a RequestContext selector takes the IAM global condition keys CloudTrail documents for enriched events (${REQUEST_CONTEXT_KEYS.join(', ')}) `
      + 'and principal tag keys (aws:PrincipalTag/<key>) (User Guide, "Enrich CloudTrail events by adding resource tag keys and IAM global condition keys")',
    fix: key.includes(':') ? 'use one of the documented keys, or leave the key out' : 'put resource tag keys in a TagContext selector',
  }];
}

/**
 * Context key selectors of an event data store (PutEventConfiguration ContextKeySelectors): at most 2,
 * each with a type of TagContext or RequestContext and 1 to 50 keys of 1 to 128 characters, and only
 * with the Large maximum event size.
 */
export function contextKeySelectorProblems(property: string, selectors: ContextKeys[], maxEventSize: string | undefined): Problem[] {
  const source = 'PutEventConfiguration ContextKeySelectors';
  const problems: Problem[] = [];
  if (selectors.length > MAX_CONTEXT_KEY_SELECTORS) {
    problems.push({
      id: 'ContextKeySelectorCount',
      property,
      value: selectors.map(s => s.type),
      rule: `${selectors.length} selectors; an event data store takes at most ${MAX_CONTEXT_KEY_SELECTORS} (${source})`,
      fix: 'list each context type once, with all its keys',
    });
  }
  if (selectors.length > 0 && maxEventSize !== undefined && maxEventSize !== 'Large' && !isUnresolved(maxEventSize)) {
    problems.push({
      id: 'ContextKeysNeedLargeEvents',
      property: 'maxEventSize',
      value: maxEventSize,
      rule: `context key selectors need the Large maximum event size (${source})`,
      fix: 'set maxEventSize to MaxEventSize.LARGE, or leave it out',
    });
  }
  selectors.forEach((selector, i) => {
    const at = `${property}[${i}]`;
    const keys = selector.keys;
    if (isUnresolved(keys)) {
      return;
    }
    if (keys.length < CONTEXT_KEY_SELECTOR_KEYS.min || keys.length > CONTEXT_KEY_SELECTOR_KEYS.max) {
      problems.push({
        id: 'ContextKeyCount',
        property: `${at}.keys`,
        value: keys,
        rule: `${keys.length} keys; a selector takes ${CONTEXT_KEY_SELECTOR_KEYS.min} to ${CONTEXT_KEY_SELECTOR_KEYS.max} (${source} Equals)`,
        fix: keys.length === 0 ? 'name at least one key, or leave the selector out' : `keep the ${CONTEXT_KEY_SELECTOR_KEYS.max} keys you query most`,
      });
    }
    keys.forEach((key, k) => {
      if (!isUnresolved(key)) {
        const length = lengthProblems('ContextKeyLength', `${at}.keys[${k}]`, key, CONTEXT_KEY_LENGTH, `${source} Equals`);
        problems.push(...length);
        if (length.length === 0 && selector.type === 'RequestContext') {
          problems.push(...requestContextKeyProblems(`${at}.keys[${k}]`, key));
        }
      }
    });
    problems.push(...uniqueItemsProblems('ContextKeysUnique', `${at}.keys`, keys, 'CloudFormation ContextKeySelector schema: unique Equals items', 'list each key once'));
  });
  return problems;
}

/** Where one event data store will be created, for the per-Region quota. */
export interface PlacedStore extends Placement {
  readonly multiRegionEnabled: boolean;
}

/**
 * The event data store quota: at most ten per Region in one account, counting "single-Region event data stores for
 * the Region, multi-Region event data stores across all AWS Regions, and organization event data stores" (CloudTrail
 * quotas, EventDataStoreMaxLimitExceededException). `all` is every event data store in the app, in app order; an
 * account and Region over the quota is reported once, on the first of its stores.
 */
export function eventDataStoreQuotaProblems(store: PlacedStore, all: PlacedStore[]): Problem[] {
  const placed = (s: PlacedStore) => ({ path: s.path, account: s.account, region: s.region, multiRegion: s.multiRegionEnabled });
  return perRegionQuotaProblems(placed(store), all.map(placed), {
    id: 'EventDataStoreQuota',
    property: 'eventDataStore',
    noun: 'event data stores',
    max: MAX_EVENT_DATA_STORES_PER_REGION,
    source: 'CloudTrail quotas, EventDataStoreMaxLimitExceededException',
    fix: 'combine stores: one store takes up to five advanced event selectors',
  });
}

// CloudTrail User Guide, "Resource-based policy examples for event data stores": the actions such a policy may allow.
export const EVENT_DATA_STORE_POLICY_ACTIONS = ['cloudtrail:StartQuery', 'cloudtrail:CancelQuery', 'cloudtrail:ListQueries',
  'cloudtrail:DescribeQuery', 'cloudtrail:GetQueryResults', 'cloudtrail:GenerateQuery', 'cloudtrail:GenerateQueryResultsSummary',
  'cloudtrail:GetEventDataStore'];

/**
 * A resource-based policy of an event data store (PutResourcePolicy ResourcePolicy): at most 8192
 * characters of JSON, statements that name principals, and only the query actions CloudTrail allows.
 * `policyJson` is the policy with the values only CloudFormation knows left out, so its length is a lower
 * bound of the deployed policy's.
 */
export function resourcePolicyProblems(property: string, policyJson: string | undefined, statementErrors: string[],
  actions: string[]): Problem[] {
  const source = 'PutResourcePolicy ResourcePolicy';
  const problems: Problem[] = statementErrors.map(error => ({
    id: 'ResourcePolicyStatement' as const,
    property,
    rule: `${error} (${source})`,
    fix: 'give every statement a principal: the accounts or roles that may query the store',
  }));
  // IAM action names are case-insensitive.
  const allowed = EVENT_DATA_STORE_POLICY_ACTIONS.map(action => action.toLowerCase());
  const unsupported = actions.filter(action => !isUnresolved(action) && !allowed.includes(String(action).toLowerCase()));
  if (unsupported.length > 0) {
    problems.push({
      id: 'ResourcePolicyActions',
      property,
      value: unsupported,
      rule: `an event data store's resource policy may allow only ${EVENT_DATA_STORE_POLICY_ACTIONS.join(', ')} (CloudTrail resource-based policies)`,
      fix: 'grant the other actions in the principal\'s own IAM policy',
    });
  }
  if (policyJson !== undefined && policyJson.length > RESOURCE_POLICY_MAX_LENGTH) {
    problems.push({
      id: 'ResourcePolicyLength',
      property,
      rule: `the policy has at least ${policyJson.length} characters of JSON; CloudTrail takes at most ${RESOURCE_POLICY_MAX_LENGTH} (${source})`,
      fix: 'grant whole accounts or fewer, broader principals',
    });
  }
  return problems;
}

/**
 * The federation role's ARN is at most 125 characters (API model FederationRoleArn), which a role path can exceed.
 * An ARN with tokens is not checked.
 */
export function federationRoleArnProblems(property: string, roleArn: string): Problem[] {
  if (isUnresolved(roleArn) || roleArn.length <= FEDERATION_ROLE_ARN_MAX_LENGTH) {
    return [];
  }
  return [{
    id: 'FederationRoleArnLength',
    property,
    value: roleArn,
    rule: `the role's ARN is ${roleArn.length} characters; CloudTrail takes at most ${FEDERATION_ROLE_ARN_MAX_LENGTH} (EnableFederation FederationRoleArn)`,
    fix: 'use a role with a shorter path and name',
  }];
}
