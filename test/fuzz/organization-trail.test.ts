import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { InsightType, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as fc from 'fast-check';
import {
  ACCOUNT, accountId, adversarialDataEventSelectors, adversarialString, anyDuration, bucket, constantly, excludedSources, just, key, lift, make,
  madeRecord, merged, nearValid, propsOf, REGION, tags, tokenString, uniqueId, validDataEventSelectors, validRecord, validTags,
} from './arbitraries';
import {
  expectAccepted, expectNoProblems, insightTypesOf, literal, managementEventsOf, propertiesOf, selectorsOf, stackEnv, Subject, tagsOf, Tally, trial,
} from './harness';
import { AggregationTemplate, DataResourceType, InsightEventCategory, OrganizationTrail, OrganizationTrailProps } from '../../src';
import { trailNameProblems } from '../../src/core/names';
import { accountIdProblems, organizationIdProblems } from '../../src/core/organization';
import { isUnresolved, Problem } from '../../src/core/problems';
import { tagProblems } from '../../src/core/tags';
import {
  aggregationTemplateProblems, dataEventFeatureProblems, globalServiceEventsProblems, insightProblems, logFileExpirationProblems, s3KeyPrefixProblems,
  snsTopicNameProblems,
} from '../../src/core/trail-rules';
import { advancedSelectorProblems } from '../../src/selectors/selector-validation';

const orgId = fc.stringMatching(/^o-[a-z0-9]{10,32}$/);
const alphanumeric = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const trailName = fc.tuple(fc.string({ unit: alphanumeric, minLength: 3, maxLength: 40 }), fc.array(fc.tuple(fc.constantFrom('.', '_', '-'),
  fc.string({ unit: alphanumeric, minLength: 1, maxLength: 20 })), { maxLength: 4 }))
  .map(([first, rest]) => (first + rest.map(([separator, word]) => separator + word).join('')).slice(0, 128));
const flag = lift(fc.boolean());
const logFileExpiration = fc.integer({ min: 1, max: 3650 }).map(days => make(`Duration.days(${days})`, () => Duration.days(days)));
const logGroup = fc.constant(make('new logs.LogGroup()', stack => new logs.LogGroup(stack, uniqueId(stack, 'LogGroup'))));
const retention = lift(fc.constantFrom(...Object.values(logs.RetentionDays).filter((days): days is logs.RetentionDays => typeof days === 'number')));
const topic = fc.oneof(
  fc.constant(make('new sns.Topic()', stack => new sns.Topic(stack, uniqueId(stack, 'Topic')))),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,256}$/).map(name => make(`sns.Topic.fromTopicArn(${name})`,
    stack => sns.Topic.fromTopicArn(stack, uniqueId(stack, 'Topic'), `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`))),
);
const readWrite = (...types: ReadWriteType[]) => lift(fc.constantFrom(...types));
const insights = (...types: InsightType[]) => lift(fc.subarray(types, { minLength: 1 }));

/**
 * Valid trail props, in groups of props whose valid values depend on each other: a given bucket or an
 * expiration for the created one; CloudWatch Logs delivery with a log group or a retention; a
 * single-Region trail may leave out global service events; Insights need the management events they
 * analyze, and no management events need data events.
 */
