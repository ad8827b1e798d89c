import { Problem, showValue } from './problems';
import type { RuleId } from './rule-registry';

// Repeated values a message names before it only counts the rest
const MAX_NAMED_REPEATS = 5;

/**
 * The rule of a list whose CloudFormation schema requires unique items: each string at most once. The same
 * token twice renders the same intrinsic twice, so tokens count as repeats too. One pass over the list, as
 * a selector may hold thousands of values.
 *
 * @param source where the rule is documented, e.g. `CloudFormation AdvancedFieldSelector schema: unique items`
 */
export function uniqueItemsProblems(id: RuleId, property: string, values: readonly unknown[], source: string, fix: string): Problem[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (typeof value === 'string') {
      (seen.has(value) ? repeated : seen).add(value);
    }
  }
  if (repeated.size === 0) {
    return [];
  }
  const named = [...repeated].slice(0, MAX_NAMED_REPEATS).map(value => showValue(value)).join(', ');
  const others = repeated.size - MAX_NAMED_REPEATS;
  const more = others > 0 ? ` and ${others} other value${others === 1 ? '' : 's'}` : '';
  return [{ id, property, value: values, rule: `lists ${named}${more} more than once (${source})`, fix }];
}
