import { Errors, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnEventDataStore, CfnTrail, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { formatProblem } from '../../src/core/problems';
import { matchesArnFormat } from '../../src/selectors/arn-format';
import { DataEventSelectors, DataEventOptions } from '../../src/selectors/data-event-selectors';
import { DataResourceType } from '../../src/selectors/data-resource-type';
import { EventCategory, KNOWN_FIELDS, OPERATORS, SelectorTarget } from '../../src/selectors/field-rules';
import { AdvancedEventSelector, AdvancedFieldSelector, FieldConditions } from '../../src/selectors/field-selector';
import { renderSelector, selectorSetProblems } from '../../src/selectors/selector-binding';
import { testStack } from '../util';

const TARGETS: SelectorTarget[] = ['trail', 'eventDataStore'];
const OPERATOR_KEYS = OPERATORS.map(op => op.key);

// ---------------------------------------------------------------------------------------------------
// Valid selector sets

const safeName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,30}$/);
const resourceName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const account = fc.stringMatching(/^\d{12}$/);
const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/);
const partitionAndRegion = fc.constantFrom(
  { partition: 'aws', region: 'us-east-1' },
  { partition: 'aws', region: 'eu-west-2' },
  { partition: 'aws-cn', region: 'cn-north-1' },
  { partition: 'aws-us-gov', region: 'us-gov-west-1' },
);

/** Conditions of one or two operators, each with 1 to 5 safe values. */
const conditions: fc.Arbitrary<FieldConditions> = fc.uniqueArray(
  fc.record({ key: fc.constantFrom(...OPERATOR_KEYS), values: fc.uniqueArray(safeName, { minLength: 1, maxLength: 5 }) }),
  { minLength: 1, maxLength: 2, selector: entry => entry.key },
).map(entries => Object.fromEntries(entries.map(entry => [entry.key, entry.values])));

const options: fc.Arbitrary<DataEventOptions> = fc.record({
  // min 1: an empty name passes the API model (min 0) but not CloudFormation's schema (reported)
  name: fc.string({ minLength: 1, maxLength: 60 }),
  readWriteType: fc.constantFrom(ReadWriteType.ALL, ReadWriteType.READ_ONLY, ReadWriteType.WRITE_ONLY),
  eventNames: conditions,
  userIdentityArns: fc.record({ startsWith: fc.uniqueArray(account.map(id => `arn:aws:iam::${id}:role/`), { minLength: 1, maxLength: 2 }) }),
}, { requiredKeys: [] });

/** An ARN of one of the type's formats, with every placeholder filled in at random. */
function arnOf(type: DataResourceType): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...type.arnFormats), partitionAndRegion, account, fc.array(resourceName, { minLength: 8, maxLength: 8 }))
    .map(([format, { partition, region }, accountId, names]) => {
      let next = 0;
      return format.replace(/<([A-Za-z_]+)>/g, (_, placeholder: string) => {
        switch (placeholder) {
          case 'partition': return partition;
          case 'region': return region;
          case 'account_ID': return accountId;
          default: return names[next++];
        }
      });
    });
}

const FORMATTED_TYPES = DataResourceType.all().filter(type => type.arnFormats.length > 0);

type BuilderCall =
  | { readonly kind: 's3'; readonly options: DataEventOptions; readonly buckets: string[]; readonly objectPrefix?: string }
  | { readonly kind: 'lambda'; readonly options: DataEventOptions; readonly arns: string[] }
  | { readonly kind: 'dynamodb'; readonly options: DataEventOptions; readonly arns: string[] }
  | { readonly kind: 'data'; readonly type: DataResourceType; readonly options: DataEventOptions; readonly arns: string[] };