const validProps = merged(
  validRecord({
    orgId: fc.oneof({ weight: 9, arbitrary: lift(orgId) }, { weight: 1, arbitrary: tokenString(orgId) }),
    managementAccountId: fc.oneof(lift(accountId), tokenString(fc.constant(ACCOUNT))),
    trailName: fc.oneof({ weight: 4, arbitrary: lift(trailName) }, { weight: 1, arbitrary: tokenString(trailName) }),
    s3KeyPrefix: fc.oneof(lift(fc.string({ minLength: 1, maxLength: 200 })), lift(fc.stringMatching(/^[a-z0-9][a-z0-9/-]{0,50}$/)),
      tokenString(fc.constant('audit'))),
    encryptionKey: key,
    snsTopic: topic,
    enableFileValidation: flag,
    excludeOwnBucketFromDataEvents: flag,
    isLogging: flag,
    // RemovalPolicy.SNAPSHOT is rejected: the trail's bucket, key and log group have no snapshots
    removalPolicy: lift(fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)),
  }, ['orgId']),
  fc.oneof(validRecord({ bucket }, ['bucket']), validRecord({ logFileExpiration })),
  fc.oneof(
    validRecord({ sendToCloudWatchLogs: constantly(false) }, ['sendToCloudWatchLogs']),
    validRecord({ sendToCloudWatchLogs: constantly(true), cloudWatchLogGroup: logGroup }, ['cloudWatchLogGroup']),
    validRecord({ sendToCloudWatchLogs: constantly(true), cloudWatchLogsRetention: retention }),
  ),
  fc.oneof(
    validRecord({ isMultiRegionTrail: constantly(true), includeGlobalServiceEvents: constantly(true) }),
    validRecord({ isMultiRegionTrail: constantly(false), includeGlobalServiceEvents: flag }, ['isMultiRegionTrail']),
  ),
  fc.oneof(
    validRecord({
      managementEvents: readWrite(ReadWriteType.ALL, ReadWriteType.WRITE_ONLY),
      excludeManagementEventSources: excludedSources,
      insightTypes: insights(InsightType.API_CALL_RATE, InsightType.API_ERROR_RATE),
      dataEvents: validDataEventSelectors,
    }),
    validRecord({
      managementEvents: readWrite(ReadWriteType.READ_ONLY),
      excludeManagementEventSources: excludedSources,
      insightTypes: insights(InsightType.API_ERROR_RATE),
      dataEvents: validDataEventSelectors,
    }, ['managementEvents']),
    validRecord({ managementEvents: readWrite(ReadWriteType.NONE), dataEvents: validDataEventSelectors }, ['managementEvents', 'dataEvents']),
  ),
);

/**
 * For each prop, values of its type that the trail does not take, alone or with the props it is combined with (a
 * given bucket with a log file expiration, a log group without CloudWatch Logs delivery, a multi-Region trail
 * without global service events...). Values of the wrong type (a string for a boolean, a number for a Duration)
 * are not made: TypeScript and jsii reject them before the trail sees them.
 */
const invalidProps = {
  managementAccountId: lift(fc.oneof(nearValid(fc.constant(ACCOUNT)), adversarialString)),
  trailName: lift(fc.oneof(nearValid(trailName), adversarialString)),
  bucket,
  s3KeyPrefix: lift(fc.oneof(fc.string({ minLength: 201, maxLength: 400 }), adversarialString)),
  logFileExpiration: anyDuration,
  snsTopic: fc.integer({ min: 257, max: 600 }).map(length => make(`sns.Topic.fromTopicArn(<name of ${length} characters>)`,
    stack => sns.Topic.fromTopicArn(stack, uniqueId(stack, 'Topic'), `arn:aws:sns:${REGION}:${ACCOUNT}:${'t'.repeat(length)}`))),
  sendToCloudWatchLogs: constantly(false),
  cloudWatchLogGroup: logGroup,
  cloudWatchLogsRetention: retention,
  isMultiRegionTrail: flag,
  includeGlobalServiceEvents: flag,
  enableFileValidation: flag,
  managementEvents: readWrite(...Object.values(ReadWriteType)),
  excludeManagementEventSources: excludedSources,
  dataEvents: adversarialDataEventSelectors,
  excludeOwnBucketFromDataEvents: flag,
  insightTypes: lift(fc.oneof(fc.constant([]), fc.constant([InsightType.API_CALL_RATE, InsightType.API_CALL_RATE]),
    fc.subarray([InsightType.API_CALL_RATE, InsightType.API_ERROR_RATE]))),
  insightEventCategories: lift(fc.oneof(fc.constant([]), fc.constant([InsightEventCategory.MANAGEMENT, InsightEventCategory.MANAGEMENT]),
    fc.subarray([InsightEventCategory.MANAGEMENT, InsightEventCategory.DATA]))),
  dataEventAggregation: lift(fc.oneof(fc.constant([]), fc.constant([AggregationTemplate.of('api_activity')]),
    fc.subarray([AggregationTemplate.API_ACTIVITY, AggregationTemplate.RESOURCE_ACCESS, AggregationTemplate.USER_ACTIONS]))),
  isLogging: flag,
  removalPolicy: lift(fc.constantFrom(RemovalPolicy.SNAPSHOT, RemovalPolicy.DESTROY, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)),
};

/**
 * An orgId the trail does not take. orgId is required, so it is not among the props propsOf may leave out (a
 * trail without one is a type error); it is replaced in about one props object in eight.
 */
const invalidOrgId = fc.oneof(nearValid(orgId), adversarialString);
const sometimesInvalidOrgId = fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: invalidOrgId });

