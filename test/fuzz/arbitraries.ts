import { Aws, CfnParameter, Duration, Fn, Lazy, Stack } from 'aws-cdk-lib';
import { ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import * as fc from 'fast-check';
import {
  DataEventOptions, DataEventSelectors, DataResourceType, EventDataStoreKind, IEventDataStore, LakeEventDataStore, NetworkActivityErrorCode,
  NetworkActivityEventSource,
} from '../../src';
import { KNOWN_FIELDS, OPERATORS } from '../../src/selectors/field-rules';
import { AdvancedEventSelector, FieldConditions } from '../../src/selectors/field-selector';

// ---------------------------------------------------------------------------------------------------
// Values that need the stack they are used in

/**
 * A prop value made in the stack under test: constructs (buckets, keys, stores) and CloudFormation
 * parameters belong to one stack, and every trial has a fresh one. It prints as its label, so a
 * counterexample reads as the input that was given.
 */
export interface Make<T> {
  (stack: Stack): T;
}

export function make<T>(text: string, build: (stack: Stack) => T): Make<T> {
  return Object.assign((stack: Stack) => build(stack), { [fc.toStringMethod]: () => text, toString: () => text });
}

export function just<T>(value: T): Make<T> {
  return make(fc.stringify(value), () => value);
}

export function constantly<T>(value: T): fc.Arbitrary<Make<T>> {
  return fc.constant(just(value));
}

export function lift<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Make<T>> {
  return arbitrary.map(just);
}

function label(value: unknown): string {
  return fc.stringify(value);
}

/** An id that no child of the scope has yet, so that any number of made values can share a stack. */
export function uniqueId(scope: IConstruct, base: string): string {
  let n = 0;
  while (scope.node.tryFindChild(`${base}${n}`)) {
    n++;
  }
  return `${base}${n}`;
}

// ---------------------------------------------------------------------------------------------------
// Strings

const NASTY_STRINGS = [
  '', ' ', '  padded  ', '\t', '\n', 'line\nbreak', '\r\n', '\u0000', 'nul\u0000inside',
  '\u200b', 'zero\u200bwidth', '\u200d', '\ufeffbom', '\u202eright-to-left', '\u05e9\u05dc\u05d5\u05dd', '\u0645\u0631\u062d\u0628\u0627',
  '🔥', '👩‍👩‍👧‍👦', 'e\u0301', 'ǅ', 'İstanbul', 'straße', '\ud800', '\udfff', '\uffff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/', 'arn:aws:iam::111111111111:role/*', 'arn:aws:cloudtrail:us-east-1:111111111111:trail/t',
  'arn:', 'arn:aws', '*', '?', '%', '%s%n%x', '\\', '/', '//', '../../etc/passwd', 's3://bucket/key',
  "'; DROP TABLE events; --", '" OR 1=1 --', '<script>alert(1)</script>', '{{resolve:ssm:/param}}', '${Token[',
  '#{AWS::Region}', '{"Ref":"AWS::AccountId"}', 'null', 'undefined', 'NaN', 'true', 'false', '0', '-1', '1e309',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '192.168.5.4', 'o-', 'AWSLogs/', 'SELECT', 'select 1',
];

/**
 * Strings chosen to break parsers, regular expressions, length counts and message formatting. Left out:
 * '${AWS::…}' outside Fn::Sub, which CloudFormation takes literally but aws-cdk-lib's validation (cfn-lint
 * E1029) reports as an error in any string, and strings shaped like a token ('${Token[TOKEN.1]}'), which
 * aws-cdk-lib resolves as one; neither is a rule of this library.
 */
export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('a', '-', 'é', '🔥', '\u200b', 'ab'), fc.integer({ min: 100, max: 20_000 }))
      .map(([unit, count]) => unit.repeat(count)),
  },
);

/**
 * A valid string changed in one small way: the inputs that sit just outside a rule (one character too
 * many, a separator doubled, a letter in the wrong case, a space at the end).
 */
