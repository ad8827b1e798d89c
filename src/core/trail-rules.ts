import { Duration } from 'aws-cdk-lib';
import { InsightType, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import type { ObjectLockRetention } from 'aws-cdk-lib/aws-s3';
import { MAX_TRAILS_PER_REGION, S3_KEY_PREFIX_MAX_LENGTH, SNS_TOPIC_NAME_MAX_LENGTH } from './limits';
import { textProblems } from './names';
import type { Placement } from './placement';
import { isUnresolved, Problem } from './problems';
import { perRegionQuotaProblems } from './quotas';

/** The rule on a trail's S3 key prefix (CreateTrail S3KeyPrefix). Tokens are not checked. */
export function s3KeyPrefixProblems(property: string, prefix: string | undefined): Problem[] {
  if (prefix === undefined || isUnresolved(prefix)) {
    return [];
  }
  const problems = textProblems(property, prefix);
  const length = [...prefix].length;
  if (length <= S3_KEY_PREFIX_MAX_LENGTH) {
    return problems;
  }
  return [...problems, {
    id: 'S3KeyPrefixLength',
    property,
    value: prefix,
    rule: `must be at most ${S3_KEY_PREFIX_MAX_LENGTH} characters long, got ${length} (CreateTrail S3KeyPrefix)`,
    fix: `shorten it to at most ${S3_KEY_PREFIX_MAX_LENGTH} characters`,
  }];
}

/**
 * How long a trail's log bucket keeps log files (AWS::S3::Bucket Rule ExpirationInDays): a whole number of
 * days, at least one. A token duration is not checked.
 */
export function logFileExpirationProblems(property: string, expiration: Duration | undefined): Problem[] {
  if (expiration === undefined) {
    return [];
  }
  if (expiration.isUnresolved()) {
    return [];
  }
  const days = expiration.toDays({ integral: false });
  if (Number.isInteger(days) && days >= 1) {
    return [];
  }
  return [{
    id: 'LogFileExpirationDays',
    property,
    value: expiration.toString(),
    rule: 'must be a whole number of days, at least 1 (AWS::S3::Bucket Rule ExpirationInDays)',
    fix: 'use Duration.days(n) with a whole n of 1 or more',
  }];
}

/** The rule on the name of a trail's notification topic (CreateTrail SnsTopicName). Tokens are not checked. */
export function snsTopicNameProblems(property: string, topicName: string): Problem[] {
  if (isUnresolved(topicName)) {
    return [];
  }
  const length = [...topicName].length;
  if (length <= SNS_TOPIC_NAME_MAX_LENGTH) {
    return [];
  }
  return [{
    id: 'SnsTopicNameLength',
    property,
    value: topicName,
    rule: `the topic name must be at most ${SNS_TOPIC_NAME_MAX_LENGTH} characters long, got ${length} (CreateTrail SnsTopicName)`,
    fix: `use a topic whose name has at most ${SNS_TOPIC_NAME_MAX_LENGTH} characters`,
  }];
}

/**
 * A multi-Region trail must log global service events: CreateTrail rejects the combination with
 * InvalidParameterCombinationException ("Multi-Region trail must include global service events").
 */
export function globalServiceEventsProblems(isMultiRegionTrail: boolean, includeGlobalServiceEvents: boolean): Problem[] {
  if (!isMultiRegionTrail || includeGlobalServiceEvents) {
    return [];
  }
  return [{
    id: 'MultiRegionTrailGlobalServiceEvents',
    property: 'includeGlobalServiceEvents',
    value: includeGlobalServiceEvents,
    rule: 'a multi-Region trail must include global service events (CreateTrail InvalidParameterCombinationException)',
    fix: 'leave includeGlobalServiceEvents on, or set isMultiRegionTrail to false',
  }];
}

/**
 * Insights types and the management events that feed them (PutInsightSelectors): API call rate
 * Insights need write management events; API error rate Insights need read or write management events.
 */
export function insightProblems(insightTypes: InsightType[] | undefined, managementEvents: ReadWriteType): Problem[] {
  if (insightTypes === undefined || isUnresolved(insightTypes)) {
    return [];
  }
  const source = 'PutInsightSelectors';
  const problems: Problem[] = [];
  const seen = new Set<string>();
  insightTypes.forEach((type, i) => {
    const property = `insightTypes[${i}]`;
    const value = type.value;
    if (seen.has(value)) {
      problems.push({ id: 'InsightTypesUnique', property, value, rule: `lists ${value} twice (${source})`, fix: 'list each Insights type once' });
      return;
    }
    seen.add(value);
    if (value === InsightType.API_CALL_RATE.value && (managementEvents === ReadWriteType.READ_ONLY || managementEvents === ReadWriteType.NONE)) {
      problems.push({
        id: 'InsightTypeManagementEvents',
        property,
        value,
        rule: `API call rate Insights analyze write management events, and managementEvents is ${readWriteName(managementEvents)} (${source})`,
        fix: 'set managementEvents to ReadWriteType.ALL or WRITE_ONLY, or drop this Insights type',
      });
    }
    if (value === InsightType.API_ERROR_RATE.value && managementEvents === ReadWriteType.NONE) {
      problems.push({
        id: 'InsightTypeManagementEvents',
        property,
        value,
        rule: `API error rate Insights analyze read or write management events, and managementEvents is ReadWriteType.NONE (${source})`,
        fix: 'log management events, or drop this Insights type',
      });
    }
  });
  if (insightTypes.length === 0) {
    problems.push({ id: 'InsightTypesEmpty', property: 'insightTypes', value: insightTypes, rule: `an empty list turns Insights off, which leaving it out already does (${source})`, fix: 'leave insightTypes out' });
  }
  return problems;
}

function readWriteName(readWriteType: ReadWriteType): string {
  const entry = Object.entries(ReadWriteType).find(([, value]) => value === readWriteType);
  return entry ? `ReadWriteType.${entry[0]}` : String(readWriteType);
}

/** Where one trail will be created, for the per-Region quota. */
export interface PlacedTrail extends Placement {
  readonly isMultiRegionTrail: boolean;
}

/**
 * The trail quota: at most five trails per Region in one account, where a multi-Region trail counts in every
 * Region (CloudTrail quotas; CreateTrail: "A maximum of five trails can exist in a region, irrespective of the
 * region in which they were created"). `all` is every trail in the app, in app order. An account and Region over
 * the quota is reported once, on the first of its trails, so one synthesis shows it once.
 */
export function trailQuotaProblems(trail: PlacedTrail, all: PlacedTrail[]): Problem[] {
  const placed = (t: PlacedTrail) => ({ path: t.path, account: t.account, region: t.region, multiRegion: t.isMultiRegionTrail });
  return perRegionQuotaProblems(placed(trail), all.map(placed), {
    id: 'TrailQuota',
    property: 'trail',
    noun: 'trails',
    max: MAX_TRAILS_PER_REGION,
    source: 'CloudTrail quotas, MaximumNumberOfTrailsExceededException',
    fix: 'combine trails: one organization trail with advanced event selectors logs what several trails would',
  });
}

/**
 * A log bucket's default Object Lock retention against its lifecycle: a lifecycle rule cannot delete an object version
 * under retention (Amazon S3 User Guide, "How S3 Object Lock works", Object Lock and lifecycle), so log files that
 * expire before their retention ends stay stored, and billed, as noncurrent versions. Token durations are not checked.
 */
export function objectLockRetentionProblems(property: string, retention: ObjectLockRetention | undefined,
  expiration: Duration | undefined): Problem[] {
  if (retention === undefined || expiration === undefined || retention.duration.isUnresolved() || expiration.isUnresolved()) {
    return [];
  }
  const retentionDays = retention.duration.toDays({ integral: false });
  const expirationDays = expiration.toDays({ integral: false });
  if (expirationDays >= retentionDays) {
    return [];
  }
  return [{
    id: 'ObjectLockRetentionOutlivesExpiration',
    property,
    value: `${retentionDays} days`,
    rule: `log files expire after ${expirationDays} days (logFileExpiration), before their Object Lock retention ends; lifecycle rules cannot delete a version under retention, so they stay stored and billed (Amazon S3 User Guide, "How S3 Object Lock works")`,
    fix: `set logFileExpiration to at least ${retentionDays} days, or shorten the retention`,
  }];
}