const builderCall: fc.Arbitrary<BuilderCall> = fc.oneof(
  fc.record({
    kind: fc.constant('s3' as const),
    options,
    buckets: fc.uniqueArray(bucketName, { maxLength: 3 }),
    objectPrefix: fc.option(fc.stringMatching(/^[a-z0-9/]{1,20}$/), { nil: undefined }),
  }).map(call => (call.buckets.length > 0 ? call : { ...call, objectPrefix: undefined })),
  fc.record({ kind: fc.constant('lambda' as const), options, arns: fc.uniqueArray(arnOf(DataResourceType.LAMBDA_FUNCTION), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('dynamodb' as const), options, arns: fc.uniqueArray(arnOf(DataResourceType.DYNAMODB_TABLE), { maxLength: 3 }) }),
  fc.constantFrom(...DataResourceType.all()).chain(type => fc.record({
    kind: fc.constant('data' as const),
    type: fc.constant(type),
    options,
    arns: type.arnFormats.length > 0 ? fc.uniqueArray(arnOf(type), { maxLength: 3 }) : fc.constant<string[]>([]),
  })),
);

/** Makes the builder calls; resources are imported by ARN so every ARN is known at synth. */
function build(stack: Stack, calls: BuilderCall[]): DataEventSelectors {
  const selectors = new DataEventSelectors();
  calls.forEach((call, i) => {
    switch (call.kind) {
      case 's3':
        selectors.addS3Objects({
          ...call.options,
          buckets: call.buckets.length > 0
            ? call.buckets.map((name, j) => s3.Bucket.fromBucketArn(stack, `Bucket${i}-${j}`, `arn:aws:s3:::${name}`))
            : undefined,
          objectPrefix: call.objectPrefix,
        });
        break;
      case 'lambda':
        selectors.addLambdaFunctions({
          ...call.options,
          functions: call.arns.length > 0 ? call.arns.map((arn, j) => lambda.Function.fromFunctionArn(stack, `Function${i}-${j}`, arn)) : undefined,
        });
        break;
      case 'dynamodb':
        selectors.addDynamoDbTables({
          ...call.options,
          tables: call.arns.length > 0 ? call.arns.map((arn, j) => dynamodb.Table.fromTableArn(stack, `Table${i}-${j}`, arn)) : undefined,
        });
        break;
      case 'data':
        selectors.addDataEvents(call.type, { ...call.options, resourceArns: call.arns.length > 0 ? { equalTo: call.arns } : undefined });
        break;
    }
  });
  return selectors;
}

/** Builder calls for a target: an event data store takes 5 selectors, one of them for management events. */
function callsFor(target: SelectorTarget): fc.Arbitrary<BuilderCall[]> {
  return fc.array(builderCall, { minLength: 1, maxLength: target === 'trail' ? 8 : 4 });
}

function fieldNames(selector: AdvancedEventSelector): string[] {
  return selector.fieldSelectors.map(fs => fs.field);
}

describe.each(TARGETS)('valid selector sets (%s)', target => {
  test('have no problems and render with the same field names', () => {
    fc.assert(fc.property(callsFor(target), calls => {
      const dataEvents = build(new Stack(), calls);
      expect(selectorSetProblems({ target, dataEvents }).map(formatProblem)).toEqual([]);

      const selectors = dataEvents._selectors();
      const rendered = dataEvents.advancedEventSelectors;
      expect(rendered).toHaveLength(calls.length);
      selectors.forEach((selector, i) => {
        expect(renderSelector(selector)).toStrictEqual(rendered[i]);
        expect(fieldNames(rendered[i])).toEqual(fieldNames(selector));
        expect(fieldNames(rendered[i]).slice(0, 2)).toEqual(['eventCategory', 'resources.type']);
        // no undefined members: the rendered selector survives a JSON round trip unchanged
        expect(JSON.parse(JSON.stringify(rendered[i]))).toStrictEqual(rendered[i]);
      });
    }), { seed: 1, numRuns: 300 });
  });

  test('synthesize to the same selectors after the management selector', () => {
    fc.assert(fc.property(callsFor(target), calls => {
      const stack = testStack();
      const dataEvents = build(stack, calls);
      if (target === 'trail') {
        dataEvents.applyToCfnTrail(new CfnTrail(stack, 'Target', { isLogging: true, s3BucketName: 'audit-logs' }));
      } else {
        dataEvents.applyToCfnEventDataStore(new CfnEventDataStore(stack, 'Target', {}));
      }
      const resourceType = target === 'trail' ? 'AWS::CloudTrail::Trail' : 'AWS::CloudTrail::EventDataStore';
      const synthesized = Template.fromStack(stack).findResources(resourceType).Target.Properties.AdvancedEventSelectors;
      expect(synthesized).toHaveLength(calls.length + 1);
      expect(synthesized[0].FieldSelectors[0]).toEqual({ Field: 'eventCategory', Equals: ['Management'] });
      expect(synthesized.slice(1).map((selector: { FieldSelectors: Array<{ Field: string }> }) => selector.FieldSelectors.map(fs => fs.Field)))
        .toEqual(dataEvents.advancedEventSelectors.map(fieldNames));
    }), { seed: 2, numRuns: 15 });
  });
});

// ---------------------------------------------------------------------------------------------------
// Single-rule violations

type Mutation =
  | { readonly kind: 'removeCategory' }
  | { readonly kind: 'forbiddenOperator'; readonly field: string; readonly key: keyof FieldConditions }
  | { readonly kind: 'readOnlyValue'; readonly value: string }
  | { readonly kind: 'unknownField'; readonly field: string }
  | { readonly kind: 'emptyList'; readonly index: number }
  | { readonly kind: 'longValue'; readonly index: number; readonly length: number }
  | { readonly kind: 'badArn'; readonly key: 'equalTo' | 'notEquals'; readonly arn: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'removeCategory' as const }),
  fc.record({
    kind: fc.constant('forbiddenOperator' as const),
    field: fc.constantFrom('eventCategory', 'resources.type', 'readOnly'),
    key: fc.constantFrom(...OPERATOR_KEYS.filter(key => key !== 'equalTo')),
  }),
  fc.record({ kind: fc.constant('readOnlyValue' as const), value: fc.string({ minLength: 1, maxLength: 20 }).filter(v => v !== 'true' && v !== 'false') }),
  fc.record({ kind: fc.constant('unknownField' as const), field: fc.stringMatching(/^[A-Za-z_][\w.]{0,29}$/).filter(f => !KNOWN_FIELDS.includes(f)) }),
  fc.record({ kind: fc.constant('emptyList' as const), index: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('longValue' as const), index: fc.integer({ min: 0, max: 3 }), length: fc.integer({ min: 2049, max: 5000 }) }),
  fc.record({ kind: fc.constant('badArn' as const), key: fc.constantFrom('equalTo' as const, 'notEquals' as const), arn: fc.string({ minLength: 1, maxLength: 80 }) }),
);

