import { App, Duration, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { contextKeySelectorProblems } from '../../src/core/lake-rules';
import { operationTimeoutProblems } from '../../src/core/operation-rules';
import { delegatedAdminsOfApp, recordDelegatedAdmin } from '../../src/core/organization';
import { formatProblem, warnRule, WARNING_ID_PREFIX } from '../../src/core/problems';
import { queryStatementProblems } from '../../src/core/query-rules';

// Cases that Stryker's mutation run over src/core found untested (CONTRIBUTING.md, "Mutation testing").

describe('operationTimeoutProblems with a fraction of a second', () => {
  test('shows the timeout in seconds, as aws-cdk-lib cannot print it in whole units', () => {
    expect(operationTimeoutProblems('timeout', Duration.millis(90_500)).map(formatProblem)).toEqual([
      '[OperationTimeoutRange] timeout "90.5 seconds": must be whole seconds from 1 to 55 minutes, because CloudFormation fails a '
        + 'custom resource that has not answered within 60 minutes (AWS::CloudFormation::CustomResource ServiceTimeout). '
        + 'Fix: wait at least Duration.minutes(1)',
    ]);
  });
});

describe('queryStatementProblems on a statement that starts with no word', () => {
  test.each(['42', '* FROM store', '(( 1 ))'])('%j says it starts with no keyword', statement => {
    expect(queryStatementProblems('queryStatement', statement, []).map(p => [p.id, p.rule])).toEqual([[
      'QueryStatementReadOnly',
      'must be a read-only SELECT query (or WITH … SELECT), and it starts with no keyword (StartQuery QueryStatement)',
    ]]);
  });
});

describe('contextKeySelectorProblems with keys only CloudFormation knows', () => {
  test('a token standing for the whole list is not checked', () => {
    const keys = Token.asAny({ Ref: 'ContextKeys' }) as unknown as string[];
    expect(contextKeySelectorProblems('contextKeySelectors', [{ type: 'TagContext', keys }], 'Large')).toEqual([]);
  });
});

describe('delegated administrators recorded on the app', () => {
  test('an app without registrations has none', () => {
    const app = new App();
    expect(delegatedAdminsOfApp(new Stack(app, 'Stack'))).toEqual([]);
  });

  test('every registration is seen from any construct of the same app, in order, and from no other app', () => {
    const app = new App();
    const first = new Stack(app, 'First');
    const second = new Stack(app, 'Second');
    recordDelegatedAdmin(first, { path: 'First/Admin', memberAccountId: '111111111111' });
    recordDelegatedAdmin(new Construct(second, 'Nested'), { path: 'Second/Nested/Admin', memberAccountId: '222222222222' });

    const expected = [
      { path: 'First/Admin', memberAccountId: '111111111111' },
      { path: 'Second/Nested/Admin', memberAccountId: '222222222222' },
    ];
    expect(delegatedAdminsOfApp(second)).toEqual(expected);
    expect(delegatedAdminsOfApp(new Construct(first, 'Other'))).toEqual(expected);
    expect(delegatedAdminsOfApp(new Stack(new App(), 'Elsewhere'))).toEqual([]);
  });
});

describe('warnRule', () => {
  test('adds a warning whose id is the rule id with the library prefix, and whose message starts with the rule id', () => {
    const construct = new Construct(new Stack(new App(), 'Stack'), 'Store');
    warnRule(construct, 'NoTerminationProtection', 'the store can be deleted with its stack');

    expect(WARNING_ID_PREFIX).toBe('cdk-cloudtrail-org:');
    expect(construct.node.metadata.map(entry => [entry.type, entry.data])).toEqual([[
      'aws:cdk:warning',
      '[NoTerminationProtection] the store can be deleted with its stack [ack: cdk-cloudtrail-org:NoTerminationProtection]',
    ]]);
  });
});
