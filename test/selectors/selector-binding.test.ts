import { Lazy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { Construct } from 'constructs';
import { DataEventSelectors, DataResourceType, NetworkActivityEventSource } from '../../src';
import { formatProblem } from '../../src/core/problems';
import { EventCategory } from '../../src/selectors/field-rules';
import { AdvancedEventSelector } from '../../src/selectors/field-selector';
import {
  bindSelectors, omitWhenEmpty, placedSelectors, renderSelector, renderSelectorSet, selectorSetProblems, selectorSetWarnings, selectsCategory,
} from '../../src/selectors/selector-binding';
import { errorOf, testStack } from '../util';

const NEW_TYPE = DataResourceType.of('AWS::Example::NewType');
const BAD_ARN = 'arn:aws:lambda:us-east-1:111111111111:function:settle';
const MANAGEMENT = { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] };

describe('selectsCategory', () => {
  test('no builder selects nothing', () => {
    expect(selectsCategory(undefined, EventCategory.DATA)).toBe(false);
  });

  test('a category is selected only by an eventCategory Equals', () => {
    const dataEvents = new DataEventSelectors().addS3Objects();
    expect(selectsCategory(dataEvents, EventCategory.DATA)).toBe(true);
    expect(selectsCategory(dataEvents, EventCategory.NETWORK_ACTIVITY)).toBe(false);
    expect(selectsCategory(DataEventSelectors.fromAdvancedEventSelectors([{
      fieldSelectors: [
        { field: 'eventCategory', notEquals: ['Data'] }, { field: 'eventName', equalTo: ['Data'] },
      ],
    }]), EventCategory.DATA)).toBe(false);
    expect(selectsCategory(new DataEventSelectors().addLambdaFunctions().addNetworkActivity({ eventSources: [NetworkActivityEventSource.S3] }),
      EventCategory.NETWORK_ACTIVITY)).toBe(true);
  });
});

describe('placedSelectors', () => {
  test('management first, then the data selectors through the adjustment, each with its property', () => {
    const placed = placedSelectors({
      target: 'trail',
      dataEvents: new DataEventSelectors().addS3Objects().addLambdaFunctions(),
      adjustDataSelector: selector => ({ ...selector, name: 'adjusted' }),
    });
    expect(placed.map(p => [p.property, p.selector.name])).toEqual([
      ['managementEvents', 'Management events'], ['dataEvents[0]', 'adjusted'], ['dataEvents[1]', 'adjusted'],
    ]);
  });

  test('without an adjustment the data selectors are the builder\'s; NONE leaves management out', () => {
    const dataEvents = new DataEventSelectors().addS3Objects();
    expect(placedSelectors({ target: 'trail', managementEvents: ReadWriteType.NONE, dataEvents })).toEqual([
      { selector: dataEvents._selectors()[0], property: 'dataEvents[0]' },
    ]);
    expect(placedSelectors({ target: 'eventDataStore' })).toEqual([{ selector: MANAGEMENT, property: 'managementEvents' }]);
  });
});

