import { Tokenization } from 'aws-cdk-lib';
import { findDataResourceType, matchesArnFormat } from './arn-format';
import { DataResourceType } from './data-resource-type';
import {
  CATEGORIES_BY_TARGET, CLOUDTRAIL_EVENT_CATEGORIES, EventCategory, fieldUse, FIELD_USES, KNOWN_FIELDS, OPERATORS,
  requiredFields, SelectorTarget,
} from './field-rules';
import { AdvancedEventSelector, AdvancedFieldSelector } from './field-selector';
import {
  MAX_ADVANCED_SELECTOR_VALUES, MAX_DATA_RESOURCES, MAX_EVENT_DATA_STORE_SELECTORS, OPERATOR_VALUE_LENGTH,
  SELECTOR_FIELD_LENGTH, SELECTOR_NAME_LENGTH,
} from '../core/limits';
import { lengthProblems, quoteList } from '../core/names';
import { isUnresolved, Problem, showValue } from '../core/problems';
import { closestMatch } from '../core/suggestions';
import { uniqueItemsProblems } from '../core/unique-items';

/** A selector and where it came from in the props, e.g. `dataEvents[2]`. */
export interface PlacedSelector {
  readonly selector: AdvancedEventSelector;
  readonly property: string;
}

/** What the rules need to know besides the selectors. */
export interface SelectorContext {
  readonly target: SelectorTarget;
  /** Types from `DataResourceType.of` that the catalogue does not know but the user declared. */
  readonly declaredTypes: DataResourceType[];
}

const TARGET_LABEL: Record<SelectorTarget, string> = {
  trail: 'a trail',
  eventDataStore: 'an event data store',
  telemetryRule: 'a CloudWatch telemetry rule',
};
const TARGETS_LABEL: Record<SelectorTarget, string> = {
  trail: 'trails',
  eventDataStore: 'event data stores',
  telemetryRule: 'CloudWatch telemetry rules',
};
// CloudWatch User Guide, "Telemetry discovery and enablement": the CloudTrail data source is management and data events
const TELEMETRY_CATEGORIES_DOC = 'CloudWatch User Guide, "Telemetry discovery and enablement"';
const FIELD_PATTERN = /^[\w.]+$/; // API model SelectorField pattern [\w|\d|\.|_]+
const FIELD_DOC = 'AdvancedFieldSelector Field';

/**
 * Every problem with the complete list of advanced event selectors of one trail or event data store:
 * each selector on its own, then the limits on the whole list.
 */
export function advancedSelectorProblems(selectors: PlacedSelector[], context: SelectorContext): Problem[] {
  const problems = selectors.flatMap(placed => selectorProblems(placed, context));
  problems.push(...listProblems(selectors, context.target));
  return problems;
}

/** Resource types in these selectors whose ARNs this library cannot check. */
export function uncheckedResourceTypes(selectors: AdvancedEventSelector[]): string[] {
  const types = new Set<string>();
  for (const selector of selectors) {
    for (const value of fieldValues(selector, 'resources.type')) {
      if (!isUnresolved(value) && !isListToken(value) && !findDataResourceType(value)) {
        types.add(value);
      }
    }
  }
  return [...types];
}

function selectorProblems(placed: PlacedSelector, context: SelectorContext): Problem[] {
  const { selector, property } = placed;
  const problems: Problem[] = [];
  if (selector.name !== undefined && !isUnresolved(selector.name)) {
    problems.push(...lengthProblems('SelectorNameLength', `${property}.name`, selector.name, SELECTOR_NAME_LENGTH, 'CloudFormation AdvancedEventSelector Name'));
  }
  if (selector.fieldSelectors.length === 0) {
    problems.push({
      id: 'FieldSelectorsRequired',
      property: `${property}.fieldSelectors`,
      value: selector.fieldSelectors,
      rule: 'an advanced event selector needs at least one field selector (API model AdvancedEventSelector)',
      fix: "add at least { field: 'eventCategory', equalTo: [...] }",
    });
    return problems;
  }
  const fieldSelectors = selector.fieldSelectors;
  fieldSelectors.forEach((fs, j) => problems.push(...fieldSelectorShapeProblems(fs, `${property}.fieldSelectors[${j}]`)));

  const category = categoryOf(fieldSelectors, property, context.target, problems);
  if (category === undefined) {
    return problems;
  }
  fieldSelectors.forEach((fs, j) => {
    if (fs.field !== 'eventCategory' && KNOWN_FIELDS.includes(fs.field)) {
      problems.push(...fieldUseProblems(fs, `${property}.fieldSelectors[${j}]`, category, context));
    }
  });
  problems.push(...missingFieldProblems(fieldSelectors, property, category, context.target));
  if (category === EventCategory.DATA) {
    problems.push(...resourceProblems(fieldSelectors, property, context));
  }
  return problems;
}