const SUBJECT: Subject = {
  path: 'Stack/Trail',
  properties: ['orgId', ...Object.keys(invalidProps), 'tags', 'trail', 'eventSelectors'],
  // The trail checks its selectors in the trail context, under its own path.
  owner: ['OrganizationTrail', 'DataEventSelectors'],
};

const trailProps = fc.tuple(propsOf(validProps, invalidProps), sometimesInvalidOrgId)
  .map(([props, badOrgId]) => (badOrgId === undefined ? props
    : make(`{ ...${String(props)}, orgId: ${JSON.stringify(badOrgId)} }`, stack => ({ ...props(stack), orgId: badOrgId }))));

/** Builds the trail with the props and tags; returns the resource types its selectors may declare. */
function buildTrail(stack: Stack, props: OrganizationTrailProps, tagList: Array<[string, string]>): DataResourceType[] {
  const trail = new OrganizationTrail(stack, 'Trail', props);
  for (const [tagKey, value] of tagList) {
    Tags.of(trail).add(tagKey, value, { includeResourceTypes: ['AWS::CloudTrail::Trail'] });
  }
  return props.dataEvents?._declaredTypes() ?? [];
}

/** Fails when the library rendered something no rule of the registry is about, but CloudFormation would reject. */
function invariant(holds: boolean, what: string, value?: unknown): void {
  if (!holds) {
    throw new Error(`accepted, but the template breaks an invariant at AWS::CloudTrail::Trail: ${what}${value === undefined ? '' : ` (${JSON.stringify(value)})`}`);
  }
}

/** Every string in the policy documents (bucket, key, topic and IAM policies) of a template value. */
function policyStrings(value: unknown, inPolicy = false): string[] {
  if (typeof value === 'string') {
    return inPolicy ? [value] : [];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, inner]) => policyStrings(inner, inPolicy || name === 'PolicyDocument' || name === 'KeyPolicy'));
  }
  return [];
}

/** The problems of a synthesized trail: the trail resource itself, and the IDs its policies are scoped to. */
function templateProblems(template: Template, declaredTypes: DataResourceType[]): Problem[] {
  const problems: Problem[] = [];
  for (const trail of propertiesOf(template, 'AWS::CloudTrail::Trail')) {
    const selectors = selectorsOf(trail.AdvancedEventSelectors);
    problems.push(...trailNameProblems('TrailName', trail.TrailName));
    problems.push(...s3KeyPrefixProblems('S3KeyPrefix', trail.S3KeyPrefix));
    if (typeof trail.SnsTopicName === 'string' && !isUnresolved(trail.SnsTopicName)) {
      problems.push(...snsTopicNameProblems('SnsTopicName', trail.SnsTopicName.split(':').pop()!));
    }
    problems.push(...globalServiceEventsProblems(trail.IsMultiRegionTrail === true, trail.IncludeGlobalServiceEvents !== false));
    const insightCategories = trail.InsightSelectors?.[0]?.EventCategories;
    const templates = trail.AggregationConfigurations?.[0]?.Templates;
    problems.push(...insightProblems(insightTypesOf(trail.InsightSelectors), managementEventsOf(selectors), insightCategories));
    problems.push(...aggregationTemplateProblems(templates));
    problems.push(...dataEventFeatureProblems(templates, insightCategories,
      selectors.some(selector => selector.fieldSelectors.some(fs => fs.field === 'eventCategory' && fs.equalTo?.includes('Data')))));
    problems.push(...advancedSelectorProblems(selectors.map((selector, i) => ({ selector, property: `AdvancedEventSelectors[${i}]` })),
      { target: 'trail', declaredTypes }));
    problems.push(...tagProblems('Tags', tagsOf(trail.Tags)));
    invariant(trail.IsOrganizationTrail === true, 'an OrganizationTrail is an organization trail', trail.IsOrganizationTrail);
    invariant(trail.EventSelectors === undefined || trail.AdvancedEventSelectors === undefined,
      'basic and advanced event selectors together (PutEventSelectors)');
  }
  for (const bucketProps of propertiesOf(template, 'AWS::S3::Bucket')) {
    for (const rule of bucketProps.LifecycleConfiguration?.Rules ?? []) {
      if (rule.ExpirationInDays === undefined || isUnresolved(rule.ExpirationInDays)) {
        continue;
      }
      problems.push(...logFileExpirationProblems('ExpirationInDays', Duration.days(rule.ExpirationInDays)));
      const transitions = (rule.Transitions ?? []).map((transition: { TransitionInDays: number }) => transition.TransitionInDays);
      invariant(transitions.every((days: number) => days < rule.ExpirationInDays),
        'the expiration must be later than the transition (AWS::S3::Bucket Rule ExpirationInDays)',
        { ExpirationInDays: rule.ExpirationInDays, TransitionInDays: transitions });
    }
  }
  // The log prefixes CloudTrail writes under, AWSLogs/<management account>/ and AWSLogs/<orgId>/, and the trail
  // ARN in the policies' aws:SourceArn, carry the IDs the rules are about.
  for (const text of policyStrings(literal(template.toJSON().Resources))) {
    const logsAt = text.lastIndexOf('AWSLogs/');
    if (logsAt >= 0) {
      const owner = text.slice(logsAt + 'AWSLogs/'.length).split('/')[0];
      if (!isUnresolved(owner)) {
        problems.push(...(owner.startsWith('o-') ? organizationIdProblems('AWSLogs/<orgId>', owner) : accountIdProblems('AWSLogs/<account>', owner)));
      }
    }
    const trailArn = /^arn:[^:]*:cloudtrail:[^:]*:([^:]*):trail\/(.*)$/.exec(text);
    // The key policy names every trail of the account with a wildcard.
    if (trailArn && trailArn[2] !== '*') {
      problems.push(...accountIdProblems('aws:SourceArn account', trailArn[1]), ...trailNameProblems('aws:SourceArn trail name', trailArn[2]));
    }
  }
  return problems;
}

