import { ManagementEventSources, ReadWriteType, CfnEventDataStore, CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataResourceType } from './data-resource-type';
import { OPERATORS } from './field-rules';
import { AdvancedEventSelector, AdvancedFieldSelector, FieldConditions } from './field-selector';
import { readOnlyFieldSelector } from './management-events';
import { NetworkActivityErrorCode, NetworkActivityEventSource } from './network-activity';
import { bindSelectors, omitWhenEmpty, renderSelector } from './selector-binding';
import { callLabel, SelectorOrigin } from './selector-origin';
import { valueCount } from './selector-validation';
import { Problem } from '../core/problems';

/**
 * What to log of one kind of data event, besides the resources.
 */
export interface DataEventOptions {
  /**
   * A descriptive name for the selector, shown in the CloudTrail console.
   * @default - no name
   */
  readonly name?: string;
  /**
   * Log read events, write events, or both. `ReadWriteType.NONE` is not allowed: leave the selector out.
   * @default ReadWriteType.ALL
   */
  readonly readWriteType?: ReadWriteType;
  /**
   * Conditions on `eventName`, e.g. `{ equalTo: ['PutObject', 'DeleteObject'] }`.
   * @default - every event name
   */
  readonly eventNames?: FieldConditions;
  /**
   * Conditions on `resources.ARN`. With `equalTo` or `notEquals` the values must be full ARNs of the
   * resource type; prefixes go in `startsWith`.
   * @default - every resource of the type (or the resources named by the method)
   */
  readonly resourceArns?: FieldConditions;
  /**
   * Conditions on `userIdentity.arn`, the IAM identity that made the call.
   * @default - every identity
   */
  readonly userIdentityArns?: FieldConditions;
}

/**
 * Options for S3 object data events.
 */
export interface S3ObjectsOptions extends DataEventOptions {
  /**
   * Log objects in these buckets only. Must not be empty: leave it out to log every bucket.
   * @default - every bucket
   */
  readonly buckets?: s3.IBucket[];
  /**
   * Log only objects whose key starts with this prefix; needs `buckets`.
   * @default - every object in the buckets
   */
  readonly objectPrefix?: string;
}

/**
 * Options for Lambda function data events (invocations).
 */
export interface LambdaFunctionsOptions extends DataEventOptions {
  /**
   * Log invocations of these functions only. Must not be empty: leave it out to log every function.
   * @default - every function
   */
  readonly functions?: lambda.IFunction[];
}

/**
 * Options for DynamoDB table data events.
 */
export interface DynamoDbTablesOptions extends DataEventOptions {
  /**
   * Log item-level calls on these tables only. Must not be empty: leave it out to log every table.
   * @default - every table
   */
  readonly tables?: dynamodb.ITable[];
}

/**
 * Options for network activity events: calls to a service through VPC endpoints, including those a VPC endpoint
 * policy denied.
 */
export interface NetworkActivityOptions {
  /**
   * The services whose calls through VPC endpoints to log. A selector takes one event source, so each source
   * becomes a selector of its own.
   */
  readonly eventSources: NetworkActivityEventSource[];
  /**
   * A descriptive name for the selectors, shown in the CloudTrail console.
   * @default - no name
   */
  readonly name?: string;
  /**
   * Log calls through these VPC endpoints only, e.g. `vpce-0123456789abcdef0`. Must not be empty.
   * @default - calls through every VPC endpoint
   */
  readonly vpcEndpointIds?: string[];
  /**
   * Log only calls that failed with these errors, e.g. `NetworkActivityErrorCode.VPCE_ACCESS_DENIED` for calls a
   * VPC endpoint policy denied. Must not be empty.
   * @default - every call, allowed or denied
   */
  readonly errorCodes?: NetworkActivityErrorCode[];
  /**
   * Conditions on `eventName`, e.g. `{ equalTo: ['GetSecretValue'] }`.
   * @default - every event name
   */
  readonly eventNames?: FieldConditions;
}