/** A valid selector with fields eventCategory, resources.type, readOnly and eventName, in that order. */
const baseSelector = fc.record({
  type: fc.constantFrom(...FORMATTED_TYPES),
  readWriteType: fc.constantFrom(ReadWriteType.READ_ONLY, ReadWriteType.WRITE_ONLY),
  eventNames: fc.uniqueArray(safeName, { minLength: 1, maxLength: 5 }),
}).map(({ type, readWriteType, eventNames }) => ({
  type,
  selector: new DataEventSelectors().addDataEvents(type, { readWriteType, eventNames: { equalTo: eventNames } })._selectors()[0],
}));

/** The mutated selector, and the texts one problem must contain: where it is and what it is about. */
function mutate(type: DataResourceType, selector: AdvancedEventSelector, m: Mutation): { selector: AdvancedEventSelector; mentions: string[] } {
  const fieldSelectors: AdvancedFieldSelector[] = selector.fieldSelectors.map(fs => ({ ...fs }));
  const at = (j: number): string => `dataEvents[0].fieldSelectors[${j}]`;
  switch (m.kind) {
    case 'removeCategory':
      return { selector: { fieldSelectors: fieldSelectors.slice(1) }, mentions: ['dataEvents[0].fieldSelectors:', 'eventCategory'] };
    case 'forbiddenOperator': {
      const j = fieldSelectors.findIndex(fs => fs.field === m.field);
      fieldSelectors[j] = { field: m.field, [m.key]: fieldSelectors[j].equalTo };
      return { selector: { fieldSelectors }, mentions: [`${at(j)}.${m.key}`, m.field] };
    }
    case 'readOnlyValue':
      fieldSelectors[2] = { field: 'readOnly', equalTo: [m.value] };
      return { selector: { fieldSelectors }, mentions: [`${at(2)}.equalTo[0]`, 'readOnly'] };
    case 'unknownField':
      fieldSelectors.push({ field: m.field, equalTo: ['x'] });
      return { selector: { fieldSelectors }, mentions: [`${at(4)}.field ${JSON.stringify(m.field)}`, 'is not a field advanced event selectors know'] };
    case 'emptyList':
      fieldSelectors[m.index] = { field: fieldSelectors[m.index].field, equalTo: [] };
      return { selector: { fieldSelectors }, mentions: [`${at(m.index)}.equalTo []`, `an operator of "${fieldSelectors[m.index].field}" needs at least one value`] };
    case 'longValue':
      fieldSelectors[m.index] = { field: fieldSelectors[m.index].field, equalTo: ['v'.repeat(m.length)] };
      return { selector: { fieldSelectors }, mentions: [`${at(m.index)}.equalTo[0]`, `must be 1 to 2048 characters long, got ${m.length}`] };
    case 'badArn':
      fieldSelectors.push({ field: 'resources.ARN', [m.key]: [m.arn] });
      return { selector: { fieldSelectors }, mentions: [`${at(4)}.${m.key}[0]`, `a ${type.value} ARN must have the form`, 'resources.ARN'] };
  }
}

