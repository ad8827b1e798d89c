import { Token } from 'aws-cdk-lib';
import { formatProblem } from '../../src/core/problems';
import { SelectorTarget } from '../../src/selectors/field-rules';
import { AdvancedEventSelector, AdvancedFieldSelector } from '../../src/selectors/field-selector';
import { advancedSelectorProblems } from '../../src/selectors/selector-validation';

// Cases that Stryker's mutation run over src/selectors found untested (CONTRIBUTING.md, "Mutation testing").

function messages(selectors: AdvancedEventSelector[], target: SelectorTarget): string[] {
  const placed = selectors.map((entry, i) => ({ selector: entry, property: `dataEvents[${i}]` }));
  return advancedSelectorProblems(placed, { target, declaredTypes: [] }).map(formatProblem);
}

function selector(...fieldSelectors: AdvancedFieldSelector[]): AdvancedEventSelector {
  return { fieldSelectors };
}

const TARGETS: SelectorTarget[] = ['trail', 'eventDataStore'];

describe('a list token among other values', () => {
  test.each(TARGETS)('counts the other values in the plural (%s)', target => {
    const eventNames = [...Token.asList({ Ref: 'EventNames' }), 'PutObject', 'GetObject'];
    const problems = messages([selector(
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
      { field: 'eventName', equalTo: eventNames },
    )], target);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\[SelectorListToken\] dataEvents\[0\]\.fieldSelectors\[2\]\.equalTo .*: holds a list token \(such as a CfnParameter's valueAsList\) and 2 more values; /);
  });
});

describe('an eventCategory only CloudFormation knows', () => {
  test.each(TARGETS)('is not checked, and neither are the fields that depend on it (%s)', target => {
    // with a literal category, errorCode would be checked against it (it is allowed in NetworkActivity selectors only)
    expect(messages([selector(
      { field: 'eventCategory', equalTo: [Token.asString({ Ref: 'Category' })] },
      { field: 'errorCode', equalTo: ['AccessDenied'] },
    )], target)).toEqual([]);
  });

  test('a literal category with the same fields is checked', () => {
    expect(messages([selector(
      { field: 'eventCategory', equalTo: ['Management'] },
      { field: 'errorCode', equalTo: ['AccessDenied'] },
    )], 'trail').map(message => message.split(' ')[0])).toEqual(['[SelectorFieldAllowed]']);
  });
});
