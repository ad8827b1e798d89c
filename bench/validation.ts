import { ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { median, millisecondsSince } from './stats';
import { DataEventSelectors } from '../src/selectors/data-event-selectors';
import { SelectorTarget } from '../src/selectors/field-rules';
import { AdvancedEventSelector } from '../src/selectors/field-selector';
import { selectorSetProblems } from '../src/selectors/selector-binding';

/** One measured validation: how long the whole selector set of a trail or event data store takes to check. */
export interface ValidationTiming {
  readonly target: SelectorTarget;
  readonly selectors: number;
  readonly values: number;
  /** Median milliseconds of one complete validation. */
  readonly ms: number;
  /** How many problems the rules found (a set over CloudTrail's 500-value quota must have one). */
  readonly problems: number;
}

/** A data selector for S3 objects named one by one: every value is a full ARN the rules check. */
function objectSelector(index: number, values: number): AdvancedEventSelector {
  return {
    name: `Objects ${index}`,
    fieldSelectors: [
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
      { field: 'resources.ARN', equalTo: Array.from({ length: values }, (_, i) => `arn:aws:s3:::audit-bucket-${index}/objects/${i}.json`) },
    ],
  };
}

/**
 * Median time of `selectorSetProblems`, the check every trail and event data store runs on its
 * selectors, repeated until at least `budgetMs` of samples are taken.
 */
function time(target: SelectorTarget, selectorCount: number, valuesPerSelector: number, budgetMs: number): ValidationTiming {
  const dataEvents = DataEventSelectors.fromAdvancedEventSelectors(
    Array.from({ length: selectorCount }, (_, i) => objectSelector(i, valuesPerSelector)));
  const set = {
    target,
    managementEvents: ReadWriteType.ALL,
    excludeManagementEventSources: [ManagementEventSources.KMS],
    dataEvents,
  };
  let problems = selectorSetProblems(set).length;
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  while (samples.length < 5 || (millisecondsSince(started) < budgetMs && samples.length < 10000)) {
    const start = process.hrtime.bigint();
    problems = selectorSetProblems(set).length;
    samples.push(millisecondsSince(start));
  }
  return { target, selectors: selectorCount, values: selectorCount * valuesPerSelector, ms: median(samples), problems };
}

/** Value counts for one data selector: from small to ten times CloudTrail's quota. */
export const VALUE_COUNTS = [10, 100, 500, 5000];
/** Selector counts for a trail, each with 100 values, up to the 500-value quota. */
export const SELECTOR_COUNTS = [1, 2, 3, 4, 5];

/** Validation time as the number of values in one selector grows. */
export function timeByValues(target: SelectorTarget): ValidationTiming[] {
  return VALUE_COUNTS.map(values => time(target, 1, values, 300));
}

/** Validation time of a trail as the number of selectors grows. */
export function timeBySelectors(): ValidationTiming[] {
  return SELECTOR_COUNTS.map(count => time('trail', count, 100, 300));
}
