import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { policyText } from './resource-policy';
import { warnRule } from '../core/problems';
import type { RuleId } from '../core/rule-registry';

/** A policy a construct gives a role, and what to say when it cannot. */
export interface RolePolicyRequest {
  /** The managed policy's description. */
  readonly description: string;
  /** The warning's rule, e.g. `RolePolicyNotManaged`; its annotation id is `cdk-cloudtrail-org:<id>`. */
  readonly warningId: RuleId;
  /** The role in words, e.g. `federation role`. */
  readonly roleName: string;
  /** What fails while the statements are missing, e.g. `Lake Formation cannot read the federated store`. */
  readonly consequence: string;
  /** The construct the warning goes on; the policy's scope when not given. */
  readonly warnOn?: IConstruct;
}

/**
 * Gives a role of this stack the statements in a managed policy (not an inline one, which the NIST
 * 800-53, HIPAA and PCI DSS packs reject as IAMNoInlinePolicy); any other role gets a warning with the
 * statements its owner must add.
 */
export function attachOrRequestPolicy(scope: Construct, id: string, role: iam.IRole, statements: iam.PolicyStatement[],
  request: RolePolicyRequest): iam.ManagedPolicy | undefined {
  if (role instanceof iam.Role && Stack.of(role) === Stack.of(scope)) {
    return new iam.ManagedPolicy(scope, id, { description: request.description, roles: [role], statements });
  }
  warnRule(request.warnOn ?? scope, request.warningId,
    `${request.roleName} ${role.roleArn} is not managed by this stack, so its policy was not changed. ${request.consequence} `
    + `unless the role's owner adds these statements:\n${policyText(scope, statements)}`);
  return undefined;
}
