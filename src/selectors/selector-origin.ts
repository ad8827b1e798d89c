import { OPERATORS } from './field-rules';
import { AdvancedEventSelector, FieldConditions } from './field-selector';
import { isUnresolved, printable, showValue } from '../core/problems';

/**
 * Where a selector made by a builder call came from, so that a problem names what the user wrote
 * (`dataEvents.addS3Objects(#2 "Payment writes").resourceArns.equalTo[0]`) rather than internal indices.
 */
export interface SelectorOrigin {
  /** The call as messages show it, e.g. `addS3Objects(#2 "Payment writes")`: the method, its call number, the name. */
  readonly call: string;
  /** The method, e.g. `addDataEvents`. */
  readonly method: string;
  /** Values the call put in front of the user's resourceArns, per operator: from `buckets`, `functions` or `tables`. */
  readonly generatedArns: Partial<Record<keyof FieldConditions, { readonly option: string; readonly count: number }>>;
  /** How many values the user's own resourceArns hold, per operator. */
  readonly userArns: Partial<Record<keyof FieldConditions, number>>;
}

/**
 * The call as messages show it: `addLambdaFunctions(#1)`, `addS3Objects(#2 "Payment writes")`,
 * `addDataEvents(#1 AWS::SNS::Topic)`.
 */
export function callLabel(method: string, number: number, name: string | undefined, type?: string): string {
  const parts = [`#${number}`, ...type === undefined || isUnresolved(type) ? [] : [printable(type)], ...name === undefined || isUnresolved(name) ? [] : [showValue(name)]];
  return `${method}(${parts.join(' ')})`;
}

/** Fields `addNetworkActivity` makes from a list option, one value per item: Equals values are the items. */
const NETWORK_ACTIVITY_LISTS: Record<string, string> = { eventSource: 'eventSources', vpcEndpointId: 'vpcEndpointIds', errorCode: 'errorCodes' };

/** The option of a builder call that becomes a field selector on this field. */
function optionOf(field: string, method: string): string {
  if (method === 'addNetworkActivity' && field in NETWORK_ACTIVITY_LISTS) {
    return NETWORK_ACTIVITY_LISTS[field];
  }
  switch (field) {
    case 'readOnly': return 'readWriteType';
    case 'eventName': return 'eventNames';
    case 'resources.ARN': return 'resourceArns';
    case 'userIdentity.arn': return 'userIdentityArns';
    case 'resources.type': return method === 'addDataEvents' ? 'type' : 'resources.type';
    default: return field;
  }
}

const PATH = /^\.fieldSelectors\[(\d+)\](?:\.([a-zA-Z]+)(?:\[(\d+)\])?)?$/;

/**
 * The property of a problem in a selector a builder call made, as the user wrote it. `rest` is what follows
 * `dataEvents[i]` in the internal path; `selector` is the selector as validated (the trail may have added its
 * log bucket exclusion to it).
 */
export function userProperty(origin: SelectorOrigin, selector: AdvancedEventSelector, rest: string): string {
  const call = `dataEvents.${origin.call}`;
  if (rest === '' || rest === '.fieldSelectors') {
    return call;
  }
  const match = PATH.exec(rest);
  const fs = match ? selector.fieldSelectors[Number(match[1])] : undefined;
  if (!match || !fs) {
    return `${call}${rest}`;
  }
  const option = `${call}.${optionOf(fs.field, origin.method)}`;
  const key = OPERATORS.find(op => op.key === match[2])?.key;
  if (key === undefined) {
    return option;
  }
  if (fs.field === 'readOnly' || fs.field === 'resources.type' || (origin.method === 'addNetworkActivity' && fs.field === 'eventSource')) {
    return option; // made from one option, whatever the operator
  }
  if (origin.method === 'addNetworkActivity' && fs.field in NETWORK_ACTIVITY_LISTS && key === 'equalTo') {
    return `${option}${match[3] === undefined ? '' : `[${match[3]}]`}`;
  }
  if (match[3] === undefined || fs.field !== 'resources.ARN') {
    return `${option}.${key}${match[3] === undefined ? '' : `[${match[3]}]`}`;
  }
  const index = Number(match[3]);
  const generated = origin.generatedArns[key];
  if (generated && index < generated.count) {
    return `${call}.${generated.option}[${index}]`;
  }
  const own = index - (generated?.count ?? 0);
  if (own < (origin.userArns[key] ?? 0)) {
    return `${option}.${key}[${own}]`;
  }
  return `${option}.${key} (the exclusion of the trail's own log bucket)`;
}
