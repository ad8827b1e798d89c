import { Duration } from 'aws-cdk-lib';
import { InsightType, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import type { ObjectLockRetention } from 'aws-cdk-lib/aws-s3';
import { AGGREGATION_TEMPLATES, MAX_TRAILS_PER_REGION, S3_KEY_PREFIX_MAX_LENGTH, SNS_TOPIC_NAME_MAX_LENGTH } from './limits';
import { textProblems, trailNameProblems } from './names';
import { arnRegionMatchesPartition, PARTITION_PATTERN, REGION_PATTERN } from './partitions';
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
export function insightProblems(insightTypes: InsightType[] | undefined, managementEvents: ReadWriteType,
  eventCategories?: string[]): Problem[] {
  const source = 'PutInsightSelectors';
  const problems = insightCategoryProblems(insightTypes, eventCategories);
  if (insightTypes === undefined || isUnresolved(insightTypes)) {
    return problems;
  }
  // Without EventCategories, Insights analyze management events (InsightSelector EventCategories).
  const analyzesManagement = eventCategories === undefined || isUnresolved(eventCategories) || eventCategories.includes(MANAGEMENT_CATEGORY);
  const seen = new Set<string>();
  insightTypes.forEach((type, i) => {
    const property = `insightTypes[${i}]`;
    const value = type.value;
    if (seen.has(value)) {
      problems.push({ id: 'InsightTypesUnique', property, value, rule: `lists ${value} twice (${source})`, fix: 'list each Insights type once' });
      return;
    }
    seen.add(value);
    const logsWrites = managementEvents === ReadWriteType.ALL || managementEvents === ReadWriteType.WRITE_ONLY;
    if (analyzesManagement && value === InsightType.API_CALL_RATE.value && !logsWrites) {
      problems.push({
        id: 'InsightTypeManagementEvents',
        property,
        value,
        rule: `API call rate Insights analyze write management events, and managementEvents is ${readWriteName(managementEvents)} (${source})`,
        fix: 'set managementEvents to ReadWriteType.ALL or WRITE_ONLY, or drop this Insights type',
      });
    }
    if (analyzesManagement && value === InsightType.API_ERROR_RATE.value && managementEvents === ReadWriteType.NONE) {
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

const MANAGEMENT_CATEGORY = 'Management';

function insightCategoryProblems(insightTypes: InsightType[] | undefined, eventCategories: string[] | undefined): Problem[] {
  if (eventCategories === undefined || isUnresolved(eventCategories)) {
    return [];
  }
  const source = 'InsightSelector EventCategories';
  const problems: Problem[] = [];
  if (insightTypes === undefined) {
    problems.push({
      id: 'InsightEventCategoriesNeedTypes',
      property: 'insightEventCategories',
      value: eventCategories,
      rule: `names the events Insights analyze, and no Insights type is enabled (${source})`,
      fix: 'add insightTypes, or leave insightEventCategories out',
    });
  }
  if (eventCategories.length === 0) {
    problems.push({
      id: 'InsightEventCategoriesEmpty',
      property: 'insightEventCategories',
      value: eventCategories,
      rule: `an empty list analyzes no events, and leaving it out analyzes management events (${source})`,
      fix: 'name InsightEventCategory.MANAGEMENT, DATA or both, or leave insightEventCategories out',
    });
  }
  eventCategories.forEach((category, i) => {
    if (eventCategories.indexOf(category) !== i) {
      problems.push({
        id: 'InsightEventCategoriesUnique',
        property: `insightEventCategories[${i}]`,
        value: category,
        rule: `lists ${category} twice (${source})`,
        fix: 'list each category once',
      });
    }
  });
  return problems;
}

/**
 * What needs a trail's data events (checked at synth, when every selector is known): aggregated data events
 * (AggregationConfiguration, "a trail that collects data events") and Insights on data events ("the trail must
 * log read or write data events", PutInsightSelectors).
 */
export function dataEventFeatureProblems(aggregationTemplates: string[] | undefined, insightCategories: string[] | undefined,
  logsDataEvents: boolean): Problem[] {
  if (logsDataEvents) {
    return [];
  }
  const problems: Problem[] = [];
  if (aggregationTemplates !== undefined && !isUnresolved(aggregationTemplates) && aggregationTemplates.length > 0) {
    problems.push({
      id: 'AggregationNeedsDataEvents',
      property: 'dataEventAggregation',
      value: aggregationTemplates,
      rule: 'aggregates data events, and the trail logs none (AggregationConfiguration EventCategory Data; User Guide, "Aggregating data events")',
      fix: 'add data events to dataEvents (e.g. addS3Objects), or leave dataEventAggregation out',
    });
  }
  if (insightCategories !== undefined && !isUnresolved(insightCategories) && insightCategories.includes(DATA_CATEGORY)) {
    problems.push({
      id: 'DataInsightsNeedDataEvents',
      property: `insightEventCategories[${insightCategories.indexOf(DATA_CATEGORY)}]`,
      value: DATA_CATEGORY,
      rule: 'Insights on data events analyze the trail\'s read or write data events, and the trail logs none (PutInsightSelectors)',
      fix: 'add data events to dataEvents, or drop InsightEventCategory.DATA',
    });
  }
  return problems;
}

const DATA_CATEGORY = 'Data';

/** An aggregation template's API name: uppercase letters, digits and underscores, like API_ACTIVITY. */
const TEMPLATE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** The templates of a trail's data event aggregation (AggregationConfiguration Templates). Tokens are not checked. */
export function aggregationTemplateProblems(templates: string[] | undefined): Problem[] {
  if (templates === undefined || isUnresolved(templates)) {
    return [];
  }
  const source = 'AggregationConfiguration Templates';
  const problems: Problem[] = [];
  if (templates.length < AGGREGATION_TEMPLATES.min || templates.length > AGGREGATION_TEMPLATES.max) {
    problems.push({
      id: 'AggregationTemplateCount',
      property: 'dataEventAggregation',
      value: templates.length > AGGREGATION_TEMPLATES.max ? `${templates.length} templates` : templates,
      rule: `takes ${AGGREGATION_TEMPLATES.min} to ${AGGREGATION_TEMPLATES.max} templates (${source})`,
      fix: templates.length === 0 ? 'name a template, e.g. AggregationTemplate.API_ACTIVITY, or leave dataEventAggregation out' : 'list each template once',
    });
  }
  templates.forEach((template, i) => {
    if (!isUnresolved(template) && !TEMPLATE_NAME.test(template)) {
      problems.push({
        id: 'AggregationTemplateFormat',
        property: `dataEventAggregation[${i}]`,
        value: template,
        rule: `a template is named by its API name, uppercase letters, digits and underscores, like API_ACTIVITY (${source})`,
        fix: 'use AggregationTemplate.API_ACTIVITY, RESOURCE_ACCESS or USER_ACTIONS, or AggregationTemplate.of with the API name',
      });
    }
  });
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

// A trail ARN (CreateTrail TrailARN, GetTrail Name: arn:<partition>:cloudtrail:<region>:<account>:trail/<name>), in a
// known partition and a Region of that partition; the name is checked by the trail name rules.
const TRAIL_ARN = new RegExp(`^arn:${PARTITION_PATTERN}:cloudtrail:${REGION_PATTERN}:\\d{12}:trail/(.*)$`);

/** The rules of an imported trail's ARN; tokens are not checked. */
export function trailArnProblems(property: string, arn: string): Problem[] {
  if (isUnresolved(arn)) {
    return [];
  }
  const name = TRAIL_ARN.exec(arn)?.[1];
  if (name === undefined || !arnRegionMatchesPartition(arn)) {
    return [{
      id: 'TrailArnFormat',
      property,
      value: arn,
      rule: 'must be a trail ARN, arn:<partition>:cloudtrail:<region>:<account>:trail/<name> (CreateTrail TrailARN)',
      fix: 'copy the ARN from `aws cloudtrail describe-trails` (TrailARN)',
    }];
  }
  return trailNameProblems(property, name);
}

/** Which of its account's management events a trail logs, and where: what the DuplicateManagementEvents rule compares. */
export interface TrailCoverage extends Placement {
  readonly isMultiRegionTrail: boolean;
  /** An organization trail logs its owner's (the management account's) events and every member account's. */
  readonly isOrganizationTrail: boolean;
  /** Whether it logs read-only management events. */
  readonly readEvents: boolean;
  /** Whether it logs write management events. */
  readonly writeEvents: boolean;
}

/** Where two trails log the same management events. */
export interface ManagementEventCopy {
  /** The earlier trail. */
  readonly other: TrailCoverage;
  readonly account: string;
  /** Whether the account is a member account the app cannot tell belongs to the organization. */
  readonly ifMember: boolean;
  /** A Region, or undefined for every Region. */
  readonly region?: string;
}

/**
 * The first trail before `trail` in `all` (every trail of the app, in app order) that logs some of the same
 * management events in an account and Region where `trail` does, so that `trail` delivers a second, charged copy
 * (CloudTrail pricing: "the first copy of management events is free"; User Guide, "Managing CloudTrail costs").
 * Organization trails of different owners belong to different organizations and share no account.
 */
export function managementEventCopy(trail: TrailCoverage, all: TrailCoverage[]): ManagementEventCopy | undefined {
  for (const other of all) {
    if (other.path === trail.path) {
      return undefined;
    }
    const copy = copyBetween(trail, other);
    if (copy) {
      return copy;
    }
  }
  return undefined;
}

function copyBetween(trail: TrailCoverage, other: TrailCoverage): ManagementEventCopy | undefined {
  if (!((trail.readEvents && other.readEvents) || (trail.writeEvents && other.writeEvents))) {
    return undefined;
  }
  if (!trail.isMultiRegionTrail && !other.isMultiRegionTrail && trail.region !== other.region) {
    return undefined;
  }
  const region = trail.isMultiRegionTrail ? (other.isMultiRegionTrail ? undefined : other.region) : trail.region;
  if (trail.isOrganizationTrail && other.isOrganizationTrail) {
    return trail.account === other.account ? { other, account: trail.account, ifMember: false, region } : undefined;
  }
  if (trail.isOrganizationTrail || other.isOrganizationTrail) {
    const [organizationTrail, accountTrail] = trail.isOrganizationTrail ? [trail, other] : [other, trail];
    return { other, account: accountTrail.account, ifMember: accountTrail.account !== organizationTrail.account, region };
  }
  return trail.account === other.account ? { other, account: trail.account, ifMember: false, region } : undefined;
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
