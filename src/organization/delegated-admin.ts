import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { OrganizationDelegatedAdminProps } from './delegated-admin-props';
import { delegatedAdminProblems, delegatedAdminsProblems } from './delegated-admin-rules';
import { CLOUDTRAIL_SERVICE, enableTrustedAccessStatement } from './trusted-access-policy';
import { noteEnvironmentChecks } from '../core/environment';
import { recordDelegatedAdmin } from '../core/organization';
import { throwIfProblems, validateAtSynth } from '../core/problems';
import { joinChain } from '../operations/operation-chain';
import { DelegatedAdminProperties, OperationKind } from '../operations/operation-properties';
import { SynchronousOperationsProvider } from '../operations/provider';
import { acknowledgeWildcardResources, DELEGATED_ADMIN_ORGANIZATION_REASON } from '../policy/gate-acknowledgements';

/** The service-linked roles registering a CloudTrail delegated administrator creates, by service principal. */
const SERVICE_LINKED_ROLES = {
  [CLOUDTRAIL_SERVICE]: 'AWSServiceRoleForCloudTrail',
  'context.cloudtrail.amazonaws.com': 'AWSServiceRoleForCloudTrailEventContext',
};
// Registration answers at once, and the function answers FAILED before its own two minutes are up; this only bounds
// a request CloudFormation never gets an answer to (the function could not reach the response URL)
const ANSWER_TIMEOUT = Duration.minutes(5);
const DELEGATED_ADMIN = Symbol.for('cdk-cloudtrail-org.OrganizationDelegatedAdmin');

/**
 * Makes a member account of the organization a CloudTrail delegated administrator, as a custom
 * resource: it turns on trusted access for CloudTrail in AWS Organizations (as `CloudTrailTrustedAccess` does,
 * with the same handler) and calls
 * RegisterOrganizationDelegatedAdmin; delete deregisters the account and leaves trusted access on, which
 * organization trails need. Deploy it in a stack of the organization's management account.
 */
export class OrganizationDelegatedAdmin extends Construct {
  /** Whether a construct is an OrganizationDelegatedAdmin. */
  public static isOrganizationDelegatedAdmin(x: unknown): x is OrganizationDelegatedAdmin {
    return typeof x === 'object' && x !== null && DELEGATED_ADMIN in x;
  }

  /** The delegated administrator's account ID. */
  public readonly memberAccountId: string;

  constructor(scope: Construct, id: string, props: OrganizationDelegatedAdminProps) {
    super(scope, id);
    Object.defineProperty(this, DELEGATED_ADMIN, { value: true });
    const stack = Stack.of(this);
    throwIfProblems(this, delegatedAdminProblems(props, stack.account));
    noteEnvironmentChecks(this, ['DelegatedAdminNotManagementAccount']);
    this.memberAccountId = props.memberAccountId;
    recordDelegatedAdmin(this, {
      path: this.node.path,
      memberAccountId: props.memberAccountId,
      managementAccountId: Token.isUnresolved(stack.account) ? undefined : stack.account,
    });

    const provider = SynchronousOperationsProvider.of(this);
    for (const statement of delegatedAdminStatements(stack, props.memberAccountId)) {
      provider.addToHandlerPolicy(statement);
    }
    acknowledgeWildcardResources(provider.handlerPolicy, [memberAccountArn(stack, props.memberAccountId)], DELEGATED_ADMIN_ORGANIZATION_REASON);
    const properties: DelegatedAdminProperties = { Operation: OperationKind.ORGANIZATION_DELEGATED_ADMIN, MemberAccountId: props.memberAccountId };
    const resource = provider.createResource(this, 'Resource', {
      resourceType: 'Custom::CloudTrailDelegatedAdmin',
      properties,
      serviceTimeout: ANSWER_TIMEOUT,
    });

    // Organizations answers ConflictException to registrations that overlap
    joinChain(this, resource, 'OrganizationDelegatedAdmin', 1);
    validateAtSynth(this, () => delegatedAdminsProblems(this.memberAccountId, delegatedAdminsOf(stack)));
  }
}

function delegatedAdminsOf(scope: IConstruct): string[] {
  return Stack.of(scope).node.findAll().filter(OrganizationDelegatedAdmin.isOrganizationDelegatedAdmin).map(admin => admin.memberAccountId);
}

/** The member account's ARN in any organization of the management account (the stack does not know the organization ID). */
function memberAccountArn(stack: Stack, memberAccountId: string): string {
  return stack.formatArn({ service: 'organizations', region: '', resource: 'account', resourceName: `o-*/${memberAccountId}` });
}

/**
 * What registering and deregistering a CloudTrail delegated administrator takes (CloudTrail User Guide,
 * "Required permissions for assigning a CloudTrail delegated administrator"), scoped to CloudTrail and
 * the member account where the actions allow it.
 */
function delegatedAdminStatements(stack: Stack, memberAccountId: string): iam.PolicyStatement[] {
  const forCloudTrail = { StringEquals: { 'organizations:ServicePrincipal': CLOUDTRAIL_SERVICE } };
  // Registering creates CloudTrail's service-linked role and the one of its event context service (CloudTrail User
  // Guide, "Required permissions to assign a delegated administrator": include both service principals)
  const serviceLinkedRoles = Object.entries(SERVICE_LINKED_ROLES).map(([service, role]) =>
    stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `aws-service-role/${service}/${role}` }));
  return [
    new iam.PolicyStatement({
      actions: ['cloudtrail:RegisterOrganizationDelegatedAdmin', 'cloudtrail:DeregisterOrganizationDelegatedAdmin'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      actions: ['organizations:RegisterDelegatedAdministrator', 'organizations:DeregisterDelegatedAdministrator'],
      resources: [memberAccountArn(stack, memberAccountId)],
      conditions: forCloudTrail,
    }),
    enableTrustedAccessStatement(),
    new iam.PolicyStatement({ actions: ['organizations:DescribeOrganization', 'organizations:ListAWSServiceAccessForOrganization'], resources: ['*'] }),
    new iam.PolicyStatement({
      actions: ['iam:CreateServiceLinkedRole'],
      resources: serviceLinkedRoles,
      conditions: { StringEquals: { 'iam:AWSServiceName': Object.keys(SERVICE_LINKED_ROLES) } },
    }),
    new iam.PolicyStatement({ actions: ['iam:GetRole'], resources: serviceLinkedRoles }),
  ];
}
