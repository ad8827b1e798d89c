import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { dependOnAllButDefaultChild, withoutRedundantRoleDependencies } from '../../src/core/dependencies';
import { CONSTRUCT_FIXTURES, FIXTURE_ENV } from '../fixtures/constructs';
import { testStack } from '../util';

function dependsOn(stack: Stack, resource: CfnResource): string[] {
  return Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(resource)].DependsOn ?? [];
}

function idOf(stack: Stack, construct: Construct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnResource);
}

function inlineFunction(scope: Construct, id: string, role?: iam.IRole): lambda.Function {
  return new lambda.Function(scope, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}'), role });
}

describe('dependOnAllButDefaultChild', () => {
  test('waits for the target\'s other constructs, those added later too, not for its default child', () => {
    const stack = testStack();
    const source = new CfnResource(stack, 'Source', { type: 'AWS::SNS::Topic' });
    const target = new Construct(stack, 'Target');
    const own = new CfnResource(target, 'Resource', { type: 'AWS::SNS::Topic' });
    const first = new CfnResource(target, 'First', { type: 'AWS::SQS::Queue' });
    dependOnAllButDefaultChild(source, target);
    const later = new CfnResource(target, 'Later', { type: 'AWS::SQS::Queue' });
    expect(target.node.defaultChild).toBe(own);
    expect(dependsOn(stack, source).sort()).toEqual([stack.getLogicalId(first), stack.getLogicalId(later)].sort());
  });
});

describe('withoutRedundantRoleDependencies', () => {
  test('a function waits for its role\'s default policy, not for the role it references', () => {
    const stack = testStack();
    const fn = inlineFunction(stack, 'Function');
    withoutRedundantRoleDependencies(stack);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    expect(dependsOn(stack, fn.node.defaultChild as CfnResource)).toEqual([stack.getLogicalId(fn.role!.node.findChild('DefaultPolicy').node.defaultChild as CfnResource)]);
  });

  test('a function whose role has no policy of its own waits for nothing', () => {
    const functionOf = (narrow: boolean) => {
      const stack = testStack();
      const fn = inlineFunction(stack, 'Function', new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
      if (narrow) {
        withoutRedundantRoleDependencies(stack);
      }
      return dependsOn(stack, fn.node.defaultChild as CfnResource);
    };
    // aws-cdk-lib's own: the role it references
    expect(functionOf(false)).toEqual([expect.stringMatching(/^Role/)]);
    expect(functionOf(true)).toEqual([]);
  });

  test('a state machine waits for its role\'s default policy only', () => {
    const stack = testStack();
    const machine = new sfn.StateMachine(stack, 'Machine', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass')) });
    machine.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    withoutRedundantRoleDependencies(stack);
    expect(dependsOn(stack, machine.node.defaultChild as CfnResource)).toEqual([stack.getLogicalId(machine.role.node.findChild('DefaultPolicy').node.defaultChild as CfnResource)]);
  });

  test('leaves a dependency on a role the resource does not reference', () => {
    const stack = testStack();
    const fn = inlineFunction(stack, 'Function');
    const other = new iam.Role(stack, 'Other', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    fn.node.defaultChild!.node.addDependency(other);
    withoutRedundantRoleDependencies(stack);
    expect(dependsOn(stack, fn.node.defaultChild as CfnResource)).toEqual([idOf(stack, other)]);
  });

  test('with a constructs older than 10.7 (no Node.removeDependency), leaves aws-cdk-lib\'s dependencies as they are', () => {
    const stack = testStack();
    const fn = inlineFunction(stack, 'Function');
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    const nodes = [stack, ...stack.node.findAll()].map(construct => construct.node);
    nodes.forEach(node => Object.defineProperty(node, 'removeDependency', { value: undefined, configurable: true }));
    withoutRedundantRoleDependencies(stack);
    expect(dependsOn(stack, fn.node.defaultChild as CfnResource).sort()).toEqual([
      idOf(stack, fn.role!),
      stack.getLogicalId(fn.role!.node.findChild('DefaultPolicy').node.defaultChild as CfnResource),
    ].sort());
  });

  test('leaves an imported role alone', () => {
    const stack = testStack();
    const fn = inlineFunction(stack, 'Function', iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::111111111111:role/handler'));
    withoutRedundantRoleDependencies(stack);
    expect(dependsOn(stack, fn.node.defaultChild as CfnResource)).toEqual([]);
  });
});

/** The logical IDs a value references with Ref, Fn::GetAtt or Fn::Sub. */
function references(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach(item => references(item, found));
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') {
        found.add(inner);
      } else if (key === 'Fn::GetAtt') {
        found.add(Array.isArray(inner) ? inner[0] : String(inner).split('.')[0]);
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        for (const match of String(text).matchAll(/\$\{([^!.}][^.}]*)/g)) {
          found.add(match[1]);
        }
      }
      references(inner, found);
    }
  }
  return found;
}

// cfn-lint's W3005 (test/lint/cfn-lint.sh) is ignored for aws-cdk-lib's own resources; the library's are held to it here.
test('no resource of any construct, default or fully featured, depends on a resource it references already', () => {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
  const stacks = CONSTRUCT_FIXTURES.flatMap(fixture => (['default', 'full'] as const).map(form => {
    const stack = new Stack(app, `${fixture.construct}${form === 'default' ? 'Default' : 'Full'}`, { env: FIXTURE_ENV });
    fixture[form](stack);
    return stack;
  }));
  const redundant = stacks.flatMap(stack => Object.entries<any>(Template.fromStack(stack).toJSON().Resources)
    .flatMap(([id, resource]) => {
      const referenced = references(resource.Properties);
      return [resource.DependsOn ?? []].flat().filter((target: string) => referenced.has(target)).map((target: string) => `${stack.stackName}: ${id} -> ${target}`);
    }));
  expect(redundant).toEqual([]);
});