/**
 * Which management events to log beside the data events, when the selectors are applied to an L1
 * trail or event data store.
 */
export interface ManagementEventOptions {
  /**
   * Management events to log; `ReadWriteType.NONE` logs none (only data events).
   * @default ReadWriteType.ALL
   */
  readonly managementEvents?: ReadWriteType;
  /**
   * Management event sources to leave out (trails accept AWS KMS and the RDS Data API only).
   * @default - none
   */
  readonly excludeManagementEventSources?: ManagementEventSources[];
}

/**
 * A typed model of the data-event part of CloudTrail advanced event selectors.
 *
 * Add one selector per resource type with the `add*` methods, or start from raw selectors with
 * `fromAdvancedEventSelectors`. The rules that depend on where the selectors are used (a trail or an
 * event data store) are checked by the construct that consumes them, at construction and again at
 * synth, so selectors added later are checked too.
 *
 * @example
 * const dataEvents = new DataEventSelectors()
 *   .addS3Objects({ buckets: [payments], readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY })
 *   .addLambdaFunctions();
 */
export class DataEventSelectors {
  /**
   * Selectors written by hand, validated by the same rules as those the builder makes.
   *
   * @param selectors advanced event selectors in the CloudFormation shape
   * @param additionalResourceTypes resource types newer than this library that the selectors use
   */
  public static fromAdvancedEventSelectors(selectors: AdvancedEventSelector[],
    additionalResourceTypes: DataResourceType[] = []): DataEventSelectors {
    const result = new DataEventSelectors();
    result.selectors.push(...selectors);
    result.origins.push(...selectors.map(() => undefined));
    result.declaredTypes.push(...additionalResourceTypes);
    return result;
  }

  private readonly selectors: AdvancedEventSelector[] = [];
  /** Where each selector came from: a builder call, or undefined for a raw selector. */
  private readonly origins: Array<SelectorOrigin | undefined> = [];
  private readonly declaredTypes: DataResourceType[] = [];
  private readonly builderProblems: Problem[] = [];
  private networkActivityCalls = 0;

  /**
   * Log S3 object-level API calls (GetObject, PutObject, ...), for every bucket or the given ones.
   */
  public addS3Objects(options: S3ObjectsOptions = {}): DataEventSelectors {
    const call = this.nextCall('addS3Objects', options.name);
    const property = `dataEvents.${call}`;
    this.rejectEmptyList(`${property}.buckets`, options.buckets, 'bucket');
    if (options.objectPrefix !== undefined && !options.buckets?.length) {
      this.builderProblems.push({
        id: 'ObjectPrefixNeedsBuckets',
        property: `${property}.objectPrefix`,
        value: options.objectPrefix,
        rule: 'an object prefix applies to the given buckets, and no bucket is given',
        fix: "add buckets, or use resourceArns: { startsWith: ['arn:aws:s3:::bucket/prefix'] }",
      });
    }
    const prefixes = options.buckets?.map(bucket => `${bucket.bucketArn}/${options.objectPrefix ?? ''}`);
    return this.addSelector(DataResourceType.S3_OBJECT, options, prefixes?.length ? { startsWith: prefixes } : {},
      { call, method: 'addS3Objects', generatedArns: prefixes?.length ? { startsWith: { option: 'buckets', count: prefixes.length } } : {} });
  }

  /**
   * Log Lambda function invocations, for every function or the given ones.
   */
  public addLambdaFunctions(options: LambdaFunctionsOptions = {}): DataEventSelectors {
    const call = this.nextCall('addLambdaFunctions', options.name);
    this.rejectEmptyList(`dataEvents.${call}.functions`, options.functions, 'function');
    const arns = options.functions?.map(fn => fn.functionArn);
    return this.addSelector(DataResourceType.LAMBDA_FUNCTION, options, arns?.length ? { equalTo: arns } : {},
      { call, method: 'addLambdaFunctions', generatedArns: arns?.length ? { equalTo: { option: 'functions', count: arns.length } } : {} });
  }

