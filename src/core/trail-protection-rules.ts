import { withoutIntrinsics } from './intrinsics';
import {
  ORGANIZATIONS_POLICY_DESCRIPTION_MAX_LENGTH,
  ORGANIZATIONS_POLICY_NAME_LENGTH,
  OU_ID_SUFFIX_LENGTH,
  ROOT_ID_SUFFIX_LENGTH,
  SERVICE_CONTROL_POLICY_MAX_SIZE,
} from './limits';
import { lengthProblems, quoteList } from './names';
import { isUnresolved, Problem } from './problems';
import { uniqueItemsProblems } from './unique-items';

const ROOT_ID = new RegExp(`^r-[0-9a-z]{${ROOT_ID_SUFFIX_LENGTH.min},${ROOT_ID_SUFFIX_LENGTH.max}}$`);
const OU_ID = new RegExp(`^ou-[0-9a-z]{${ROOT_ID_SUFFIX_LENGTH.min},${ROOT_ID_SUFFIX_LENGTH.max}}-[a-z0-9]{${OU_ID_SUFFIX_LENGTH.min},${OU_ID_SUFFIX_LENGTH.max}}$`);
const ACCOUNT_ID = /^\d{12}$/;
const TARGET_SOURCE = 'Organizations API model PolicyTargetId: RootId, OrganizationalUnitId or AccountId';

/** The values of one list prop, each a plain string or a token. */
export interface ProtectionLists {
  readonly trailArns: readonly string[];
  readonly eventDataStoreArns: readonly string[];
  readonly exemptPrincipalArns: readonly string[];
  readonly targetIds: readonly string[];
  /** The ARNs of the log archive keys, as their `IKey`s give them. */
  readonly logArchiveKeyArns?: readonly string[];
}

/**
 * The rules of what a trail protection policy names: the trails and targets it needs, target IDs as Organizations
 * writes them, trail and event data store ARNs, and principal ARN patterns that `aws:PrincipalArn` can match.
 * Tokens are not checked, except that a key ARN whose known parts make it an alias ARN is one.
 */
