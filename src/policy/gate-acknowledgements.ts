import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { flattenIntrinsics } from '../core/intrinsics';

/**
 * A finding of a policy gate (a cdk-nag pack or the Control Tower proactive controls of
 * `@cdklabs/cdk-validator-cfnguard`) that a construct of this library has by design, with why.
 * Ids are namespaced with the gate (`<plugin>::<rule>`). GATES.md lists every entry.
 */
export interface GateAcknowledgement {
  readonly ids: string[];
  readonly reason: string;
}

/**
 * The construct metadata under which the library records the Control Tower findings it accepts for its own
 * resources (data: rule id namespaced with the plugin → reason). Only `AcceptedFindingsPlugin` reads it.
 */
export const ACCEPTED_FINDINGS_METADATA_KEY = 'cdk-cloudtrail-org:accepted-findings';

/** The rule metadata under which `AcceptedFindingsPlugin` reports the reason of a finding it accepted. */
export const ACCEPTED_REASON_RULE_METADATA_KEY = 'cdk-cloudtrail-org:accepted';

const COMPLIANCE_PACKS = ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'];
const CONTROL_TOWER = 'cdk-validator-cfnguard';

function inCompliancePacks(rule: string): string[] {
  return COMPLIANCE_PACKS.map(pack => `${pack}::${pack}-${rule}`);
}

