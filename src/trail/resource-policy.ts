import { Annotations, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/** A resource whose policy CloudTrail depends on: a bucket, a key or a topic. */
export interface PolicyHolder extends IConstruct {
  addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult;
}

/** How to tell the owner of a resource this stack cannot change which statements it needs. */
export interface PolicyWarning {
  /** The warning's id, e.g. `cdk-cloudtrail-org:bucketPolicy`. */
  readonly id: string;
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
 * Statements are never added to another stack, which would make it depend on this one.
 *
 * @returns the statements the resource's policy now holds, for dependencies
 */
export function addOrRequestStatements(scope: IConstruct, holder: PolicyHolder, statements: iam.PolicyStatement[],
  warning: PolicyWarning): boolean {
  const ownStack = Stack.of(holder) === Stack.of(scope);
  const added = ownStack && statements.every(statement => holder.addToResourcePolicy(statement).statementAdded);
  if (!added) {
    Annotations.of(scope).addWarningV2(warning.id,
      `${warning.resource} is not managed by this stack, so its ${warning.policy} was not changed. ${warning.consequence} `
      + `unless its owner adds these statements:\n${policyText(scope, statements)}`);
  }
  return added;
}

/**
 * Statements as readable JSON: tokens of this stack shown as `${AWS::AccountId}`-style references, so a
 * warning can be pasted into a policy by someone who fills them in.
 */
export function policyText(scope: IConstruct, statements: iam.PolicyStatement[]): string {
  const resolved = Stack.of(scope).resolve(statements.map(statement => statement.toStatementJson()));
  return JSON.stringify(readable(resolved), undefined, 2);
}

function readable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(readable);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [[key, argument]] = entries;
    if (key === 'Ref' && typeof argument === 'string') {
      return `\${${argument}}`;
    }
    if (key === 'Fn::GetAtt' && Array.isArray(argument)) {
      return `\${${argument.join('.')}}`;
    }
    if (key === 'Fn::Join' && Array.isArray(argument) && Array.isArray(argument[1])) {
      return (argument[1] as unknown[]).map(part => {
        const shown = readable(part);
        return typeof shown === 'string' ? shown : JSON.stringify(shown);
      }).join(String(argument[0]));
    }
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, readable(inner)]));
}