export function protectionListProblems(given: ProtectionLists): Problem[] {
  // A list token (Token.asList) stands for a list only CloudFormation knows
  const known = (list: readonly string[]) => isUnresolved(list) ? [] : list;
  const lists: ProtectionLists = {
    trailArns: known(given.trailArns),
    eventDataStoreArns: known(given.eventDataStoreArns),
    exemptPrincipalArns: known(given.exemptPrincipalArns),
    targetIds: known(given.targetIds),
  };
  const problems: Problem[] = [];
  for (const property of ['trailArns', 'targetIds'] as const) {
    if (given[property].length === 0) {
      problems.push({
        id: 'TrailProtectionListNotEmpty',
        property,
        value: [],
        rule: property === 'trailArns'
          ? 'names no trail, so the policy would protect nothing (this library: a protection policy protects at least one trail)'
          : 'names no target, so the policy would apply nowhere (this library: an unattached policy protects nothing)',
        fix: property === 'trailArns' ? 'pass the ARN of the organization trail, e.g. trail.trailArn' : "pass the organization's root ID ('r-…'), OU IDs or account IDs",
      });
    }
  }
  lists.targetIds.forEach((target, index) => {
    if (!isUnresolved(target) && !ROOT_ID.test(target) && !OU_ID.test(target) && !ACCOUNT_ID.test(target)) {
      problems.push({
        id: 'TrailProtectionTargetId',
        property: `targetIds[${index}]`,
        value: target,
        rule: `is no root ID ('r-' and ${ROOT_ID_SUFFIX_LENGTH.min} to ${ROOT_ID_SUFFIX_LENGTH.max} lowercase letters or digits), `
          + `OU ID ('ou-', the root's ${ROOT_ID_SUFFIX_LENGTH.min} to ${ROOT_ID_SUFFIX_LENGTH.max}, '-' and ${OU_ID_SUFFIX_LENGTH.min} to ${OU_ID_SUFFIX_LENGTH.max} more) `
          + `or 12-digit account ID (${TARGET_SOURCE})`,
        fix: 'copy the ID from `aws organizations list-roots`, `list-organizational-units-for-parent` or `list-accounts`',
      });
    }
  });
  problems.push(...uniqueItemsProblems('TrailProtectionTargetUnique', 'targetIds', lists.targetIds.filter(t => !isUnresolved(t)),
    'AttachPolicy DuplicatePolicyAttachmentException', 'name each target once'));
  problems.push(...arnProblems('trailArns', lists.trailArns, 'trail', 'trail.trailArn'));
  problems.push(...arnProblems('eventDataStoreArns', lists.eventDataStoreArns, 'eventdatastore', 'store.eventDataStoreArn'));
  lists.exemptPrincipalArns.forEach((arn, index) => problems.push(...exemptPrincipalProblems(`exemptPrincipalArns[${index}]`, arn)));
  known(given.logArchiveKeyArns ?? []).forEach((arn, index) => {
    // AWS KMS authorizes the key actions on the key's ARN; an alias ARN matches only alias actions (CreateAlias, ...).
    // A token's text holds no ':', so an ARN whose partition, Region or account is a token (an IAlias's keyArn, as
    // Stack.formatArn writes it) is recognised by its known parts.
    if (/^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(arn)) {
      problems.push({
        id: 'TrailProtectionKeyArn',
        property: `logArchiveKeys[${index}]`,
        value: arn,
        rule: 'is an alias ARN: AWS KMS authorizes PutKeyPolicy, ScheduleKeyDeletion and DisableKey on the key ARN, so a Deny on the alias '
          + 'denies nothing (Service Authorization Reference, "Resource types defined by AWS Key Management Service")',
        fix: 'pass the key by its key ARN, e.g. kms.Key.fromKeyArn(this, \'Key\', \'arn:aws:kms:<region>:<account>:key/<key id>\')',
      });
    }
  });
  return problems;
}

// A CloudTrail ARN, wildcards allowed in every part as ArnLike-style Resource elements allow them
// (Service Authorization Reference, "Resource types defined by AWS CloudTrail")
const cloudTrailArn = (type: string) => new RegExp(`^arn:[a-z*?-]+:cloudtrail:[a-z0-9*?-]+:[0-9*?]+:${type}/[^\\s]+$`);

function arnProblems(property: string, arns: readonly string[], type: 'trail' | 'eventdatastore', example: string): Problem[] {
  const format = cloudTrailArn(type);
  return arns.flatMap((arn, index) => isUnresolved(arn) || format.test(arn) ? [] : [{
    id: 'TrailProtectionResourceArnFormat' as const,
    property: `${property}[${index}]`,
    value: arn,
    rule: `is no ${type === 'trail' ? 'trail' : 'event data store'} ARN, arn:<partition>:cloudtrail:<region>:<account>:${type}/<${type === 'trail' ? 'name' : 'id'}> `
      + '(Service Authorization Reference, "Resource types defined by AWS CloudTrail"); a Deny on any other resource denies nothing',
    fix: `pass the ARN, e.g. ${example}; wildcards (* and ?) are allowed`,
  }]);
}

// What aws:PrincipalArn holds: the ARN of an IAM user or role (the role's, not its session's), the account root, or a
// federated user of AWS STS (IAM User Guide, "AWS global condition context keys", aws:PrincipalArn)
const PRINCIPAL_ARN = /^arn:[a-z*?-]+:(iam::[0-9*?]+:(root|(role|user)\/\S+)|sts::[0-9*?]+:federated-user\/\S+)$/;
// A name part that is only wildcards: the pattern matches every role (or user) of the accounts it names
const EVERY_NAME = /^arn:[^:]+:(iam|sts)::[^:]+:(role|user|federated-user)\/[*?/]*$/;