/** The structural rules every field selector follows, whatever its field. */
function fieldSelectorShapeProblems(fs: AdvancedFieldSelector, property: string): Problem[] {
  const problems: Problem[] = [];
  if (!isUnresolved(fs.field)) {
    problems.push(...lengthProblems('SelectorFieldLength', `${property}.field`, fs.field, SELECTOR_FIELD_LENGTH, 'API model SelectorField'));
    if (fs.field.length > 0 && !KNOWN_FIELDS.includes(fs.field)) {
      const suggestion = closestMatch(fs.field, KNOWN_FIELDS);
      const pattern = FIELD_PATTERN.test(fs.field) ? '' : ' and may only hold letters, digits, \'_\' and \'.\'';
      problems.push({
        id: 'SelectorFieldKnown',
        property: `${property}.field`,
        value: fs.field,
        rule: `is not a field advanced event selectors know${pattern} (${FIELD_DOC})`,
        fix: suggestion ? `did you mean '${suggestion}'?` : `use one of ${KNOWN_FIELDS.join(', ')}`,
      });
    }
  }
  const present = OPERATORS.filter(op => fs[op.key] !== undefined);
  if (present.length === 0) {
    problems.push({
      id: 'SelectorOperatorRequired',
      property,
      rule: `field selector on ${showValue(fs.field)} has no operator; it needs at least one of ${OPERATORS.map(op => op.key).join(', ')} (API model AdvancedFieldSelector)`,
      fix: 'add a condition, or remove the field selector',
    });
  }
  for (const op of present) {
    problems.push(...operatorValueProblems(fs[op.key]!, `${property}.${op.key}`, fs.field));
  }
  return problems;
}

function operatorValueProblems(values: string[], property: string, field: string): Problem[] {
  // a whole-list token need not be an array: a template's { Ref } read back as a token is a string
  if (isUnresolved(values)) {
    return [];
  }
  if (values.length === 0) {
    return [{ id: 'SelectorValuesRequired', property, value: values, rule: `an operator of ${showValue(field)} needs at least one value (API model Operator, min 1)`, fix: 'add a value or leave the operator out' }];
  }
  // a list token on its own is a whole list (the guard above); with other values it is one of several
  if (values.some(isListToken)) {
    return [{
      id: 'SelectorListToken',
      property,
      value: values,
      rule: `holds a list token (such as a CfnParameter's valueAsList) and ${values.length - 1} more value${values.length === 2 ? '' : 's'}; `
        + 'a list token stands for a whole list, which only CloudFormation knows, so nothing can be added to it',
      fix: 'pass literal values, or the list token alone in a condition that nothing else adds to',
    }];
  }
  const problems: Problem[] = [];
  values.forEach((value, k) => {
    if (!isUnresolved(value)) {
      problems.push(...lengthProblems('SelectorValueLength', `${property}[${k}]`, value, OPERATOR_VALUE_LENGTH, 'API model OperatorValue'));
      if (value.length > 0 && !/./.test(value)) {
        problems.push({
          id: 'SelectorValuePattern',
          property: `${property}[${k}]`,
          value,
          rule: 'holds only line breaks; a value needs another character (API model OperatorValue pattern .+)',
          fix: 'remove the value, or write what it should match',
        });
      }
    }
  });
  problems.push(...uniqueItemsProblems('SelectorValuesUnique', property, values, 'CloudFormation AdvancedFieldSelector schema: unique items', 'list each value once'));
  return problems;
}