export function nearValid(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const insertion = fc.constantFrom(' ', '-', '.', '_', '/', ':', 'é', '🔥', '\u200b', '\u0000', 'A', '0', '--', '..');
  return fc.tuple(valid, fc.nat(), insertion, fc.integer({ min: 0, max: 7 })).map(([value, at, extra, how]) => {
    const i = value.length === 0 ? 0 : at % (value.length + 1);
    switch (how) {
      case 0: return value.slice(0, i) + extra + value.slice(i);
      case 1: return value.slice(0, i) + value.slice(i + 1);
      case 2: return value.slice(0, i) + value.charAt(i) + value.slice(i);
      case 3: return value.toUpperCase();
      case 4: return ` ${value}`;
      case 5: return `${value} `;
      case 6: return value.slice(0, Math.min(value.length, 2));
      default: return value + value.charAt(value.length - 1).repeat(Math.max(1, 130 - value.length));
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Tokens

/**
 * A string token: a CloudFormation parameter, a pseudo parameter, a literal mixed with one, or a Lazy
 * that produces a value of `resolvesTo`. Library checks skip tokens, so a Lazy produces only values the
 * rules accept: what a token resolves to is the user's to get right, and aws-cdk-lib's own schema check
 * reports it otherwise.
 */
export function tokenString(resolvesTo: fc.Arbitrary<string>): fc.Arbitrary<Make<string>> {
  return fc.oneof(
    fc.constant(make('Aws.STACK_NAME', () => Aws.STACK_NAME)),
    fc.constant(make('CfnParameter(String).valueAsString', stack => new CfnParameter(stack, uniqueId(stack, 'Text'), { type: 'String' }).valueAsString)),
    fc.constant(make("Fn.join('-', [Aws.STACK_NAME, Aws.REGION])", () => Fn.join('-', [Aws.STACK_NAME, Aws.REGION]))),
    resolvesTo.map(value => make(`Lazy.string(${label(value)})`, () => Lazy.string({ produce: () => value }))),
  );
}

/**
 * A number token: a CloudFormation parameter. No Lazy, because numbers have no value valid for every prop
 * (see tokenString).
 */
const tokenNumber: fc.Arbitrary<Make<number>> = fc.constant(make('CfnParameter(Number).valueAsNumber',
  stack => new CfnParameter(stack, uniqueId(stack, 'Number'), { type: 'Number' }).valueAsNumber));

/** A list token: a CloudFormation list parameter, or a Lazy list of `elements`. */
function tokenList(elements: fc.Arbitrary<string[]>): fc.Arbitrary<Make<string[]>> {
  return fc.oneof(
    fc.constant(make('CfnParameter(CommaDelimitedList).valueAsList',
      stack => new CfnParameter(stack, uniqueId(stack, 'List'), { type: 'CommaDelimitedList' }).valueAsList)),
    elements.map(values => make(`Lazy.list(${label(values)})`, () => Lazy.list({ produce: () => values }))),
  );
}

// ---------------------------------------------------------------------------------------------------
// Other kinds of values

const DURATION_UNITS = ['millis', 'seconds', 'minutes', 'hours', 'days'] as const;

/** Durations in every unit: whole and fractional amounts, zero, huge, NaN, Infinity, and token amounts. */
export const anyDuration: fc.Arbitrary<Make<Duration>> = fc.oneof(
  fc.tuple(fc.constantFrom(...DURATION_UNITS), fc.oneof(
    fc.nat({ max: 100_000 }),
    fc.double({ min: 0, max: 10_000, noNaN: true }),
    fc.constantFrom(0, 0.5, 1e-9, 2 ** 53, 1e300, NaN, Infinity),
  )).map(([unit, amount]) => make(`Duration.${unit}(${amount})`, () => Duration[unit](amount))),
  tokenNumber.map(amount => make(`Duration.days(${label(amount)})`, stack => Duration.days(amount(stack)))),
);

/** Dates: any valid one, the edges of the Date range, the epoch, and invalid ones. */
export const anyDate: fc.Arbitrary<Make<Date>> = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(0)),
).map(date => make(`new Date(${Number.isNaN(date.getTime()) ? 'NaN' : JSON.stringify(date.toISOString())})`, () => new Date(date.getTime())));

/**
 * Any value at all, including ones that break String() and JSON.stringify: the values of unknown extra props,
 * which a construct must ignore.
 */
const anyValue: fc.Arbitrary<Make<unknown>> = fc.oneof(
  { weight: 3, arbitrary: lift(fc.anything({ maxDepth: 2 })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<[string, () => unknown]>(
      ['null', () => null], ['NaN', () => NaN], ['-Infinity', () => -Infinity], ['10n', () => BigInt(10)],
    ["Symbol('x')", () => Symbol('x')], ['Object.create(null)', () => Object.create(null)], ['() => 1', () => () => 1],
    ).map(([text, value]) => make(text, value)),
  },
);

/** A long list of values from a small pool, each made distinct by its index. */
export function hugeList(pool: fc.Arbitrary<string>, min: number, max: number): fc.Arbitrary<string[]> {
  return fc.tuple(fc.integer({ min, max }), fc.array(pool, { minLength: 1, maxLength: 4 }))
    .map(([length, values]) => Array.from({ length }, (_, i) => `${values[i % values.length]}${i}`));
}

// ---------------------------------------------------------------------------------------------------
// Props objects

/** Props whose values are still to be made in a stack. */
export type MadeProps = Record<string, Make<unknown>>;

/** Valid props: each optional prop present about half the time, each required one always. */
export function validRecord(valid: Record<string, fc.Arbitrary<Make<unknown>>>, required: string[] = []): fc.Arbitrary<MadeProps> {
  return fc.record(valid, { requiredKeys: required });
}

/** Several groups of props in one object; a group holds props whose valid values depend on each other. */
export function merged(...groups: Array<fc.Arbitrary<MadeProps>>): fc.Arbitrary<MadeProps> {
  return fc.tuple(...groups).map(parts => Object.assign({}, ...parts));
}

const MISSING = make('(missing)', () => undefined);
const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', 'toJSON', 'then', 'hasOwnProperty', 'node'];

/** How propsOf corrupts props. */
export interface PropsOptions {
  /**
   * The props that may be left out.
   * @default every prop that has invalid values
   */
  readonly optional?: readonly string[];
}

/**
 * Props objects of the props' TypeScript type, biased towards valid ones: about half are valid, the others have
 * one to three props replaced by a value of the right type that breaks a rule, or an optional prop left out.
 * Values of the wrong type are not made: TypeScript and jsii reject them before a construct runs. Some props
 * objects also carry unknown extra props, which must change nothing: a props object with more keys than its
 * type is still of its type.
 *
 * @param valid valid props
 * @param invalid for each prop that has them, values of its type that it does not take
 */
export function propsOf(valid: fc.Arbitrary<MadeProps>,
  invalid: Record<string, fc.Arbitrary<Make<unknown>>>, options: PropsOptions = {}): fc.Arbitrary<Make<Record<string, unknown>>> {
  const optional = options.optional ?? Object.keys(invalid);
  const keys = [...new Set([...Object.keys(invalid), ...optional])];
  const replacement = (key: string): fc.Arbitrary<[string, Make<unknown>]> => {
    const values = invalid[key] && optional.includes(key)
      ? fc.oneof({ weight: 5, arbitrary: invalid[key] }, { weight: 1, arbitrary: fc.constant(MISSING) })
      : invalid[key] ?? fc.constant(MISSING);
    return values.map(value => [key, value]);
  };
  const corruption = fc.oneof(
    { weight: 1, arbitrary: fc.constant<Array<[string, Make<unknown>]>>([]) },
    {
      weight: 1,
      arbitrary: fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }).chain(chosen => fc.tuple(...chosen.map(replacement))),
    },
  );
  const extraKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 })).filter(key => !keys.includes(key));
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant<Array<[string, Make<unknown>]>>([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, anyValue), { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(valid, corruption, extras).map(([base, replaced, extra]) => {
    const entries = new Map<string, Make<unknown>>(Object.entries(base));
    for (const [key, value] of replaced) {
      if (value === MISSING) {
        entries.delete(key);
      } else {
        entries.set(key, value);
      }
    }
    for (const [key, value] of extra) {
      entries.set(key, value);
    }
    const shown = [...entries].map(([key, value]) => `${label(key)}: ${String(value)}`).join(', ');
    return make(`{ ${shown} }`, stack => {
      const props: Record<string, unknown> = {};
      for (const [key, value] of entries) {
        // defineProperty, so that keys such as __proto__ become own props like any other
        Object.defineProperty(props, key, { value: value(stack), enumerable: true, writable: true, configurable: true });
      }
      return props;
    });
  });
}

/** A value from the valid arbitrary or, less often, the invalid one: for parts of a valid-looking prop. */
export function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

// ---------------------------------------------------------------------------------------------------
// AWS values and resources

export const ACCOUNT = '111111111111';
export const REGION = 'us-east-1';

export const accountId = fc.stringMatching(/^\d{12}$/);
const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/).filter(name => !name.includes('--'));
const resourceName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,30}$/);
/** An event data store ID as CloudTrail makes them (a UUID). */
export const storeId = fc.uuid();

