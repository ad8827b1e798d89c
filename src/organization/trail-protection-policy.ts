import { Names, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { TrailProtectionPolicyProps } from './trail-protection-policy-props';
import { ORGANIZATIONS_POLICY_NAME_LENGTH } from '../core/limits';
import { throwIfProblems, warnRule } from '../core/problems';
import {
  exemptsEveryPrincipal,
  organizationsPolicyNameProblems,
  protectionListProblems,
  servicePolicySizeProblems,
} from '../core/trail-protection-rules';
import {
  EVENT_DATA_STORE_TAMPER_ACTIONS,
  LOG_BUCKET_TAMPER_ACTIONS,
  LOG_KEY_TAMPER_ACTIONS,
  TRAIL_TAMPER_ACTIONS,
} from '../policy/tamper-actions';

const DEFAULT_DESCRIPTION = 'Denies stopping, deleting or weakening the organization trail and its log archive.';

/**
 * A service control policy that denies stopping, deleting or weakening the organization's trails, event data
 * stores and log archive (bucket and key) to every principal of the target accounts but the exempt ones: what
 * AWS Control Tower's mandatory CloudTrail and log archive controls do, as code.
 *
 * Deploy it in a stack of the organization's management account (or of a delegated administrator for
 * AWS Organizations policies). What AWS Organizations documents about service control policies holds:
 * - they never restrict the management account's principals, nor service-linked roles; the trail's own
 *   account must be protected by its IAM policies;
 * - the SERVICE_CONTROL_POLICY policy type must be enabled on the root (`aws organizations enable-policy-type`);
 * - a root, OU or account takes at most 5 of them, `FullAWSAccess` included;
 * - a document has at most 5,120 characters (checked at synthesis).
 *
 * @example
 * new TrailProtectionPolicy(this, 'ProtectTrail', {
 *   trailArns: ['arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-audit'],
 *   exemptPrincipalArns: ['arn:aws:iam::*:role/AWSControlTowerExecution'],
 *   targetIds: ['r-a1b2'],
 * });
 */
export class TrailProtectionPolicy extends Construct {
  /**
   * The policy's ID, e.g. `p-a1b2c3d4`.
   * @attribute
   */
  public readonly policyId: string;
  /**
   * The policy's ARN.
   * @attribute
   */
  public readonly policyArn: string;
  /** The policy's name in AWS Organizations. */
  public readonly policyName: string;
  /** The policy document: one Deny statement per kind of resource protected. */
  public readonly document: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: TrailProtectionPolicyProps) {
    super(scope, id);
    const lists = {
      trailArns: props.trailArns,
      eventDataStoreArns: props.eventDataStoreArns ?? [],
      exemptPrincipalArns: props.exemptPrincipalArns ?? [],
      targetIds: props.targetIds,
      logArchiveKeyArns: (props.logArchiveKeys ?? []).map(key => key.keyArn),
    };
    this.policyName = props.policyName ?? Names.uniqueResourceName(this, { maxLength: ORGANIZATIONS_POLICY_NAME_LENGTH.max });
    const description = props.description ?? DEFAULT_DESCRIPTION;
    throwIfProblems(this, [...protectionListProblems(lists), ...organizationsPolicyNameProblems(this.policyName, description)]);

    this.document = protectionDocument({
      trailArns: lists.trailArns,
      eventDataStoreArns: lists.eventDataStoreArns,
      bucketArns: (props.logArchiveBuckets ?? []).map(bucket => bucket.bucketArn),
      keyArns: (props.logArchiveKeys ?? []).map(key => key.keyArn),
      exemptPrincipalArns: lists.exemptPrincipalArns,
    });
    throwIfProblems(this, servicePolicySizeProblems('trailArns, eventDataStoreArns, logArchiveBuckets, logArchiveKeys, exemptPrincipalArns',
      Stack.of(this).resolve(this.document)));

    const broad = lists.exemptPrincipalArns.filter(exemptsEveryPrincipal);
    if (broad.length > 0) {
      warnRule(this, 'TrailProtectionBroadExemption', `exemptPrincipalArns ${broad.join(', ')} exempt every role or user of the accounts they name: `
        + 'anyone there who can create or assume a role can still stop, delete or weaken the trail. Name the roles that need the exemption.');
    }

    const resource = new CfnPolicy(this, 'Resource', {
      name: this.policyName,
      description,
      type: 'SERVICE_CONTROL_POLICY',
      content: this.document,
      targetIds: props.targetIds,
    });
    this.policyId = resource.attrId;
    this.policyArn = resource.attrArn;
  }
}

interface ProtectedResources {
  readonly trailArns: readonly string[];
  readonly eventDataStoreArns: readonly string[];
  readonly bucketArns: readonly string[];
  readonly keyArns: readonly string[];
  readonly exemptPrincipalArns: readonly string[];
}

/** One Deny statement per kind of resource, each on the actions authorized on that resource type. */
function protectionDocument(resources: ProtectedResources): iam.PolicyDocument {
  // Service control policies take no Principal element: the exemption is a condition on the calling principal
  // (Organizations User Guide, "SCP syntax"; IAM User Guide, aws:PrincipalArn)
  const conditions = resources.exemptPrincipalArns.length > 0
    ? { ArnNotLike: { 'aws:PrincipalArn': [...resources.exemptPrincipalArns] } }
    : undefined;
  const deny = (sid: string, actions: readonly string[], arns: readonly string[]) => arns.length === 0 ? [] : [new iam.PolicyStatement({
    sid,
    effect: iam.Effect.DENY,
    actions: [...actions],
    resources: [...arns],
    conditions,
  })];
  return new iam.PolicyDocument({
    statements: [
      ...deny('DenyTrailTampering', TRAIL_TAMPER_ACTIONS, resources.trailArns),
      ...deny('DenyEventDataStoreTampering', EVENT_DATA_STORE_TAMPER_ACTIONS, resources.eventDataStoreArns),
      ...deny('DenyLogBucketTampering', LOG_BUCKET_TAMPER_ACTIONS, resources.bucketArns),
      ...deny('DenyLogKeyTampering', LOG_KEY_TAMPER_ACTIONS, resources.keyArns),
    ],
  });
}