  /**
   * Log DynamoDB item-level API calls, for every table or the given ones.
   */
  public addDynamoDbTables(options: DynamoDbTablesOptions = {}): DataEventSelectors {
    const call = this.nextCall('addDynamoDbTables', options.name);
    this.rejectEmptyList(`dataEvents.${call}.tables`, options.tables, 'table');
    const arns = options.tables?.map(table => table.tableArn);
    return this.addSelector(DataResourceType.DYNAMODB_TABLE, options, arns?.length ? { equalTo: arns } : {},
      { call, method: 'addDynamoDbTables', generatedArns: arns?.length ? { equalTo: { option: 'tables', count: arns.length } } : {} });
  }

  /**
   * Log data events of any resource type, such as `DataResourceType.DYNAMODB_STREAM` or a type newer
   * than this library (`DataResourceType.of('AWS::Service::Type')`).
   */
  public addDataEvents(type: DataResourceType, options: DataEventOptions = {}): DataEventSelectors {
    if (!type.isCatalogued) {
      this.declaredTypes.push(type);
    }
    return this.addSelector(type, options, {}, { call: this.nextCall('addDataEvents', options.name, type.value), method: 'addDataEvents', generatedArns: {} });
  }

  /**
   * Log network activity events: calls to the given services through VPC endpoints, one selector per event
   * source. With `errorCodes: [NetworkActivityErrorCode.VPCE_ACCESS_DENIED]` it logs the calls VPC endpoint
   * policies denied, a sign of data leaving through an endpoint or of a broken policy.
   */
  public addNetworkActivity(options: NetworkActivityOptions): DataEventSelectors {
    // One call makes a selector per source: calls are counted, not selectors.
    const number = ++this.networkActivityCalls;
    const call = callLabel('addNetworkActivity', number, options.name);
    this.rejectEmptyList(`dataEvents.${call}.vpcEndpointIds`, options.vpcEndpointIds, 'VPC endpoint');
    this.rejectEmptyList(`dataEvents.${call}.errorCodes`, options.errorCodes, 'call', 'error code');
    if (options.eventSources.length === 0) {
      this.builderProblems.push({
        id: 'NetworkActivitySources',
        property: `dataEvents.${call}.eventSources`,
        value: [],
        rule: 'network activity selectors each name one event source, and no source is given (AdvancedFieldSelector Field, eventSource)',
        fix: 'name at least one source, e.g. NetworkActivityEventSource.S3',
      });
    }
    for (const source of options.eventSources) {
      const fieldSelectors: AdvancedFieldSelector[] = [
        { field: 'eventCategory', equalTo: ['NetworkActivity'] },
        { field: 'eventSource', equalTo: [source.value] },
        ...(options.eventNames ? [{ field: 'eventName', ...options.eventNames }] : []),
        ...(options.errorCodes?.length ? [{ field: 'errorCode', equalTo: options.errorCodes.map(code => code.value) }] : []),
        ...(options.vpcEndpointIds?.length ? [{ field: 'vpcEndpointId', equalTo: options.vpcEndpointIds }] : []),
      ];
      this.selectors.push({ name: options.name, fieldSelectors });
      this.origins.push({ call: callLabel('addNetworkActivity', number, options.name, source.value), method: 'addNetworkActivity', generatedArns: {}, userArns: {} });
    }
    return this;
  }

  /**
   * The selectors as they will be rendered, in the order they were added.
   */
  public get advancedEventSelectors(): AdvancedEventSelector[] {
    return this.selectors.map(renderSelector);
  }

  /**
   * The number of condition values across all selectors, as CloudTrail's 500-value quota counts them.
   */
  public get valueCount(): number {
    return this.selectors.reduce((sum, selector) => sum + valueCount(selector), 0);
  }