/** A bucket: created here (its name a token), or imported by a literal name or a token name. */
export const bucket: fc.Arbitrary<Make<s3.IBucket>> = fc.oneof(
  fc.constant(make('new s3.Bucket()', stack => new s3.Bucket(stack, uniqueId(stack, 'Bucket')))),
  bucketName.map(name => make(`s3.Bucket.fromBucketName(${label(name)})`, stack => s3.Bucket.fromBucketName(stack, uniqueId(stack, 'Bucket'), name))),
  fc.constant(make('s3.Bucket.fromBucketName(CfnParameter)', stack => s3.Bucket.fromBucketName(stack, uniqueId(stack, 'Bucket'),
    new CfnParameter(stack, uniqueId(stack, 'BucketName')).valueAsString))),
  fc.constant(make('new s3.Bucket({ encryptionKey })', stack => new s3.Bucket(stack, uniqueId(stack, 'Bucket'), {
    encryptionKey: new kms.Key(stack, uniqueId(stack, 'BucketKey')),
  }))),
);

/** A KMS key: created here, or imported by ARN. */
export const key: fc.Arbitrary<Make<kms.IKey>> = fc.oneof(
  fc.constant(make('new kms.Key()', stack => new kms.Key(stack, uniqueId(stack, 'Key'), { enableKeyRotation: true }))),
  fc.uuid().map(id => make(`kms.Key.fromKeyArn(${label(id)})`,
    stack => kms.Key.fromKeyArn(stack, uniqueId(stack, 'Key'), `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`))),
);