describe('OrganizationTrail under fuzzing', () => {
  test('rejects only with ValidationErrors in the library format; every accepted trail synthesizes and keeps every rule', () => {
    const tally = new Tally();
    fc.assert(fc.property(stackEnv, trailProps, tags, (env, props, tagList) => {
      let declaredTypes: DataResourceType[] = [];
      const outcome = tally.count(trial(env, props, (stack, made) => {
        // propsOf makes each prop from values of its type; the record type cannot say which type belongs to which key.
        declaredTypes = buildTrail(stack, made as unknown as OrganizationTrailProps, tagList);
      }, SUBJECT));
      if (outcome.accepted) {
        expectNoProblems('AWS::CloudTrail::Trail', templateProblems(outcome.template, declaredTypes));
      }
    }), { seed: 4101, numRuns: 150 });
    expect(tally.accepted).toBeGreaterThanOrEqual(25);
    expect(tally.rejected).toBeGreaterThanOrEqual(25);
  });

  test('accepts every valid props object: no rejection, and the template keeps every rule', () => {
    fc.assert(fc.property(stackEnv, validProps.map(madeRecord), validTags, (env, props, tagList) => {
      let declaredTypes: DataResourceType[] = [];
      const outcome = expectAccepted(trial(env, props, (stack, made) => {
        declaredTypes = buildTrail(stack, made as unknown as OrganizationTrailProps, tagList);
      }, SUBJECT));
      expectNoProblems('AWS::CloudTrail::Trail', templateProblems(outcome.template, declaredTypes));
    }), { seed: 4111, numRuns: 25 });
  });

  test('the harness sees a rejection: a trail name with adjacent separators', () => {
    const outcome = trial('known', just({ orgId: 'o-a1b2c3d4e5', trailName: 'org--trail' }), (stack, props) => buildTrail(stack, props, []), SUBJECT);
    expect(outcome.accepted).toBe(false);
    expect(!outcome.accepted && outcome.error.constructor.name).toBe('ValidationError');
    expect(!outcome.accepted && outcome.error.message).toBe('[Stack/Trail] [TrailNameSeparators] trailName "org--trail": adjacent \'.\', \'_\' or \'-\' are not allowed, '
      + 'as in "my--trail" or "my-_trail" (CreateTrail Name rules). Fix: keep one separator between words, e.g. "my-trail"');
  });

  test('the harness sees a rejection at synthesis: 51 tags', () => {
    const tagList = Array.from({ length: 51 }, (_, i): [string, string] => [`key${i}`, 'value']);
    const outcome = trial('known', just({ orgId: 'o-a1b2c3d4e5' }), (stack, props) => buildTrail(stack, props, tagList), SUBJECT);
    expect(!outcome.accepted && outcome.error.message).toMatch(/^Validation failed with the following errors:\n {2}\[Stack\/Trail\] \[TagCount\] tags \["key0",.*: 51 tags, but/);
  });
});
