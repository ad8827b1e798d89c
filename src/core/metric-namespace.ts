import { METRIC_NAMESPACE_LENGTH } from './limits';
import { lengthProblems, quoteList } from './names';
import { isUnresolved, Problem } from './problems';

/**
 * The rules of a CloudWatch metric namespace that a metric filter publishes to and an alarm watches.
 * Tokens are not checked.
 */
export function metricNamespaceProblems(property: string, namespace: string, example: string): Problem[] {
  if (isUnresolved(namespace)) {
    return [];
  }
  const problems = lengthProblems('MetricNamespaceLength', property, namespace, METRIC_NAMESPACE_LENGTH, 'CloudWatch API Metric Namespace');
  const invalid = [...new Set(namespace.match(/[:*$]/g) ?? [])];
  if (invalid.length > 0) {
    problems.push({
      id: 'MetricNamespaceCharacters',
      property,
      value: namespace,
      rule: `contains ${quoteList(invalid, 'and')}; ':', '*' and '$' are not allowed (CloudWatch Logs API MetricTransformation metricNamespace, pattern [^:*$]*)`,
      fix: 'remove those characters',
    });
  }
  if (namespace.startsWith('AWS/')) {
    problems.push({
      id: 'MetricNamespaceNotReserved',
      property,
      value: namespace,
      rule: "must not start with 'AWS/', which is reserved for AWS services (CloudWatch API PutMetricData Namespace)",
      fix: `use a namespace of your own, e.g. "${example}"`,
    });
  }
  return problems;
}