describe('selectorSetProblems', () => {
  test.each<['trail' | 'telemetryRule', string]>([
    ['trail', '[ManagementEventsNoneNeedsData] managementEvents "None": ReadWriteType.NONE leaves no selector, and without selectors CloudTrail logs all '
      + 'management events (PutEventSelectors). Fix: add data events, or log management events'],
    ['telemetryRule', '[ManagementEventsNoneNeedsData] managementEvents "None": ReadWriteType.NONE leaves no selector, and a CloudWatch telemetry rule '
      + 'needs at least one (CloudtrailParameters AdvancedEventSelectors, required). Fix: add data events, or log management events'],
  ])('NONE without data events (%s)', (target, message) => {
    expect(selectorSetProblems({ target, managementEvents: ReadWriteType.NONE }).map(formatProblem)).toEqual([message]);
    expect(selectorSetProblems({ target, managementEvents: ReadWriteType.NONE, dataEvents: new DataEventSelectors() }).map(formatProblem))
      .toEqual([message]);
  });

  test('NONE with data events, or management events without data events, is fine', () => {
    expect(selectorSetProblems({ target: 'trail', managementEvents: ReadWriteType.NONE, dataEvents: new DataEventSelectors().addS3Objects() })).toEqual([]);
    expect(selectorSetProblems({ target: 'trail', managementEvents: ReadWriteType.ALL })).toEqual([]);
    expect(selectorSetProblems({ target: 'trail' })).toEqual([]);
  });

  test('excluded sources need management events', () => {
    const dataEvents = new DataEventSelectors().addS3Objects();
    const excludeManagementEventSources = [ManagementEventSources.KMS];
    expect(selectorSetProblems({ target: 'trail', managementEvents: ReadWriteType.NONE, excludeManagementEventSources, dataEvents }).map(formatProblem))
      .toEqual(['[ExcludedSourcesNeedManagementEvents] excludeManagementEventSources ["kms.amazonaws.com"]: excludes sources from management events, '
        + 'but managementEvents is ReadWriteType.NONE. Fix: leave excludeManagementEventSources out']);
    expect(selectorSetProblems({ target: 'trail', managementEvents: ReadWriteType.NONE, excludeManagementEventSources: [], dataEvents })).toEqual([]);
    expect(selectorSetProblems({ target: 'trail', managementEvents: ReadWriteType.WRITE_ONLY, excludeManagementEventSources })).toEqual([]);
  });

  test('the builder\'s problems come first, then the selectors\' as the user wrote them', () => {
    const dataEvents = new DataEventSelectors()
      .addS3Objects({ resourceArns: { equalTo: [BAD_ARN] } })
      .addNetworkActivity({ eventSources: [] });
    const problems = selectorSetProblems({ target: 'trail', dataEvents });
    expect(problems.map(p => [p.id, p.property])).toEqual([
      ['NetworkActivitySources', 'dataEvents.addNetworkActivity(#1).eventSources'],
      ['ResourceArnFormat', 'dataEvents.addS3Objects(#1).resourceArns.equalTo[0]'],
    ]);
  });

  test('a type declared with DataResourceType.of is known', () => {
    const declared = new DataEventSelectors().addDataEvents(NEW_TYPE, { resourceArns: { equalTo: ['x'] } });
    expect(selectorSetProblems({ target: 'eventDataStore', dataEvents: declared })).toEqual([]);
  });

  test('the property is rewritten for a selector at an index of two digits too', () => {
    const dataEvents = new DataEventSelectors();
    for (let i = 0; i < 10; i++) {
      dataEvents.addLambdaFunctions({ name: `F${i}` });
    }
    dataEvents.addS3Objects({ resourceArns: { equalTo: [BAD_ARN] } });
    expect(selectorSetProblems({ target: 'trail', dataEvents }).map(p => [p.id, p.property]))
      .toEqual([['ResourceArnFormat', 'dataEvents.addS3Objects(#1).resourceArns.equalTo[0]']]);
  });

  test('a raw selector keeps its index, after the management selector', () => {
    const dataEvents = DataEventSelectors.fromAdvancedEventSelectors([{
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
        { field: 'resources.ARN', equalTo: [BAD_ARN] },
      ],
    }]);
    expect(selectorSetProblems({ target: 'trail', dataEvents }).map(p => [p.id, p.property]))
      .toEqual([['ResourceArnFormat', 'dataEvents[0].fieldSelectors[2].equalTo[0]']]);
  });

  test('the property names the selector the adjustment made, e.g. the log bucket exclusion', () => {
    const dataEvents = new DataEventSelectors().addS3Objects({ resourceArns: { notStartsWith: ['arn:aws:s3:::tmp/'] } });
    const adjustDataSelector = (selector: AdvancedEventSelector): AdvancedEventSelector => ({
      ...selector,
      fieldSelectors: selector.fieldSelectors.map(fs => fs.field === 'resources.ARN' ? { ...fs, notStartsWith: [...fs.notStartsWith!, 'arn:aws:s3:::tmp/'] } : fs),
    });
    expect(selectorSetProblems({ target: 'trail', dataEvents, adjustDataSelector }).map(p => [p.id, p.property])).toEqual([
      ['SelectorValuesUnique', 'dataEvents.addS3Objects(#1).resourceArns.notStartsWith'],
    ]);
  });
});

describe('selectorSetWarnings', () => {
  test('none without data events', () => {
    expect(selectorSetWarnings({ target: 'trail' })).toEqual([]);
  });

  test('name the call and option', () => {
    const dataEvents = new DataEventSelectors().addNetworkActivity({ eventSources: [NetworkActivityEventSource.of('sqs.amazonaws.com')] });
    expect(selectorSetWarnings({ target: 'trail', dataEvents }).map(p => [p.id, p.property]))
      .toEqual([['UncheckedFieldValue', 'dataEvents.addNetworkActivity(#1 sqs.amazonaws.com).eventSources']]);
    expect(selectorSetWarnings({ target: 'trail', dataEvents: new DataEventSelectors().addS3Objects() })).toEqual([]);
  });
});