/** The selector's category, after checking the eventCategory field selector; undefined when it is unusable. */
function categoryOf(fieldSelectors: AdvancedFieldSelector[], property: string, target: SelectorTarget,
  problems: Problem[]): EventCategory | undefined {
  const indexes = fieldSelectors.flatMap((fs, j) => fs.field === 'eventCategory' ? [j] : []);
  const allowed = CATEGORIES_BY_TARGET[target];
  const source = `${FIELD_DOC}, eventCategory`;
  if (indexes.length === 0) {
    problems.push({
      id: 'EventCategoryFieldSelector',
      property: `${property}.fieldSelectors`,
      rule: `every selector needs an eventCategory field selector (${source})`,
      fix: `add { field: 'eventCategory', equalTo: ['${allowed.join("' | '")}'] }`,
    });
    return undefined;
  }
  if (indexes.length > 1) {
    problems.push({
      id: 'EventCategoryFieldSelector',
      property: `${property}.fieldSelectors[${indexes[1]}]`,
      rule: `a selector has one eventCategory field selector, this one has ${indexes.length} (${source})`,
      fix: 'split the selector in one selector per category',
    });
    return undefined;
  }
  const at = `${property}.fieldSelectors[${indexes[0]}]`;
  const fs = fieldSelectors[indexes[0]];
  const others = OPERATORS.filter(op => op.key !== 'equalTo' && fs[op.key] !== undefined);
  if (others.length > 0) {
    problems.push({ id: 'EventCategoryOperator', property: `${at}.${others[0].key}`, value: fs[others[0].key], rule: `eventCategory takes only the Equals operator (${source})`, fix: 'use equalTo' });
  }
  const values = fs.equalTo;
  if (values === undefined || isUnresolved(values)) {
    return undefined;
  }
  if (values.length !== 1) {
    // an empty list is already reported, as an operator without values
    if (values.length > 0) {
      problems.push({ id: 'EventCategorySingleValue', property: `${at}.equalTo`, value: values, rule: `eventCategory takes exactly one value (${source})`, fix: 'use one selector per event category' });
    }
    return undefined;
  }
  const value = values[0];
  if (isUnresolved(value)) {
    return undefined;
  }
  if (!(allowed as string[]).includes(value)) {
    problems.push(categoryValueProblem(`${at}.equalTo`, value, target, source));
    return undefined;
  }
  return value as EventCategory;
}

/** The problem with an eventCategory value the target does not take: the targets that take it, when some do. */
function categoryValueProblem(property: string, value: string, target: SelectorTarget, source: string): Problem {
  const allowed = CATEGORIES_BY_TARGET[target];
  const known = (CATEGORIES_BY_TARGET.eventDataStore as string[]).includes(value);
  if (known && target === 'telemetryRule') {
    const onTrails = (CATEGORIES_BY_TARGET.trail as string[]).includes(value);
    return {
      id: 'EventCategoryValue',
      property,
      value,
      rule: `eventCategory ${value} is not for CloudWatch telemetry rules, which take only ${quoteList(allowed)} events (${TELEMETRY_CATEGORIES_DOC})`,
      fix: onTrails ? 'log these events with an OrganizationTrail or a LakeEventDataStore' : 'log these events to a LakeEventDataStore',
    };
  }
  return {
    id: 'EventCategoryValue',
    property,
    value,
    rule: known
      ? `eventCategory ${value} is only for event data stores, not trails (${source})`
      : `eventCategory on ${TARGET_LABEL[target]} must be ${quoteList(allowed)} (${source})`,
    fix: known ? 'log these events to a LakeEventDataStore' : `did you mean '${closestMatch(value, allowed) ?? allowed[0]}'?`,
  };
}

/**
 * The targets of a field use as a message names them. Telemetry rules take the trail's selectors, so where trails are
 * named they are not named again.
 */
