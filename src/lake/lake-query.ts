import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct, IConstruct } from 'constructs';
import { IEventDataStore } from './event-data-store-props';
import { LakeQueryProps, ScheduledLakeQueryProps } from './lake-query-props';
import { allowQueryDelivery, deliveryS3Uri } from './query-delivery';
import { lakeQueryOptionsProblems, storeOwnerAccountId, storeOwnerProblems } from './query-options-rules';
import { queryRunnerStatements } from './query-permissions';
import { MAX_CONCURRENT_QUERIES, SCHEDULE_DESCRIPTION_MAX_LENGTH } from '../core/limits';
import { lengthProblems } from '../core/names';
import { placedInAccount, placementOf } from '../core/placement';
import { isUnresolved, Problem, throwIfProblems, validateAtSynth, warnRule } from '../core/problems';
import { PlacedSchedule, scansWholeStore, scheduledQueryConcurrencyProblems, scheduleRunsAtOnce } from '../core/query-rules';
import { joinChain } from '../operations/operation-chain';
import { LakeQueryAttribute, LakeQueryProperties, OperationKind, ScheduledQueryInput } from '../operations/operation-properties';
import { OperationsProvider } from '../operations/provider';
import { ScheduledQueryRunner } from '../operations/scheduled-query-runner';
import { waitSettings } from '../operations/wait-settings';

/**
 * A CloudTrail Lake query run at deploy time, as a custom resource: it starts the query on create,
 * waits for it (unless told not to), fails the deployment with the query's error when it fails, runs
 * again on update only when the statement, the store or the delivery change, and cancels a running
 * query on delete. At most 10 LakeQuery resources of a stack run at once, because CloudTrail Lake runs
 * at most 10 queries at once per account.
 *
 * CloudTrail Lake takes no new customers since 2026-05-31: only accounts that already use it can create event data stores.
 * Without Lake, query the trail's CloudWatch Logs group with CloudWatch Logs Insights.
 */
export class LakeQuery extends Construct {
  /** The query's ID. @attribute */
  public readonly queryId: string;
  /** The query's status when the deployment went on: FINISHED, or QUEUED/RUNNING when not waiting. @attribute */
  public readonly queryStatus: string;
  /** How many events matched the query. @attribute */
  public readonly eventsMatched: string;
  /** How many events the query scanned. @attribute */
  public readonly eventsScanned: string;
  /** How many bytes the query scanned: what the query is billed for. @attribute */
  public readonly bytesScanned: string;
  /** The query's run time in milliseconds. @attribute */
  public readonly executionTimeInMillis: string;
  /** Where the results were delivered, `s3://…`; empty without a delivery bucket. @attribute */
  public readonly deliveryS3Uri: string;

  /** The store the query runs on. */
  public readonly eventDataStore: IEventDataStore;
  /** Whether the deployment waits for the query to finish. */
  public readonly waitForCompletion: boolean;

  constructor(scope: Construct, id: string, props: LakeQueryProps) {
    super(scope, id);
    const { settings, problems: waitProblems } = waitSettings(props);
    throwIfProblems(this, [...lakeQueryOptionsProblems(props, props.deliveryBucket), ...waitProblems]);
    this.eventDataStore = props.eventDataStore;
    this.waitForCompletion = settings.waitForCompletion;

    const delivery = props.deliveryBucket ? { bucket: props.deliveryBucket, prefix: props.deliveryPrefix } : undefined;
    const uri = delivery ? deliveryS3Uri(delivery) : undefined;
    if (delivery) {
      allowQueryDelivery(this, delivery, props.eventDataStore);
    }

    const provider = OperationsProvider.of(this);
    for (const statement of queryRunnerStatements(props.eventDataStore, ['StartQuery', 'DescribeQuery', 'CancelQuery', 'ListQueries'])) {
      provider.addToHandlerPolicy(statement);
    }
    const owner = storeOwnerAccountId(this, props);
    validateAtSynth(this, () => storeOwnerProblems(this, props, owner));
    const properties: LakeQueryProperties = {
      Operation: OperationKind.LAKE_QUERY,
      EventDataStoreArn: props.eventDataStore.eventDataStoreArn,
      EventDataStoreOwnerAccountId: owner,
      QueryStatement: props.queryStatement,
      DeliveryS3Uri: uri,
      ...settings.properties,
    };
    const resource = provider.createResource(this, 'Resource', { resourceType: 'Custom::CloudTrailLakeQuery', properties, serviceTimeout: settings.serviceTimeout });

    const before = joinChain(this, resource, 'LakeQuery', MAX_CONCURRENT_QUERIES);
    if (before) {
      validateAtSynth(this, () => chainProblems(before as LakeQuery));
    }

    this.queryId = resource.getAttString(LakeQueryAttribute.QUERY_ID);
    this.queryStatus = resource.getAttString(LakeQueryAttribute.QUERY_STATUS);
    this.eventsMatched = resource.getAttString(LakeQueryAttribute.EVENTS_MATCHED);
    this.eventsScanned = resource.getAttString(LakeQueryAttribute.EVENTS_SCANNED);
    this.bytesScanned = resource.getAttString(LakeQueryAttribute.BYTES_SCANNED);
    this.executionTimeInMillis = resource.getAttString(LakeQueryAttribute.EXECUTION_TIME_IN_MILLIS);
    this.deliveryS3Uri = resource.getAttString(LakeQueryAttribute.DELIVERY_S3_URI);
  }
}