describe('renderSelector', () => {
  test('keeps only the members that are set, with copies of the lists', () => {
    const values = ['Data'];
    const rendered = renderSelector({
      fieldSelectors: [{ field: 'eventCategory', equalTo: values, notEquals: undefined },
        { field: 'eventName', notEquals: ['a'], startsWith: ['b'], notStartsWith: ['c'], endsWith: ['d'], notEndsWith: ['e'] }],
    });
    expect(rendered).toStrictEqual({
      fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] },
        { field: 'eventName', notEquals: ['a'], startsWith: ['b'], notStartsWith: ['c'], endsWith: ['d'], notEndsWith: ['e'] }],
    });
    expect(rendered.fieldSelectors[0].equalTo).not.toBe(values);
    expect(renderSelector({ name: 'n', fieldSelectors: [] })).toStrictEqual({ name: 'n', fieldSelectors: [] });
  });
});

describe('with a construct', () => {
  let stack: Stack;
  beforeAll(() => {
    stack = testStack();
  });

  test('omitWhenEmpty drops a list that resolves to no entries', () => {
    expect(omitWhenEmpty(stack, undefined)).toBeUndefined();
    expect(stack.resolve(omitWhenEmpty(stack, Lazy.list({ produce: () => [] })))).toBeUndefined();
    expect(stack.resolve(omitWhenEmpty(stack, []))).toBeUndefined();
    expect(stack.resolve(omitWhenEmpty(stack, ['a']))).toEqual(['a']);
    expect(stack.resolve(omitWhenEmpty(stack, { a: 1 }))).toEqual({ a: 1 });
  });

  test.each<[string, (() => unknown) | undefined, boolean]>([
    ['no basic selectors', undefined, false],
    ['an undefined list', () => undefined, false],
    ['an empty lazy list', () => Lazy.any({ produce: () => [] }), false],
    ['a basic selector', () => [{ readWriteType: 'All' }], true],
    ['a lazy basic selector', () => Lazy.any({ produce: () => [{ readWriteType: 'All' }] }), true],
    ['a token that is no list', () => Token.asAny({ Ref: 'Selectors' }), true],
  ])('bindSelectors with %s', (_, basic, rejected) => {
    const scope = new Construct(stack, `Bound${_.replace(/ /g, '')}`);
    const applied: unknown[] = [];
    const bind = () => bindSelectors(scope, { target: 'trail', dataEvents: new DataEventSelectors().addS3Objects() },
      rendered => applied.push(stack.resolve(rendered)), basic);
    if (rejected) {
      expect(errorOf(bind).message).toBe(`[Stack/${scope.node.id}] [NoBasicEventSelectors] eventSelectors: a trail takes basic event selectors or advanced event `
        + 'selectors, not both (PutEventSelectors). Fix: remove the basic event selectors; DataEventSelectors covers every basic selector and more');
    } else {
      bind();
      expect(applied).toEqual([[MANAGEMENT, { fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: ['AWS::S3::Object'] }] }]]);
    }
  });

  test('renderSelectorSet leaves out an empty list', () => {
    expect(stack.resolve(renderSelectorSet({ target: 'trail', managementEvents: ReadWriteType.NONE }))).toBeUndefined();
    expect(stack.resolve(renderSelectorSet({ target: 'trail' }))).toEqual([MANAGEMENT]);
  });

  test('bindSelectors without data events', () => {
    const scope = new Construct(stack, 'ManagementOnly');
    bindSelectors(scope, { target: 'trail' }, () => undefined);
    expect(scope.node.validate()).toEqual([]);
  });

  test('bindSelectors checks again at synth and warns about unchecked types and values', () => {
    const scope = new Construct(stack, 'Later');
    const dataEvents = new DataEventSelectors();
    bindSelectors(scope, { target: 'trail', dataEvents }, () => undefined);
    dataEvents.addDataEvents(NEW_TYPE).addNetworkActivity({ eventSources: [NetworkActivityEventSource.of('sqs.amazonaws.com')] });
    expect(scope.node.validate()).toEqual([]);
    const warnings = Annotations.fromStack(stack);
    warnings.hasWarning('/Stack/Later', '[UncheckedResourceType] resources.type AWS::Example::NewType is not in this library\'s catalogue: its resources.ARN '
      + 'values are not checked against an ARN format. [ack: cdk-cloudtrail-org:UncheckedResourceType]');
    warnings.hasWarning('/Stack/Later', Match.stringLikeRegexp('^\\[UncheckedFieldValue\\] dataEvents\\.addNetworkActivity\\(#1 sqs\\.amazonaws\\.com\\)\\.eventSources "sqs'));
  });
});