/** Every acknowledgement the library makes, by where it applies. */
export const GATE_ACKNOWLEDGEMENTS = {
  logBucketReplication: {
    ids: inCompliancePacks('S3BucketReplicationEnabled'),
    reason: 'Cross-Region replication needs a second bucket in another Region, which one stack cannot create; '
      + 'add a replication rule to the trail bucket if your retention policy asks for a second copy',
  },
  accessLogEncryption: {
    ids: [...inCompliancePacks('S3DefaultEncryptionKMS'), `${CONTROL_TOWER}::s3_bucket_default_encryption_kms_check`],
    reason: 'S3 server access logs can only be delivered to a bucket encrypted with SSE-S3 (S3 User Guide, "Enabling Amazon S3 server access logging")',
  },
  accessLogLogging: {
    ids: ['AwsSolutions::AwsSolutions-S1', ...inCompliancePacks('S3BucketLoggingEnabled'), `${CONTROL_TOWER}::s3_bucket_logging_enabled_check`],
    reason: 'This bucket receives the log bucket\'s server access logs; logging its own access would log every delivery again',
  },
  handlerConcurrency: {
    ids: ['NIST.800.53.R5', 'HIPAA.Security'].map(pack => `${pack}::${pack}-LambdaConcurrency`),
    reason: 'Reserved concurrency would take capacity from the account\'s unreserved pool (a new account has 10 in all) for functions that '
      + 'run a few times per deployment or schedule',
  },
  handlerDeadLetterQueue: {
    ids: ['NIST.800.53.R5', 'HIPAA.Security'].map(pack => `${pack}::${pack}-LambdaDLQ`),
    reason: 'Every failure already has an owner: a failed operation fails its deployment with the message, and a failed scheduled run is '
      + 'logged with the query ID; a dead-letter queue would hold events nobody replays',
  },
  handlerOutsideVpc: {
    ids: [...inCompliancePacks('LambdaInsideVPC'), `${CONTROL_TOWER}::lambda_inside_vpc_check`],
    reason: 'The functions call only AWS APIs (CloudTrail, Organizations, SNS) with permissions scoped by IAM; a VPC would need a NAT '
      + 'gateway or interface endpoints and add no control',
  },
  handlerRuntime: {
    ids: ['AwsSolutions::AwsSolutions-L1'],
    reason: 'The handlers are built and tested for Node.js 22, whose AWS SDK v3 they use; a newer runtime comes with a release that tests it',
  },
  providerFramework: {
    ids: ['AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...inCompliancePacks('IAMNoInlinePolicy')],
    reason: 'aws-cdk-lib\'s custom_resources.Provider creates these framework functions, roles and waiter state machine; their policies '
      + 'only invoke the library\'s two handler functions, write logs and send traces',
  },
  handlerActionsWithoutResources: {
    ids: ['AwsSolutions::AwsSolutions-IAM5[Resource::*]'],
    reason: 'CloudTrail StartImport, GetImport, ListImports, ListImportFailures, StopImport, RegisterOrganizationDelegatedAdmin and '
      + 'DeregisterOrganizationDelegatedAdmin, and Organizations EnableAWSServiceAccess, DescribeOrganization and '
      + 'ListAWSServiceAccessForOrganization take no resource type (Service Authorization Reference); EnableAWSServiceAccess is '
      + 'limited to CloudTrail by the organizations:ServicePrincipal condition',
  },
  waiterTracing: {
    ids: ['AwsSolutions::AwsSolutions-IAM5[Resource::*]'],
    reason: 'The waiter state machine\'s logging (logs:CreateLogDelivery and the other log-delivery actions) and tracing (X-Ray '
      + 'PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) take no resource type (Service Authorization Reference)',
  },
} satisfies Record<string, GateAcknowledgement>;

/** Why a delegated administrator's Organizations permissions name any organization: the stack does not know its ID. */
export const DELEGATED_ADMIN_ORGANIZATION_REASON = 'The stack does not know the organization ID, so the account ARN matches any organization (o-*) '
  + 'and names the member account exactly; the actions are limited to CloudTrail by the organizations:ServicePrincipal condition';

/** Why the CloudWatch Logs delivery role has AwsSolutions-IAM5 acknowledged for its two log-stream resources. */
export const LOG_STREAM_WILDCARDS_REASON = 'CloudTrail names the log streams it creates (<account>_CloudTrail_<region>[_n] and '
  + '<orgId>_<account>_CloudTrail_<region>[_n]), so the role can only be limited to those name prefixes in the one log group';

/**
 * Acknowledges gate findings on a construct and everything below it, in the one way that cannot change what
 * a gate decides for anything else:
 * - cdk-nag findings by their bare rule id, which cdk-nag 3 itself drops on this subtree before it reports
 *   (a namespaced id would be suppressed by aws-cdk-lib instead, which then re-decides the whole pack's
 *   outcome from the severities left and passes a report holding only the user's warnings);
 * - Control Tower findings are never acknowledged: aws-cdk-lib passes a cfn-guard report as soon as one of
 *   its findings is, because cfn-guard findings carry no severity. They are recorded, for the opt-in
 *   `AcceptedFindingsPlugin`, as accepted on this subtree.
 */
export function acknowledgeGateFindings(scope: IConstruct, acknowledgement: GateAcknowledgement): void {
  const accepted: Record<string, string> = {};
  for (const id of acknowledgement.ids) {
    const [gate, rule] = id.split(/::(.*)/s);
    if (gate === CONTROL_TOWER) {
      accepted[id] = acknowledgement.reason;
    } else {
      acknowledgeNagRule(scope, rule, acknowledgement.reason);
    }
  }
  if (Object.keys(accepted).length > 0) {
    scope.node.addMetadata(ACCEPTED_FINDINGS_METADATA_KEY, accepted);
  }
}

/**
 * aws-cdk-lib before 2.269 rejects a rule id with `::` inside brackets (cdk-nag's findings on one resource,
 * `AwsSolutions-IAM5[Resource::arn:…]`) as an InvalidValidationId. There the finding stays reported, and synthesis
 * goes on: the README asks cdk-nag users for 2.269 or newer.
 */
function acknowledgeNagRule(scope: IConstruct, rule: string, reason: string): void {
  try {
    Validations.of(scope).acknowledge({ id: rule, reason });
  } catch (error) {
    if (!/InvalidValidationId|Invalid validation rule ID/.test(String(error))) {
      throw error;
    }
  }
}

/**
 * Acknowledges AwsSolutions-IAM5 for wildcard resources of a policy, each named the way cdk-nag names
 * the finding (`Resource::<flattened ARN>`), so that any other wildcard still fails.
 */
export function acknowledgeWildcardResources(scope: IConstruct, resources: string[], reason: string): void {
  const stack = Stack.of(scope);
  acknowledgeGateFindings(scope, {
    ids: resources.map(resource => `AwsSolutions::AwsSolutions-IAM5[Resource::${flattenIntrinsics(stack.resolve(resource), name => `<${name}>`)}]`),
    reason,
  });
}
