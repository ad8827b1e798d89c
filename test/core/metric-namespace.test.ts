import { Token } from 'aws-cdk-lib';
import { metricNamespaceProblems } from '../../src/core/metric-namespace';
import { formatProblem } from '../../src/core/problems';

const CHARACTERS_RULE = "':', '*' and '$' are not allowed (CloudWatch Logs API MetricTransformation metricNamespace, pattern [^:*$]*). Fix: remove those characters";
const RESERVED_RULE = "must not start with 'AWS/', which is reserved for AWS services (CloudWatch API PutMetricData Namespace)";

function messages(namespace: string, example = 'CloudTrailMetrics'): string[] {
  return metricNamespaceProblems('metricNamespace', namespace, example).map(formatProblem);
}

describe('metricNamespaceProblems', () => {
  test.each([
    'CloudTrailMetrics',
    'x',
    'x'.repeat(255),
    'Security/CIS',
    'aws/Custom', // only the exact prefix 'AWS/' is reserved
    'AWS',
    'AWSCustom/Metrics',
    'My/AWS/Metrics',
    'with space-and_other.chars#!',
  ])('accepts %s', namespace => {
    expect(metricNamespaceProblems('metricNamespace', namespace, 'CloudTrailMetrics')).toEqual([]);
  });

  test('tokens are not checked', () => {
    expect(metricNamespaceProblems('metricNamespace', Token.asString({ Ref: 'Namespace' }), 'CloudTrailMetrics')).toEqual([]);
    expect(metricNamespaceProblems('metricNamespace', `AWS/${Token.asString({ Ref: 'Namespace' })}:*`, 'CloudTrailMetrics')).toEqual([]);
  });

  test('an empty namespace and one of 256 characters break the length rule', () => {
    expect(messages('')).toEqual([
      '[MetricNamespaceLength] metricNamespace "": must be 1 to 255 characters long, got 0 (CloudWatch API Metric Namespace). Fix: use at least 1 character',
    ]);
    expect(metricNamespaceProblems('metricNamespace', 'x'.repeat(256), 'CloudTrailMetrics').map(p => [p.id, p.property, p.value, p.rule, p.fix])).toEqual([[
      'MetricNamespaceLength', 'metricNamespace', 'x'.repeat(256), 'must be 1 to 255 characters long, got 256 (CloudWatch API Metric Namespace)',
      'shorten it to at most 255 characters',
    ]]);
  });

  test.each<[string, string]>([
    ['Cloud:Trail', "':'"],
    ['Cloud*', "'*'"],
    ['$Cloud', "'$'"],
    ['a:b:c', "':'"],
    ['a$b*c:d*e$f', "'$', '*' and ':'"],
  ])('%s contains %s, each named once in the order they appear', (namespace, named) => {
    expect(messages(namespace)).toEqual([`[MetricNamespaceCharacters] metricNamespace ${JSON.stringify(namespace)}: contains ${named}; ${CHARACTERS_RULE}`]);
  });

  test('a namespace under AWS/ is reserved; the fix shows the example', () => {
    expect(messages('AWS/CloudTrail', 'Org/CloudTrail')).toEqual([
      `[MetricNamespaceNotReserved] metricNamespace "AWS/CloudTrail": ${RESERVED_RULE}. Fix: use a namespace of your own, e.g. "Org/CloudTrail"`,
    ]);
    expect(metricNamespaceProblems('ns', 'AWS/', 'E').map(p => [p.id, p.property, p.value])).toEqual([['MetricNamespaceNotReserved', 'ns', 'AWS/']]);
  });

  test('every broken rule is reported, in order: length, characters, reserved prefix', () => {
    const namespace = `AWS/${'x'.repeat(250)}:*`;
    expect(metricNamespaceProblems('metricNamespace', namespace, 'CloudTrailMetrics').map(p => [p.id, p.property, p.value])).toEqual([
      ['MetricNamespaceLength', 'metricNamespace', namespace],
      ['MetricNamespaceCharacters', 'metricNamespace', namespace],
      ['MetricNamespaceNotReserved', 'metricNamespace', namespace],
    ]);
  });
});