  /**
   * Sets these selectors, with a management-events selector, on an L1 trail, and checks them in the
   * trail context now and again at synth. Use it with `CfnTrail` or the default child of aws-cdk-lib's
   * `Trail` (which must not have basic event selectors).
   */
  public applyToCfnTrail(trail: CfnTrail, options: ManagementEventOptions = {}): void {
    const basicSelectors = trail.eventSelectors;
    bindSelectors(trail, { target: 'trail', dataEvents: this, ...options },
      rendered => {
        trail.advancedEventSelectors = rendered;
        trail.eventSelectors = omitWhenEmpty(trail, basicSelectors);
      },
      () => basicSelectors);
  }

  /**
   * Sets these selectors, with a management-events selector, on an L1 event data store, and checks them
   * in the event data store context now and again at synth.
   */
  public applyToCfnEventDataStore(store: CfnEventDataStore, options: ManagementEventOptions = {}): void {
    bindSelectors(store, { target: 'eventDataStore', dataEvents: this, ...options },
      rendered => { store.advancedEventSelectors = rendered; });
  }

  /** @internal */
  public _selectors(): AdvancedEventSelector[] {
    return [...this.selectors];
  }

  /** @internal */
  public _declaredTypes(): DataResourceType[] {
    return [...this.declaredTypes];
  }

  /** @internal */
  public _origins(): Array<SelectorOrigin | undefined> {
    return [...this.origins];
  }

  /** @internal */
  public _builderProblems(): Problem[] {
    return [...this.builderProblems];
  }

  private addSelector(type: DataResourceType, options: DataEventOptions, resourceArns: FieldConditions,
    origin: Omit<SelectorOrigin, 'userArns'>): DataEventSelectors {
    const property = `dataEvents.${origin.call}`;
    if (options.readWriteType === ReadWriteType.NONE) {
      this.builderProblems.push({
        id: 'ReadWriteTypeNotNone',
        property: `${property}.readWriteType`,
        value: options.readWriteType,
        rule: 'ReadWriteType.NONE selects no event, so the selector would log nothing',
        fix: 'leave the selector out, or use READ_ONLY, WRITE_ONLY or ALL',
      });
    }
    const arns = mergeConditions(resourceArns, options.resourceArns);
    const fieldSelectors: AdvancedFieldSelector[] = [
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: [type.value] },
      ...readOnlyFieldSelector(options.readWriteType),
      ...(options.eventNames ? [{ field: 'eventName', ...options.eventNames }] : []),
      ...(arns ? [{ field: 'resources.ARN', ...arns }] : []),
      ...(options.userIdentityArns ? [{ field: 'userIdentity.arn', ...options.userIdentityArns }] : []),
    ];
    this.selectors.push({ name: options.name, fieldSelectors });
    const userArns: SelectorOrigin['userArns'] = {};
    for (const { key } of OPERATORS) {
      userArns[key] = options.resourceArns?.[key]?.length ?? 0;
    }
    this.origins.push({ ...origin, userArns });
    return this;
  }

  private rejectEmptyList(property: string, list: unknown[] | undefined, noun: string, item = noun): void {
    if (list !== undefined && list.length === 0) {
      this.builderProblems.push({
        id: 'ResourceListNotEmpty',
        property,
        value: list,
        rule: `an empty list would log every ${noun}, which is rarely what an empty list means`,
        fix: `name at least one ${item}, or leave the option out to log every ${noun}`,
      });
    }
  }

  /** The next call of a method as messages show it: `addS3Objects(#2 "Payment writes")`, numbered per method. */
  private nextCall(method: string, name: string | undefined, type?: string): string {
    const number = this.origins.filter(origin => origin?.method === method).length + 1;
    return callLabel(method, number, name, type);
  }
}

/** The union of two sets of conditions, operator by operator; undefined when both are empty. */
function mergeConditions(a: FieldConditions, b: FieldConditions | undefined): FieldConditions | undefined {
  const merged: Record<string, string[]> = {};
  for (const { key } of OPERATORS) {
    const extra = b?.[key];
    const values = [...(a[key] ?? []), ...(extra ?? [])];
    if (values.length > 0 || extra !== undefined) {
      merged[key] = values;
    }
  }
  return Object.keys(merged).length > 0 || b !== undefined ? merged : undefined;
}
