import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct, IDependable } from 'constructs';
import { flattenIntrinsics } from '../core/intrinsics';
import { warnRule } from '../core/problems';
import type { RuleId } from '../core/rule-registry';

/** A resource whose policy CloudTrail depends on: a bucket, a key or a topic. */
export interface PolicyHolder extends IConstruct {
  addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult;
}

/** How to tell the owner of a resource this stack cannot change which statements it needs. */
export interface PolicyWarning {
  /** The warning's rule, e.g. `BucketPolicyNotManaged`; its annotation id is `cdk-cloudtrail-org:<id>`. */
  readonly id: RuleId;
  /** The resource in words, e.g. `log bucket my-bucket`. */
  readonly resource: string;
  /** The policy the statements go into, e.g. `bucket policy`. */
  readonly policy: string;
  /** What fails while the statements are missing. */
  readonly consequence: string;
}

/**
 * Adds statements to a resource's policy when the resource belongs to the scope's stack; otherwise
 * (an imported resource, or one from another stack) warns with the exact statements its owner must add.
 * Statements are never added to another stack, which would make it depend on this one. Returns what a
 * resource that needs the statements in place can depend on: nothing when they were not added.
 */
export function addOrRequestStatements(scope: IConstruct, holder: PolicyHolder, statements: iam.PolicyStatement[],
  warning: PolicyWarning): IDependable[] {
  const ownStack = Stack.of(holder) === Stack.of(scope);
  const results = ownStack ? statements.map(statement => holder.addToResourcePolicy(statement)) : [];
  const added = ownStack && results.every(result => result.statementAdded);
  if (added) {
    return results.flatMap(result => result.policyDependable ? [result.policyDependable] : []);
  }
  warnRule(scope, warning.id,
    `${warning.resource} is not managed by this stack, so its ${warning.policy} was not changed. ${warning.consequence} `
    + `unless its owner adds these statements:\n${policyText(scope, statements)}`);
  return [];
}

/**
 * Statements as readable JSON: tokens of this stack shown as `${AWS::AccountId}`-style references, so a
 * warning can be pasted into a policy by someone who fills them in.
 */
export function policyText(scope: IConstruct, statements: iam.PolicyStatement[]): string {
  const resolved = Stack.of(scope).resolve(statements.map(statement => statement.toStatementJson()));
  return JSON.stringify(readable(resolved), undefined, 2);
}

/** Intrinsics become strings with `${...}` references; everything else keeps its shape. */
function readable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(readable);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const [key] = Object.keys(value);
  if (Object.keys(value).length === 1 && ['Ref', 'Fn::GetAtt', 'Fn::Join'].includes(key)) {
    return flattenIntrinsics(value, name => `\${${name}}`);
  }
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, readable(inner)]));
}
