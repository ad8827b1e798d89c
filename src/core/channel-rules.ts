import { CHANNEL_ARN_MAX_LENGTH, CHANNEL_DESTINATIONS, CHANNEL_NAME_LENGTH, CHANNEL_POLICY_MAX_STATEMENTS, CHANNEL_SOURCE_LENGTH } from './limits';
import { asciiNameProblems, lengthProblems } from './names';
import { arnRegionMatchesPartition, PARTITION_PATTERN, REGION_PATTERN } from './partitions';
import { isUnresolved, Problem } from './problems';

/** The event category of the stores a channel may deliver to (the kind `EventDataStoreKind.EXTERNAL_EVENTS`). */
export const CHANNEL_DESTINATION_KIND = 'ActivityAuditLog';

// PutResourcePolicy ResourcePolicy: a channel's policy "contains only one action: cloudtrail-data:PutAuditEvents"
export const PUT_AUDIT_EVENTS = 'cloudtrail-data:PutAuditEvents';

/** The rules of a channel name (API model ChannelName). Tokens are not checked. */
export function channelNameProblems(property: string, name: string): Problem[] {
  return asciiNameProblems({ length: 'ChannelNameLength', characters: 'ChannelNameCharacters' }, property, name, CHANNEL_NAME_LENGTH, 'API model ChannelName');
}

/**
 * The rules of a channel source (API model Source): 'Custom' or a partner's source name, 1 to 256 characters on one
 * line (pattern `.*`). Tokens are not checked.
 */
export function channelSourceProblems(property: string, source: string): Problem[] {
  if (isUnresolved(source)) {
    return [];
  }
  const problems = lengthProblems('ChannelSourceLength', property, source, CHANNEL_SOURCE_LENGTH, 'API model Source');
  if (/[\n\r\u2028\u2029]/.test(source)) {
    problems.push({
      id: 'ChannelSourceFormat',
      property,
      value: source,
      rule: 'must be one line: \'Custom\' or the source name of an integration partner (API model Source, pattern .*)',
      fix: 'remove the line break; copy the partner\'s source name from the CloudTrail User Guide, "Additional information about integration partners"',
    });
  }
  return problems;
}

/** One destination of a channel: its ARN and, when known, the event category its kind collects. */
export interface ChannelDestination {
  readonly eventDataStoreArn: string;
  readonly category?: string;
}

/**
 * The destinations of a channel: 1 to 10 event data stores (AWS::CloudTrail::Channel Destinations), each collecting
 * events from outside AWS (CreateChannel InvalidEventDataStoreCategoryException). A store of unknown kind is not checked.
 */
export function channelDestinationProblems(property: string, destinations: ChannelDestination[]): Problem[] {
  const problems: Problem[] = [];
  if (destinations.length < CHANNEL_DESTINATIONS.min || destinations.length > CHANNEL_DESTINATIONS.max) {
    problems.push({
      id: 'ChannelDestinationCount',
      property,
      value: destinations.map(d => d.eventDataStoreArn),
      rule: `${destinations.length} event data stores; a channel delivers to ${CHANNEL_DESTINATIONS.min} to ${CHANNEL_DESTINATIONS.max} (AWS::CloudTrail::Channel Destinations)`,
      fix: destinations.length === 0 ? 'give at least one event data store of kind EventDataStoreKind.EXTERNAL_EVENTS' : 'deliver to fewer stores, or create a second channel',
    });
  }
  destinations.forEach((destination, i) => {
    if (destination.category !== undefined && destination.category !== CHANNEL_DESTINATION_KIND) {
      problems.push({
        id: 'ChannelDestinationKind',
        property: `${property}[${i}]`,
        value: destination.category,
        rule: 'a channel delivers only to event data stores of events from outside AWS (CreateChannel InvalidEventDataStoreCategoryException)',
        fix: 'use a store created with kind: EventDataStoreKind.EXTERNAL_EVENTS',
      });
    }
  });
  return problems;
}

/**
 * A channel's resource-based policy (PutResourcePolicy ResourcePolicy): only `cloudtrail-data:PutAuditEvents`, at most
 * 20 statements. `actions` are those of every statement; IAM action names are case-insensitive.
 */
export function channelPolicyProblems(property: string, statementCount: number, actions: string[]): Problem[] {
  const source = 'PutResourcePolicy ResourcePolicy';
  const problems: Problem[] = [];
  const unsupported = actions.filter(action => !isUnresolved(action) && action.toLowerCase() !== PUT_AUDIT_EVENTS.toLowerCase());
  if (unsupported.length > 0) {
    problems.push({
      id: 'ChannelPolicyActions',
      property,
      value: unsupported,
      rule: `a channel's resource policy may allow only ${PUT_AUDIT_EVENTS} (${source})`,
      fix: 'grant the other actions in the principal\'s own IAM policy',
    });
  }
  if (statementCount > CHANNEL_POLICY_MAX_STATEMENTS) {
    problems.push({
      id: 'ChannelPolicyStatementCount',
      property,
      rule: `${statementCount} statements; a channel's resource policy takes at most ${CHANNEL_POLICY_MAX_STATEMENTS} (${source})`,
      fix: 'grant several principals in one statement, or whole accounts',
    });
  }
  return problems;
}

// A channel ARN (API model ChannelArn: at most CHANNEL_ARN_MAX_LENGTH characters of [a-zA-Z0-9._/\-:]; CreateChannel ChannelArn:
// arn:<partition>:cloudtrail:<region>:<account>:channel/<id>), in a known partition and a Region of that partition.
const CHANNEL_ARN = new RegExp(`^arn:${PARTITION_PATTERN}:cloudtrail:${REGION_PATTERN}:\\d{12}:channel/[A-Za-z0-9._-]+$`);

/** The rules of an imported channel's ARN; tokens are not checked. */
export function channelArnProblems(property: string, arn: string): Problem[] {
  if (isUnresolved(arn) || (CHANNEL_ARN.test(arn) && arn.length <= CHANNEL_ARN_MAX_LENGTH && arnRegionMatchesPartition(arn))) {
    return [];
  }
  return [{
    id: 'ChannelArnFormat',
    property,
    value: arn,
    rule: 'must be a channel ARN, arn:<partition>:cloudtrail:<region>:<account>:channel/<id> (API model ChannelArn; CreateChannel ChannelArn)',
    fix: 'copy the ARN from `aws cloudtrail list-channels` (ChannelArn)',
  }];
}