function targetsLabel(targets: SelectorTarget[]): string {
  const named = targets.includes('trail') ? targets.filter(target => target !== 'telemetryRule') : targets;
  const labels = named.map(target => TARGETS_LABEL[target]);
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Whether this field may be used this way in a selector of this category on this target. */
function fieldUseProblems(fs: AdvancedFieldSelector, property: string, category: EventCategory,
  context: SelectorContext): Problem[] {
  const use = fieldUse(fs.field, category, context.target);
  if (!use) {
    const elsewhere = FIELD_USES.filter(u => u.field === fs.field)
      .map(u => `${u.categories.join('/')} selectors on ${targetsLabel(u.targets)}`);
    return [{
      id: 'SelectorFieldAllowed',
      property: `${property}.field`,
      value: fs.field,
      rule: `${fs.field} is not allowed in ${category} selectors on ${TARGET_LABEL[context.target]}; it is allowed in ${[...new Set(elsewhere)].join(', ')} (${FIELD_DOC})`,
      fix: `remove this field selector${CLOUDTRAIL_EVENT_CATEGORIES.includes(category) ? '' : `; ${category} selectors take only eventCategory`}`,
    }];
  }
  const problems: Problem[] = [];
  for (const op of OPERATORS) {
    const values = fs[op.key];
    if (values === undefined) {
      continue;
    }
    if (use.operators && !use.operators.includes(op.apiName)) {
      problems.push({
        id: 'SelectorFieldOperator',
        property: `${property}.${op.key}`,
        value: values,
        rule: `${fs.field} in ${category} selectors on ${TARGET_LABEL[context.target]} takes only ${use.operators.join(' or ')}, not ${op.apiName} (${use.source})`,
        fix: `use ${use.operators.map(name => OPERATORS.find(o => o.apiName === name)!.key).join(' or ')}`,
      });
      continue;
    }
    if (isUnresolved(values)) {
      continue;
    }
    if (use.values) {
      values.forEach((value, k) => {
        if (!isUnresolved(value) && !use.values!.includes(value)) {
          problems.push({
            id: 'SelectorFieldValue',
            property: `${property}.${op.key}[${k}]`,
            value,
            rule: `${fs.field} in ${category} selectors on ${TARGET_LABEL[context.target]} takes only ${quoteList(use.values!)} (${use.source})`,
            fix: `use ${quoteList(use.values!)}`,
          });
        }
      });
    }
    if (use.format && (op.key === 'equalTo' || op.key === 'notEquals')) {
      const format = use.format;
      values.forEach((value, k) => {
        if (!isUnresolved(value) && !format.pattern.test(value)) {
          problems.push({
            id: 'SelectorFieldFormat',
            property: `${property}.${op.key}[${k}]`,
            value,
            rule: `${fs.field} values are ${format.description} (${use.source})`,
            fix: `use the full ${fs.field}, or startsWith for a part of it`,
          });
        }
      });
    }
    if (use.singleValue && op.key === 'equalTo' && values.length > 1) {
      problems.push({
        id: 'SelectorFieldSingleValue',
        property: `${property}.${op.key}`,
        value: values,
        rule: `${fs.field} in ${category} selectors takes exactly one value (${use.source})`,
        fix: `add one selector per ${fs.field} value`,
      });
    }
  }
  return problems;
}

function missingFieldProblems(fieldSelectors: AdvancedFieldSelector[], property: string, category: EventCategory,
  target: SelectorTarget): Problem[] {
  const problems: Problem[] = [];
  for (const field of requiredFields(category, target)) {
    const count = fieldSelectors.filter(fs => fs.field === field).length;
    if (count === 0) {
      problems.push({
        id: 'RequiredFieldSelector',
        property: `${property}.fieldSelectors`,
        rule: `${category} selectors need a ${field} field selector (${FIELD_DOC}, ${field})`,
        fix: `add { field: '${field}', equalTo: [...] }`,
      });
    } else if (count > 1) {
      problems.push({
        id: 'RequiredFieldSelector',
        property: `${property}.fieldSelectors`,
        rule: `a selector has only one ${field} field selector, this one has ${count} (${FIELD_DOC}, ${field})`,
        fix: `add one selector per ${field}`,
      });
    }
  }
  return problems;
}

/** resources.type must be a known (or declared) type, and Equals/NotEquals ARNs must have its format. */
function resourceProblems(fieldSelectors: AdvancedFieldSelector[], property: string, context: SelectorContext): Problem[] {
  const typeIndex = fieldSelectors.findIndex(fs => fs.field === 'resources.type');
  const typeValues = typeIndex >= 0 ? fieldSelectors[typeIndex].equalTo : undefined;
  const typeValue = typeValues?.[0];
  if (typeValue === undefined || isUnresolved(typeValues) || isUnresolved(typeValue)) {
    return [];
  }
  const type = findDataResourceType(typeValue) ?? context.declaredTypes.find(t => t.value === typeValue);
  if (!type) {
    const known = DataResourceType.all().map(t => t.value);
    const suggestion = closestMatch(typeValue, known);
    return [{
      id: 'ResourceTypeKnown',
      property: `${property}.fieldSelectors[${typeIndex}].equalTo[0]`,
      value: typeValue,
      rule: `resources.type is not a data resource type this library knows (${FIELD_DOC}, resources.type)`,
      fix: suggestion
        ? `did you mean '${suggestion}'?`
        : `use a DataResourceType constant; for a type newer than this library, declare it with DataResourceType.of('${typeValue}')`,
    }];
  }
  if (type.arnFormats.length === 0) {
    return [];
  }
  const problems: Problem[] = [];
  fieldSelectors.forEach((fs, j) => {
    if (fs.field !== 'resources.ARN') {
      return;
    }
    for (const key of ['equalTo', 'notEquals'] as const) {
      const values = fs[key];
      if (values === undefined || isUnresolved(values)) {
        continue;
      }
      values.forEach((arn, k) => {
        if (!isUnresolved(arn) && !isListToken(arn) && !matchesArnFormat(type, arn)) {
          problems.push({
            id: 'ResourceArnFormat',
            property: `${property}.fieldSelectors[${j}].${key}[${k}]`,
            value: arn,
            rule: `with ${key === 'equalTo' ? 'Equals' : 'NotEquals'}, a ${type.value} ARN must have the form ${type.arnFormats.join(' or ')} (${FIELD_DOC}, resources.ARN)`,
            fix: arnFormatFix(type, arn),
          });
        }
      });
    }
  });
  return problems;
}

/** The fix for an ARN without the type's format: the selector of the ARN's real type when it has another type's format. */
function arnFormatFix(type: DataResourceType, arn: string): string {
  const actual = DataResourceType.all().find(other => other !== type && other.arnFormats.length > 0 && matchesArnFormat(other, arn));
  if (actual) {
    return `this is an ${actual.value} ARN: log it with ${builderCall(actual)}, or in a selector whose resources.type is ${actual.value}`;
  }
  return type === DataResourceType.S3_OBJECT
    ? "use startsWith with the bucket ARN and a trailing '/' to log every object of a bucket"
    : 'use the full resource ARN, or startsWith for a prefix';
}

/** The DataEventSelectors call that logs a type's data events. */
function builderCall(type: DataResourceType): string {
  switch (type) {
    case DataResourceType.S3_OBJECT: return 'addS3Objects';
    case DataResourceType.LAMBDA_FUNCTION: return 'addLambdaFunctions';
    case DataResourceType.DYNAMODB_TABLE: return 'addDynamoDbTables';
    default: {
      const constant = Object.keys(DataResourceType).find(key => (DataResourceType as unknown as Record<string, unknown>)[key] === type);
      return `addDataEvents(${constant ? `DataResourceType.${constant}` : `DataResourceType.of('${type.value}')`})`;
    }
  }
}

/**
 * What deserves a warning in the selectors, not an error: values outside a documented set that grows (CloudTrail may
 * have added them after this release), and an S3 bucket ARN as a prefix without its trailing '/'.
 */
export function advancedSelectorWarnings(selectors: PlacedSelector[], context: SelectorContext): Problem[] {
  return selectors.flatMap(({ selector, property }) => {
    const category = categoryOf(selector.fieldSelectors, property, context.target, []);
    if (category === undefined) {
      return [];
    }
    const warnings: Problem[] = [];
    selector.fieldSelectors.forEach((fs, j) => {
      const use = fieldUse(fs.field, category, context.target);
      if (use?.knownValues) {
        warnings.push(...uncheckedValueWarnings(fs, `${property}.fieldSelectors[${j}]`, category, use.knownValues, use.source));
      }
      if (fs.field === 'resources.ARN' && category === EventCategory.DATA
        && fieldValues(selector, 'resources.type', [OPERATORS[0]]).includes(DataResourceType.S3_OBJECT.value)) {
        warnings.push(...bucketPrefixWarnings(fs, `${property}.fieldSelectors[${j}]`));
      }
    });
    return warnings;
  });
}

function uncheckedValueWarnings(fs: AdvancedFieldSelector, property: string, category: EventCategory, known: string[],
  source: string): Problem[] {
  const warnings: Problem[] = [];
  for (const key of ['equalTo', 'notEquals'] as const) {
    const values = fs[key];
    if (values === undefined || isUnresolved(values)) {
      continue;
    }
    values.forEach((value, k) => {
      if (!isUnresolved(value) && !isListToken(value) && !known.includes(value)) {
        // Service names are short: 'sqs' is two edits from 'kms', so event sources get a suggestion only for a missing suffix or case
        const suggestion = fs.field === 'eventSource'
          ? known.find(candidate => candidate.toLowerCase() === value.toLowerCase() || candidate === `${value}.amazonaws.com`)
          : closestMatch(value, known);
        warnings.push({
          id: 'UncheckedFieldValue',
          property: `${property}.${key}[${k}]`,
          value,
          rule: `${fs.field} in ${category} selectors is not one of the values documented when this library was released, ${quoteList(known)}; `
            + `CloudTrail rejects the selector unless the value is newer (${source})`,
          fix: suggestion
            ? `did you mean '${suggestion}'? If the value is newer than this library, acknowledge the warning`
            : 'check the value in the CloudTrail User Guide, then acknowledge the warning',
        });
      }
    });
  }
  return warnings;
}

/** A bucket ARN without its trailing '/' as a prefix also matches every bucket whose name starts with that name. */
function bucketPrefixWarnings(fs: AdvancedFieldSelector, property: string): Problem[] {
  const warnings: Problem[] = [];
  for (const key of ['startsWith', 'notStartsWith'] as const) {
    const values = fs[key];
    if (values === undefined || isUnresolved(values)) {
      continue;
    }
    values.forEach((value, k) => {
      if (!isUnresolved(value) && BUCKET_ARN.test(value)) {
        const bucket = value.slice(value.lastIndexOf(':') + 1);
        warnings.push({
          id: 'BucketPrefixTrailingSlash',
          property: `${property}.${key}[${k}]`,
          value,
          rule: `a bucket ARN without a trailing '/' ${key === 'startsWith' ? 'also logs' : 'also leaves out'} the objects of every other bucket `
            + `whose name starts with '${bucket}', such as '${bucket}-archive' (AdvancedFieldSelector Field, resources.ARN)`,
          fix: `end the prefix with '/': '${value}/'`,
        });
      }
    });
  }
  return warnings;
}

// arn:<partition>:s3:::<bucket_name>, the ARN of a general purpose bucket (Service Authorization Reference, Amazon S3)
const BUCKET_ARN = /^arn:[a-z-]+:s3:::[^/:]+$/;

function listProblems(selectors: PlacedSelector[], target: SelectorTarget): Problem[] {
  const problems: Problem[] = [];
  const property = 'dataEvents';
  const totalValues = selectors.reduce((sum, placed) => sum + valueCount(placed.selector), 0);
  if (totalValues > MAX_ADVANCED_SELECTOR_VALUES) {
    problems.push({
      id: 'SelectorValuesQuota',
      property,
      rule: `${totalValues} values across all conditions of all advanced event selectors; ${TARGET_LABEL[target]} takes at most ${MAX_ADVANCED_SELECTOR_VALUES} (CloudTrail quotas)`,
      fix: 'cover many resources with one startsWith prefix, or log fewer resources',
    });
  }
  const rendered = selectors.map(placed => JSON.stringify(placed.selector));
  rendered.forEach((text, i) => {
    const first = rendered.indexOf(text);
    if (first < i) {
      problems.push({
        id: 'SelectorsUnique',
        property: selectors[i].property,
        rule: 'repeats an earlier selector exactly (CloudFormation AdvancedEventSelectors schema: unique items)',
        fix: 'remove the repeated selector',
      });
    }
  });
  // A selector that excludes resources (NotEquals, NotStartsWith, NotEndsWith) logs all the others, and the quota does
  // not apply where all resources are logged: only the resources a selector names count.
  const dataResources = selectors
    .filter(placed => fieldValues(placed.selector, 'eventCategory').includes(EventCategory.DATA))
    .reduce((sum, placed) => sum + fieldValues(placed.selector, 'resources.ARN', NAMING_OPERATORS).length, 0);
  if (dataResources > MAX_DATA_RESOURCES) {
    problems.push({
      id: 'DataResourcesQuota',
      property,
      rule: `${dataResources} data resources (resources.ARN values with Equals, StartsWith or EndsWith) across the selectors; at most `
        + `${MAX_DATA_RESOURCES} unless all resources of a type are logged, exclusions not counted (CloudTrail quotas: the global quotas `
        + 'page keeps 250 for advanced selectors, newer Regional pages list only the 500-values limit)',
      fix: 'log all resources of the type, or group resources under shared startsWith prefixes',
    });
  }
  if (target === 'eventDataStore') {
    if (selectors.length > MAX_EVENT_DATA_STORE_SELECTORS) {
      problems.push({
        id: 'SelectorCount',
        property,
        rule: `${selectors.length} advanced event selectors, counting the management-events selector; an event data store takes at most ${MAX_EVENT_DATA_STORE_SELECTORS} (CreateEventDataStore AdvancedEventSelectors)`,
        fix: 'merge selectors of the same resource type, or use a second event data store',
      });
    }
    const kinds = new Set(selectors.flatMap(placed => fieldValues(placed.selector, 'eventCategory'))
      .filter(value => !isUnresolved(value))
      .map(value => (CLOUDTRAIL_EVENT_CATEGORIES as string[]).includes(value) ? 'CloudTrail events' : value));
    if (kinds.size > 1) {
      problems.push({
        id: 'EventDataStoreEventKind',
        property,
        value: [...kinds],
        rule: 'an event data store holds one kind of event: CloudTrail events (Management, Data, NetworkActivity), or only one of Insight, ConfigurationItem, Evidence, ActivityAuditLog (CreateEventDataStore)',
        fix: 'use one event data store per kind',
      });
    }
  }
  return problems;
}

/** How many values a selector's conditions hold, as the 500-value quota counts them. */
export function valueCount(selector: AdvancedEventSelector): number {
  let count = 0;
  for (const fs of selector.fieldSelectors) {
    for (const op of OPERATORS) {
      count += fs[op.key]?.length ?? 0;
    }
  }
  return count;
}

/** The operators that name what a selector logs, as opposed to what it leaves out. */
const NAMING_OPERATORS = OPERATORS.filter(op => !op.key.startsWith('not'));

/** All values of one field's conditions in a selector, with the given operators (by default all). */
function fieldValues(selector: AdvancedEventSelector, field: string, operators = OPERATORS): string[] {
  return selector.fieldSelectors
    .filter(fs => fs.field === field)
    .flatMap(fs => operators.flatMap(op => fs[op.key] ?? []));
}

/** Whether a list element is the encoding of a list token (what `Token.asList` and `valueAsList` return). */
function isListToken(value: string): boolean {
  return Tokenization.reverseList([value]) !== undefined;
}