describe.each(TARGETS)('single-rule violations (%s)', target => {
  test('the unmutated selectors are valid', () => {
    fc.assert(fc.property(baseSelector, ({ selector }) => {
      const dataEvents = DataEventSelectors.fromAdvancedEventSelectors([selector]);
      expect(selectorSetProblems({ target, dataEvents })).toEqual([]);
    }), { seed: 3, numRuns: 100 });
  });

  test('are rejected with a problem that names the affected field', () => {
    fc.assert(fc.property(baseSelector, mutation, ({ type, selector }, m) => {
      fc.pre(m.kind !== 'badArn' || !matchesArnFormat(type, m.arn));
      const mutated = mutate(type, selector, m);
      const texts = selectorSetProblems({ target, dataEvents: DataEventSelectors.fromAdvancedEventSelectors([mutated.selector]) })
        .map(formatProblem);
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.filter(text => mutated.mentions.every(mention => text.includes(mention)))).not.toEqual([]);
    }), { seed: 4, numRuns: 300 });
  });
});

// ---------------------------------------------------------------------------------------------------
// Well-typed but wrong selectors

/** The error a function throws, or undefined. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e;
  }
}

/** Applies the raw selectors to a new L1 resource and synthesizes it; fails unless it works or throws a ValidationError. */
function expectOnlyValidationErrors(raw: AdvancedEventSelector[], target: SelectorTarget): void {
  const stack = testStack();
  const error = thrownBy(() => {
    const dataEvents = DataEventSelectors.fromAdvancedEventSelectors(raw);
    if (target === 'trail') {
      dataEvents.applyToCfnTrail(new CfnTrail(stack, 'Target', { isLogging: true, s3BucketName: 'audit-logs' }));
    } else {
      dataEvents.applyToCfnEventDataStore(new CfnEventDataStore(stack, 'Target', {}));
    }
    Template.fromStack(stack);
  });
  if (error !== undefined && !Errors.isValidationError(error)) {
    throw new Error(`expected success or a ValidationError, got: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

const CATEGORY_VALUES = Object.values(EventCategory) as string[];
const plausibleString = fc.oneof(
  fc.constantFrom(...CATEGORY_VALUES, 'AWS::S3::Object', 'AWS::AppSync::GraphQLApi', 'true', 'false', 's3.amazonaws.com',
    'arn:aws:s3:::bucket/', 'VpceAccessDenied', '', '\n'),
  fc.string({ maxLength: 30 }),
);
/** Operator values: empty lists, empty strings, duplicates, any text. */
const wrongValues = fc.array(plausibleString, { maxLength: 4 });

/** Field selectors with known or any field names, and any operators, none included. */
const wrongFieldSelector: fc.Arbitrary<AdvancedFieldSelector> = fc.record({
  field: fc.oneof(fc.constantFrom(...KNOWN_FIELDS), fc.string({ maxLength: 20 })),
  equalTo: wrongValues,
  notEquals: wrongValues,
  startsWith: wrongValues,
  notStartsWith: wrongValues,
  endsWith: wrongValues,
  notEndsWith: wrongValues,
}, { requiredKeys: ['field'] });

const wrongSelector: fc.Arbitrary<AdvancedEventSelector> = fc.record({
  name: fc.string({ maxLength: 20 }),
  fieldSelectors: fc.array(wrongFieldSelector, { maxLength: 5 }),
}, { requiredKeys: ['fieldSelectors'] });

describe('well-typed but wrong selectors', () => {
  test.each(TARGETS)('success or a ValidationError (%s)', target => {
    fc.assert(fc.property(fc.array(wrongSelector, { maxLength: 6 }), raw => expectOnlyValidationErrors(raw, target)),
      { seed: 7, numRuns: 200 });
  });
});
