import { IResolvable, Lazy, Stack } from 'aws-cdk-lib';
import { ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { IConstruct } from 'constructs';
import type { DataResourceType } from './data-resource-type';
import { EventCategory, OPERATORS, SelectorTarget } from './field-rules';
import { AdvancedEventSelector, AdvancedFieldSelector } from './field-selector';
import { managementEventSelector } from './management-events';
import { SelectorOrigin, userProperty } from './selector-origin';
import { advancedSelectorProblems, advancedSelectorWarnings, PlacedSelector, uncheckedResourceTypes } from './selector-validation';
import { formatProblem, Problem, throwIfProblems, validateAtSynth, warnRule } from '../core/problems';

/**
 * What a binding reads from a `DataEventSelectors` builder: its selectors, the resource types declared with
 * `DataResourceType.of` and what the builder itself found wrong.
 */
export interface SelectorSource {
  _selectors(): AdvancedEventSelector[];
  _declaredTypes(): DataResourceType[];
  _builderProblems(): Problem[];
  /** Where each selector came from: a builder call, or undefined for a raw selector. */
  _origins(): Array<SelectorOrigin | undefined>;
}

/** Everything that decides the advanced event selectors of one trail, event data store or CloudWatch telemetry rule. */
export interface SelectorSet {
  readonly target: SelectorTarget;
  readonly managementEvents?: ReadWriteType;
  readonly excludeManagementEventSources?: ManagementEventSources[];
  readonly dataEvents?: SelectorSource;
  /** A last change to the data selectors, e.g. the trail's loop protection. */
  readonly adjustDataSelector?: (selector: AdvancedEventSelector) => AdvancedEventSelector;
}

/** Whether any of the builder's selectors selects events of this category. */
export function selectsCategory(source: SelectorSource | undefined, category: EventCategory): boolean {
  return (source?._selectors() ?? []).some(selector =>
    selector.fieldSelectors.some(fs => fs.field === 'eventCategory' && fs.equalTo?.includes(category)));
}

/** The complete list of selectors, management first, each with where it came from in the props. */
export function placedSelectors(set: SelectorSet): PlacedSelector[] {
  const management = managementEventSelector(set.managementEvents, set.excludeManagementEventSources);
  const adjust = set.adjustDataSelector ?? (selector => selector);
  return [
    ...(management ? [{ selector: management, property: 'managementEvents' }] : []),
    ...(set.dataEvents?._selectors() ?? []).map((selector, i) => ({ selector: adjust(selector), property: `dataEvents[${i}]` })),
  ];
}

/** Every problem with the selector set, including what the builder found. */
export function selectorSetProblems(set: SelectorSet): Problem[] {
  const placed = placedSelectors(set);
  const problems = [...set.dataEvents?._builderProblems() ?? []];
  if (set.managementEvents === ReadWriteType.NONE && (set.dataEvents?._selectors().length ?? 0) === 0) {
    problems.push({
      id: 'ManagementEventsNoneNeedsData',
      property: 'managementEvents',
      value: set.managementEvents,
      rule: set.target === 'telemetryRule'
        ? 'ReadWriteType.NONE leaves no selector, and a CloudWatch telemetry rule needs at least one (CloudtrailParameters AdvancedEventSelectors, required)'
        : 'ReadWriteType.NONE leaves no selector, and without selectors CloudTrail logs all management events (PutEventSelectors)',
      fix: 'add data events, or log management events',
    });
  }
  const excluded = set.excludeManagementEventSources;
  if (excluded !== undefined && excluded.length > 0 && set.managementEvents === ReadWriteType.NONE) {
    problems.push({
      id: 'ExcludedSourcesNeedManagementEvents',
      property: 'excludeManagementEventSources',
      value: excluded,
      rule: 'excludes sources from management events, but managementEvents is ReadWriteType.NONE',
      fix: 'leave excludeManagementEventSources out',
    });
  }
  problems.push(...advancedSelectorProblems(placed, {
    target: set.target,
    declaredTypes: set.dataEvents?._declaredTypes() ?? [],
  }).map(problem => asWritten(set, placed, problem)));
  return problems;
}

/** What deserves a warning in the selector set (see advancedSelectorWarnings), as the user wrote it. */
export function selectorSetWarnings(set: SelectorSet): Problem[] {
  const placed = placedSelectors(set);
  return advancedSelectorWarnings(placed, { target: set.target, declaredTypes: set.dataEvents?._declaredTypes() ?? [] })
    .map(problem => asWritten(set, placed, problem));
}

/** The problem with its property as the user wrote it: the builder call and its option, for a selector a call made. */
function asWritten(set: SelectorSet, placed: PlacedSelector[], problem: Problem): Problem {
  const match = /^dataEvents\[(\d+)\](.*)$/.exec(problem.property);
  const index = match ? Number(match[1]) : -1;
  const origin = match ? set.dataEvents?._origins()[index] : undefined;
  const selector = placed.find(p => p.property === `dataEvents[${index}]`)?.selector;
  if (!match || !origin || !selector) {
    return problem;
  }
  return { ...problem, property: userProperty(origin, selector, match[2]) };
}

/** The selectors in the CloudFormation shape, resolved at synth so later additions are included. */
export function renderSelectorSet(set: SelectorSet): IResolvable {
  return Lazy.any({ produce: () => placedSelectors(set).map(placed => renderSelector(placed.selector)) }, { omitEmptyArray: true });
}

/**
 * Checks a selector set on a construct now (throwing every problem at once) and again at synth,
 * warns about resource types whose ARNs cannot be checked, and hands the rendered selectors to `apply`.
 *
 * @param conflictingBasicSelectors returns the construct's basic event selectors, which CloudTrail
 * does not accept together with advanced ones
 */
export function bindSelectors(scope: IConstruct, set: SelectorSet, apply: (rendered: IResolvable) => void,
  conflictingBasicSelectors?: () => unknown): void {
  const check = (): Problem[] => {
    const problems = selectorSetProblems(set);
    if (hasEntries(scope, conflictingBasicSelectors?.())) {
      problems.push({
        id: 'NoBasicEventSelectors',
        property: 'eventSelectors',
        rule: 'a trail takes basic event selectors or advanced event selectors, not both (PutEventSelectors)',
        fix: 'remove the basic event selectors; DataEventSelectors covers every basic selector and more',
      });
    }
    return problems;
  };
  throwIfProblems(scope, check());
  validateAtSynth(scope, check);
  warnAboutUncheckedTypes(scope, set);
  apply(renderSelectorSet(set));
}

/** Whether a possibly lazy list resolves to a non-empty list (aws-cdk-lib's Trail always sets a Lazy). */
function hasEntries(scope: IConstruct, value: unknown): boolean {
  const resolved = value === undefined ? undefined : Stack.of(scope).resolve(value);
  return Array.isArray(resolved) ? resolved.length > 0 : resolved !== undefined;
}

/**
 * A list that disappears from the template when it resolves to no entries: aws-cdk-lib's Trail renders
 * `EventSelectors: []`, which CloudTrail would apply over the advanced selectors.
 */
export function omitWhenEmpty(scope: IConstruct, list: unknown): IResolvable | undefined {
  if (list === undefined) {
    return undefined;
  }
  return Lazy.any({
    produce: () => {
      const resolved = Stack.of(scope).resolve(list);
      return Array.isArray(resolved) && resolved.length === 0 ? undefined : resolved;
    },
  });
}

function warnAboutUncheckedTypes(scope: IConstruct, set: SelectorSet): void {
  scope.node.addValidation({
    validate: () => {
      for (const type of uncheckedResourceTypes(set.dataEvents?._selectors() ?? [])) {
        warnRule(scope, 'UncheckedResourceType',
          `resources.type ${type} is not in this library's catalogue: its resources.ARN values are not checked against an ARN format.`);
      }
      for (const warning of selectorSetWarnings(set)) {
        warnRule(scope, warning.id, formatProblem(warning).slice(`[${warning.id}] `.length));
      }
      return [];
    },
  });
}

/** A selector in the CloudFormation shape, without undefined members. */
export function renderSelector(selector: AdvancedEventSelector): AdvancedEventSelector {
  return {
    ...(selector.name !== undefined ? { name: selector.name } : {}),
    fieldSelectors: selector.fieldSelectors.map(fs => {
      const rendered: { -readonly [K in keyof AdvancedFieldSelector]: AdvancedFieldSelector[K] } = { field: fs.field };
      for (const { key } of OPERATORS) {
        const values = fs[key];
        if (values !== undefined) {
          rendered[key] = [...values];
        }
      }
      return rendered;
    }),
  };
}