/**
 * A CloudTrail Lake query that runs on a schedule (EventBridge Scheduler), delivers its results to S3 and
 * tells an SNS topic when it returns rows: an alert on audit findings, which CloudTrail Lake itself lacks.
 * Each run waits up to 15 minutes for its query; a longer query still delivers its results, without the
 * notification. Scheduled queries count toward CloudTrail Lake's 10 queries at once per account.
 *
 * CloudTrail Lake takes no new customers since 2026-05-31: only accounts that already use it can create event data stores.
 * Without Lake, `OrganizationTrail.addSecurityAlarms` alarms on the trail's CloudWatch Logs group.
 */
export class ScheduledLakeQuery extends Construct {
  /** The EventBridge Scheduler schedule that starts each run. */
  public readonly schedule: scheduler.ISchedule;
  /**
   * How many of the query's runs may be running at once, when the schedule says; undefined for tokens, one-time schedules
   * and crons naming hours.
   * @internal
   */
  public readonly _runsAtOnce?: number;

  constructor(scope: Construct, id: string, props: ScheduledLakeQueryProps) {
    super(scope, id);
    const problems = lakeQueryOptionsProblems(props, props.deliveryBucket);
    problems.push(...descriptionProblems(props.description));
    throwIfProblems(this, problems);
    if (scansWholeStore(props.queryStatement)) {
      warnRule(this, 'ScheduledQueryUnboundedScan', 'queryStatement has no condition on eventTime: every run scans the whole event data store, '
        + "and CloudTrail Lake bills the data each query scans. Add a window the size of the schedule, e.g. WHERE eventTime > date_add('hour', -1, now()) "
        + 'for an hourly schedule.');
    }
    this._runsAtOnce = scheduleRunsAtOnce(props.schedule.expressionString);
    validateAtSynth(this, () => {
      const placed = placeSchedule(this);
      return placed ? scheduledQueryConcurrencyProblems(placed, placedInAccount(this, placed.account, isScheduledLakeQuery, placeSchedule)) : [];
    });

    const delivery = { bucket: props.deliveryBucket, prefix: props.deliveryPrefix };
    allowQueryDelivery(this, delivery, props.eventDataStore);
    const runner = ScheduledQueryRunner.of(this);
    for (const statement of queryRunnerStatements(props.eventDataStore, ['StartQuery', 'DescribeQuery', 'GetQueryResults'])) {
      runner.addToPolicy(statement);
    }
    if (props.topic) {
      runner.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [props.topic.topicArn] }));
      if (props.topic.masterKey) {
        // SNS Developer Guide, "Enabling compatibility between encrypted topics and event sources": publishers need these
        runner.addToPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [props.topic.masterKey.keyArn] }));
      }
    }

    const owner = storeOwnerAccountId(this, props);
    validateAtSynth(this, () => storeOwnerProblems(this, props, owner));
    const input: ScheduledQueryInput = {
      name: this.node.path,
      eventDataStoreArn: props.eventDataStore.eventDataStoreArn,
      eventDataStoreOwnerAccountId: owner,
      queryStatement: props.queryStatement,
      deliveryS3Uri: deliveryS3Uri(delivery),
      topicArn: props.topic?.topicArn,
    };
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      schedule: props.schedule,
      description: props.description,
      enabled: props.enabled ?? true,
      target: new targets.LambdaInvoke(runner.function, {
        role: runner.schedulerRole,
        input: scheduler.ScheduleTargetInput.fromObject(input),
        // a run that failed is not repeated: the next scheduled run starts a fresh query
        retryAttempts: 0,
      }),
    });
  }
}

function isScheduledLakeQuery(construct: IConstruct): construct is ScheduledLakeQuery {
  return construct instanceof ScheduledLakeQuery;
}

/** Where a scheduled query runs and how many of its runs may be running at once, when both are known. */
function placeSchedule(query: ScheduledLakeQuery): PlacedSchedule | undefined {
  const placement = placementOf(query);
  return placement && query._runsAtOnce !== undefined ? { ...placement, runsAtOnce: query._runsAtOnce } : undefined;
}

function descriptionProblems(description: string | undefined): Problem[] {
  if (description === undefined || isUnresolved(description)) {
    return [];
  }
  return lengthProblems('ScheduleDescriptionLength', 'description', description, { min: 0, max: SCHEDULE_DESCRIPTION_MAX_LENGTH }, 'EventBridge Scheduler CreateSchedule Description');
}

function chainProblems(before: LakeQuery): Problem[] {
  if (before.waitForCompletion) {
    return [];
  }
  return [{
    id: 'ConcurrentQueriesQuota',
    property: `waitForCompletion of ${before.node.path}`,
    value: false,
    rule: 'lets that query run on after its deployment step, so this query, which waits for it, could be the '
      + `${MAX_CONCURRENT_QUERIES + 1}th running at once; CloudTrail Lake runs at most ${MAX_CONCURRENT_QUERIES} queries at once per account `
      + '(MaxConcurrentQueriesException)',
    fix: `let ${before.node.path} wait for completion, or keep at most ${MAX_CONCURRENT_QUERIES} LakeQuery resources in the stack`,
  }];
}