/** The rule of an exempt principal ARN pattern. Tokens are not checked. */
export function exemptPrincipalProblems(property: string, arn: string): Problem[] {
  if (isUnresolved(arn) || PRINCIPAL_ARN.test(arn)) {
    return [];
  }
  const session = /:assumed-role\//.test(arn);
  return [{
    id: 'TrailProtectionExemptPrincipalFormat',
    property,
    value: arn,
    rule: session
      ? 'is a role session ARN; aws:PrincipalArn holds the ARN of the role itself, so this pattern never matches (IAM User Guide, aws:PrincipalArn)'
      : 'is no ARN that aws:PrincipalArn holds: arn:<partition>:iam::<account>:role/<name>, :user/<name> or :root, '
        + 'or arn:<partition>:sts::<account>:federated-user/<name> (IAM User Guide, aws:PrincipalArn)',
    fix: session
      ? 'use the role ARN, e.g. arn:aws:iam::*:role/AWSControlTowerExecution'
      : "pass a role ARN pattern, e.g. 'arn:aws:iam::*:role/AWSControlTowerExecution' (wildcards * and ? are allowed)",
  }];
}

/** Whether an exempt principal pattern matches every role or user of the accounts it names. */
export function exemptsEveryPrincipal(arn: string): boolean {
  return !isUnresolved(arn) && EVERY_NAME.test(arn);
}

const POLICY_SOURCE = 'Organizations CreatePolicy';

/** The rules of a policy's name and description (Organizations CreatePolicy). Tokens are not checked. */
export function organizationsPolicyNameProblems(name: string, description: string | undefined): Problem[] {
  const problems: Problem[] = [];
  if (!isUnresolved(name)) {
    problems.push(...lengthProblems('TrailProtectionPolicyNameLength', 'policyName', name, ORGANIZATIONS_POLICY_NAME_LENGTH, `${POLICY_SOURCE} Name`));
    const invalid = [...new Set(name.match(/[^\x00-\x7f]/gu) ?? [])];
    if (invalid.length > 0) {
      problems.push({
        id: 'TrailProtectionPolicyNameCharacters',
        property: 'policyName',
        value: name,
        rule: `contains ${quoteList(invalid, 'and')}; a policy name has characters of the ASCII range only (${POLICY_SOURCE} Name)`,
        fix: 'remove or replace those characters',
      });
    }
  }
  if (description !== undefined && !isUnresolved(description)) {
    problems.push(...lengthProblems('TrailProtectionDescriptionLength', 'description', description,
      { min: 0, max: ORGANIZATIONS_POLICY_DESCRIPTION_MAX_LENGTH }, `${POLICY_SOURCE} Description`));
  }
  return problems;
}

/**
 * The size rule of a service control policy: its document, minified as CloudFormation sends it, in UTF-8 bytes (never
 * fewer than its characters). An intrinsic counts as an empty string, so the size is a lower bound when the document
 * holds tokens: a policy reported too large is too large whatever they resolve to.
 */
export function servicePolicySizeProblems(property: string, resolvedDocument: unknown): Problem[] {
  const known = JSON.stringify(withoutIntrinsics(resolvedDocument));
  const size = Buffer.byteLength(known, 'utf8');
  if (size <= SERVICE_CONTROL_POLICY_MAX_SIZE) {
    return [];
  }
  return [{
    id: 'TrailProtectionPolicySize',
    property,
    rule: `make a policy document of ${size} bytes${known === JSON.stringify(resolvedDocument) ? '' : ' at least'}; `
      + `a service control policy has at most ${SERVICE_CONTROL_POLICY_MAX_SIZE} characters (Organizations User Guide, "Quotas", maximum size of a policy document)`,
    fix: 'protect fewer resources per policy (split them over two policies), or use wildcards in the ARNs and exempt principal patterns',
  }];
}