/** Any event data store a query or import can name: created here of any kind, or imported with or without a kind. */
export const eventDataStore: fc.Arbitrary<Make<IEventDataStore>> = fc.oneof(
  fc.constantFrom(...Object.values(EventDataStoreKind)).map(kind => make(`new LakeEventDataStore({ kind: ${label(kind)} })`,
    stack => new LakeEventDataStore(stack, uniqueId(stack, 'Store'), { kind }))),
  fc.tuple(storeId, fc.option(fc.constantFrom(...Object.values(EventDataStoreKind)), { nil: undefined })).map(([id, kind]) => make(
    `LakeEventDataStore.fromEventDataStoreAttributes(${label(id)}, ${label(kind)})`,
    stack => LakeEventDataStore.fromEventDataStoreAttributes(stack, uniqueId(stack, 'Store'), {
      eventDataStoreArn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/${id}`, kind,
    }))),
  fc.constant(make('LakeEventDataStore.fromEventDataStoreArn(CfnParameter)', stack => LakeEventDataStore.fromEventDataStoreArn(
    stack, uniqueId(stack, 'Store'), new CfnParameter(stack, uniqueId(stack, 'StoreArn')).valueAsString))),
);

/** Tags for `Tags.of(...)`: none, a few, up to 60 (the limit is 50), with valid or adversarial keys and values. */
export const tags: fc.Arbitrary<Array<[string, string]>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Array<[string, string]>>([]) },
  { weight: 3, arbitrary: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z][\w.:/=+@-]{0,40}$/), fc.string({ minLength: 1, maxLength: 60 })), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 45, max: 60 }).map(count => Array.from({ length: count }, (_, i): [string, string] => [`key${i}`, `value${i}`])) },
  {
    weight: 2,
    arbitrary: fc.array(fc.tuple(mostly(fc.string({ minLength: 1, maxLength: 20 }), adversarialString), adversarialString),
      { minLength: 1, maxLength: 3 }),
  },
);

/** Tags every CloudTrail resource takes: up to five, or exactly the 50 a resource takes at most. */
export const validTags: fc.Arbitrary<Array<[string, string]>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z][\w.:/=+@-]{0,40}$/).filter(k => !k.toLowerCase().startsWith('aws:')),
      fc.string({ minLength: 1, maxLength: 60 })), { maxLength: 5, selector: ([k]) => k }),
  },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 50 }, (_, i): [string, string] => [`key${i}`, `value${i}`])) },
);

// ---------------------------------------------------------------------------------------------------
// Data event selectors

const READ_WRITE_TYPES = [ReadWriteType.ALL, ReadWriteType.READ_ONLY, ReadWriteType.WRITE_ONLY];
const OPERATOR_KEYS = OPERATORS.map(op => op.key);
const eventName = fc.stringMatching(/^[A-Z][A-Za-z]{2,20}$/);
const roleArnPrefix = accountId.map(id => `arn:aws:iam::${id}:role/`);
const lambdaArn = fc.tuple(accountId, resourceName).map(([account, name]) => `arn:aws:lambda:${REGION}:${account}:function:${name}`);
const tableArn = fc.tuple(accountId, resourceName).map(([account, name]) => `arn:aws:dynamodb:${REGION}:${account}:table/${name}`);
const objectArn = fc.tuple(bucketName, fc.stringMatching(/^[a-z0-9/]{0,20}$/)).map(([name, path]) => `arn:aws:s3:::${name}/${path}`);

/**
 * The values of one operator: short lists and tokens; adversarially also empty, huge and nasty lists. A list token
 * stands for the whole list, so it is valid only where the builder adds no values of its own (`listTokens`).
 */
function operatorValues(values: fc.Arbitrary<string>, adversarial: boolean, listTokens = true): fc.Arbitrary<Make<string[]>> {
  const valid: Array<fc.WeightedArbitrary<Make<string[]>>> = [
    { weight: 8, arbitrary: lift(fc.uniqueArray(values, { minLength: 1, maxLength: 4 })) },
    ...(listTokens || adversarial ? [{ weight: 1, arbitrary: tokenList(fc.uniqueArray(values, { minLength: 1, maxLength: 3 })) }] : []),
    { weight: 1, arbitrary: tokenString(values).map(token => make(`[${String(token)}]`, stack => [token(stack)])) },
  ];
  return adversarial ? fc.oneof(...valid,
    { weight: 1, arbitrary: lift(fc.constant<string[]>([])) },
    { weight: 1, arbitrary: lift(hugeList(values, 200, 700)) },
    { weight: 3, arbitrary: lift(fc.array(adversarialString, { minLength: 1, maxLength: 3 })) },
  ) : fc.oneof(...valid);
}

/** Conditions on one field: one or two operators. */
function conditions(values: fc.Arbitrary<string>, adversarial: boolean, listTokens = true): fc.Arbitrary<Make<FieldConditions>> {
  return fc.uniqueArray(fc.tuple(fc.constantFrom(...OPERATOR_KEYS), operatorValues(values, adversarial, listTokens)),
    { minLength: 1, maxLength: 2, selector: ([operator]) => operator })
    .map(entries => madeRecord(Object.fromEntries(entries)) as Make<FieldConditions>);
}

/** Made props as one made object. */
export function madeRecord(made: MadeProps): Make<Record<string, unknown>> {
  return make(`{ ${Object.entries(made).map(([name, value]) => `${name}: ${String(value)}`).join(', ')} }`,
    stack => Object.fromEntries(Object.entries(made).map(([name, value]) => [name, value(stack)])));
}

/** How selectors are made: valid only, adversarial values of the right types, or also values of the wrong types. */
type SelectorInputs = 'valid' | 'adversarial';

function selectorOptions(inputs: SelectorInputs, resourceArns?: fc.Arbitrary<string>): fc.Arbitrary<Make<DataEventOptions>> {
  const valid = validRecord({
    name: lift(fc.string({ minLength: 1, maxLength: 100 })),
    readWriteType: lift(fc.constantFrom(...READ_WRITE_TYPES)),
    eventNames: conditions(eventName, false),
    userIdentityArns: conditions(roleArnPrefix, false),
    // the builder adds the ARNs of the buckets, functions or tables given to these conditions
    ...(resourceArns ? { resourceArns: conditions(resourceArns, false, false) } : {}),
  });
  const options = inputs !== 'valid' ? withWrongValues(valid, {
    name: lift(fc.oneof(fc.constant(''), fc.string({ minLength: 1001, maxLength: 1200 }), adversarialString)),
    readWriteType: constantly(ReadWriteType.NONE),
    eventNames: conditions(eventName, true),
    userIdentityArns: conditions(roleArnPrefix, true),
    ...(resourceArns ? { resourceArns: conditions(adversarialString, true) } : {}),
  }) : valid.map(madeRecord);
  return options as fc.Arbitrary<Make<DataEventOptions>>;
}

/**
 * Well-typed options biased towards valid ones: about half are valid, the others have one to three options
 * replaced by a wrong value of the right type.
 */
function withWrongValues(valid: fc.Arbitrary<MadeProps>,
  wrong: Record<string, fc.Arbitrary<Make<unknown>>>): fc.Arbitrary<Make<Record<string, unknown>>> {
  const replacement = (name: string): fc.Arbitrary<[string, Make<unknown>]> => wrong[name].map(value => [name, value]);
  const replaced = fc.oneof(
    fc.constant<Array<[string, Make<unknown>]>>([]),
    fc.subarray(Object.keys(wrong), { minLength: 1, maxLength: 3 }).chain(chosen => fc.tuple(...chosen.map(replacement))),
  );
  return fc.tuple(valid, replaced).map(([base, changes]) => madeRecord({ ...base, ...Object.fromEntries(changes) }));
}

type BuilderStep = Make<(selectors: DataEventSelectors) => DataEventSelectors>;

const DOCUMENTED_SOURCES = [NetworkActivityEventSource.CLOUDTRAIL, NetworkActivityEventSource.EC2, NetworkActivityEventSource.KMS,
  NetworkActivityEventSource.SECRETS_MANAGER, NetworkActivityEventSource.S3];

function builderStep(inputs: SelectorInputs): fc.Arbitrary<BuilderStep> {
  const adversarial = inputs !== 'valid';
  const some = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) => (adversarial ? mostly(valid, invalid) : valid);
  const resources = <T>(arbitrary: fc.Arbitrary<T>) =>
    fc.option(fc.array(arbitrary, { minLength: adversarial ? 0 : 1, maxLength: 3 }), { nil: undefined });
  return fc.oneof(
    fc.tuple(resources(bucket), fc.option(some(fc.stringMatching(/^[a-z0-9/]{1,20}$/), adversarialString), { nil: undefined }),
      selectorOptions(inputs, objectArn))
      .map(([buckets, prefix, options]) => {
        const objectPrefix = adversarial || buckets ? prefix : undefined;
        return make(`.addS3Objects({ ...${String(options)}, buckets: ${label(buckets?.map(String))}, objectPrefix: ${label(objectPrefix)} })`,
          stack => (selectors: DataEventSelectors) => selectors.addS3Objects({
            ...options(stack), buckets: buckets?.map(b => b(stack)), objectPrefix,
          }));
      }),
    fc.tuple(resources(lambdaArn), selectorOptions(inputs, lambdaArn))
      .map(([arns, options]) => make(`.addLambdaFunctions({ ...${String(options)}, functions: ${label(arns)} })`,
        stack => (selectors: DataEventSelectors) => selectors.addLambdaFunctions({
          ...options(stack),
          functions: arns?.map(arn => lambda.Function.fromFunctionArn(stack, uniqueId(stack, 'Function'), arn)),
        }))),
    fc.tuple(resources(tableArn), selectorOptions(inputs, tableArn))
      .map(([arns, options]) => make(`.addDynamoDbTables({ ...${String(options)}, tables: ${label(arns)} })`,
        stack => (selectors: DataEventSelectors) => selectors.addDynamoDbTables({
          ...options(stack),
          tables: arns?.map(arn => dynamodb.Table.fromTableArn(stack, uniqueId(stack, 'Table'), arn)),
        }))),
    fc.tuple(
      fc.uniqueArray(some(fc.constantFrom(...DOCUMENTED_SOURCES), adversarialString.map(value => NetworkActivityEventSource.of(value))),
        // each source is a selector of its own, and an event data store takes five
        { minLength: adversarial ? 0 : 1, maxLength: adversarial ? 3 : 1, selector: source => source.value }),
      fc.option(fc.uniqueArray(some(fc.stringMatching(/^vpce-([0-9a-f]{8}|[0-9a-f]{17})$/), fc.oneof(adversarialString, nearValid(fc.constant('vpce-0123456789abcdef0')))),
        { minLength: adversarial ? 0 : 1, maxLength: 3 }), { nil: undefined }),
      fc.option(fc.uniqueArray(
        some(fc.constant(NetworkActivityErrorCode.VPCE_ACCESS_DENIED), adversarialString.map(value => NetworkActivityErrorCode.of(value))),
        { minLength: adversarial ? 0 : 1, maxLength: 2, selector: code => code.value }), { nil: undefined }),
    ).map(([eventSources, vpcEndpointIds, errorCodes]) => make(
      `.addNetworkActivity({ eventSources: ${label(eventSources.map(source => source.value))}, vpcEndpointIds: ${label(vpcEndpointIds)}, `
      + `errorCodes: ${label(errorCodes?.map(code => code.value))} })`,
      () => (selectors: DataEventSelectors) => selectors.addNetworkActivity({ eventSources, vpcEndpointIds, errorCodes }))),
    fc.tuple(
      some(fc.constantFrom(...DataResourceType.all()),
        fc.oneof(adversarialString, nearValid(fc.constantFrom('AWS::S3::Object', 'AWS::Lambda::Function'))).map(value => DataResourceType.of(value))),
      selectorOptions(inputs),
    ).map(([type, options]) => make(`.addDataEvents(DataResourceType.of(${label(type.value)}), ${String(options)})`,
      stack => (selectors: DataEventSelectors) => selectors.addDataEvents(type, options(stack)))),
  );
}

function built(steps: BuilderStep[]): Make<DataEventSelectors> {
  return make(`new DataEventSelectors()${steps.map(String).join('')}`,
    stack => steps.reduce((selectors, next) => next(stack)(selectors), new DataEventSelectors()));
}

/** A hand-written selector close to a valid one: known fields with plausible or adversarial values. */
const rawSelector: fc.Arbitrary<AdvancedEventSelector> = fc.record({
  name: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  fieldSelectors: fc.tuple(
    fc.constantFrom('Management', 'Data', 'NetworkActivity', 'Insight', 'Data '),
    fc.array(fc.record({
      field: mostly(fc.constantFrom(...KNOWN_FIELDS), nearValid(fc.constantFrom(...KNOWN_FIELDS))),
      operator: fc.constantFrom(...OPERATOR_KEYS),
      values: fc.array(mostly(fc.constantFrom('true', 'false', 'AWS::S3::Object', 'kms.amazonaws.com', 's3.amazonaws.com', 'arn:aws:s3:::bucket/',
        'VpceAccessDenied', 'PutObject'), adversarialString), { minLength: 1, maxLength: 3 }),
    }), { maxLength: 4 }),
  ).map(([category, others]) => [{ field: 'eventCategory', equalTo: [category] }, ...others.map(fs => ({ field: fs.field, [fs.operator]: fs.values }))]),
});

/** Data event selectors made with the builder methods and only valid options: one to four selectors. */
// Calls with the same options make the same selector, which CloudFormation rejects (SelectorsUnique): valid calls differ.
export const validDataEventSelectors: fc.Arbitrary<Make<DataEventSelectors>> = fc.uniqueArray(builderStep('valid'), { minLength: 1, maxLength: 4, selector: String })
  .map(built);

const rawSelectors: fc.Arbitrary<Make<DataEventSelectors>> = fc.array(rawSelector, { minLength: 1, maxLength: 3 })
  .map(raw => make(`DataEventSelectors.fromAdvancedEventSelectors(${label(raw)})`, () => DataEventSelectors.fromAdvancedEventSelectors(raw)));

/**
 * Data event selectors with values of the right types only: the builder with adversarial options (empty,
 * huge and nasty values, tokens, unknown resource types) and raw selectors close to valid ones.
 */
export const adversarialDataEventSelectors: fc.Arbitrary<Make<DataEventSelectors>> = fc.oneof(
  { weight: 6, arbitrary: fc.array(builderStep('adversarial'), { minLength: 1, maxLength: 4 }).map(built) },
  { weight: 2, arbitrary: rawSelectors },
);

/** Every kind of data event selectors the fuzz tests feed; all of them well typed. */
export const anyDataEventSelectors = adversarialDataEventSelectors;

/** Management events and excluded sources as trails and stores take them. */
export const excludedSources: fc.Arbitrary<Make<ManagementEventSources[]>> =
  lift(fc.subarray(Object.values(ManagementEventSources), { minLength: 1 }));
