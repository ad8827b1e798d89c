import { Stack, TagManager, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { delegatedAdminsOfApp } from './organization';
import { RenderedTag } from './tags';

/** Where a resource will be created, for per-account, per-Region quotas: `account` is the account that owns it. */
export interface Placement {
  readonly path: string;
  readonly account: string;
  readonly region: string;
}

/** An organization resource deployed from one account and owned by another, as the app's root records it. */
interface OwnedElsewhere {
  /** The account whose stack holds the resource. */
  readonly holder: string;
  /** The account that owns it: the organization's management account. */
  readonly owner: string;
}

// Global symbols, so that records made by another copy of the library in the same app are seen too
const OWNER = Symbol.for('cdk-cloudtrail-org.ownerAccount');
const OWNED_ELSEWHERE = Symbol.for('cdk-cloudtrail-org.ownedElsewhere');

/**
 * Records that a resource belongs to another account than its stack's: an organization trail that a delegated
 * administrator creates is owned by the management account (CloudTrail User Guide, "Organization delegated
 * administrator"). Unknown (token) accounts are not recorded.
 */
export function recordOwner(resource: IConstruct, owner: string): void {
  const holder = Stack.of(resource).account;
  if (Token.isUnresolved(owner) || Token.isUnresolved(holder) || owner === holder) {
    return;
  }
  Object.defineProperty(resource, OWNER, { value: owner, configurable: true });
  const root = resource.node.root as IConstruct & { [OWNED_ELSEWHERE]?: OwnedElsewhere[] };
  root[OWNED_ELSEWHERE] = [...root[OWNED_ELSEWHERE] ?? [], { holder, owner }];
}

/**
 * The account that owns a resource: the one recorded for it; for an organization resource deployed from an account
 * the app registers as CloudTrail delegated administrator, the management account that registers it ("The management
 * account remains the owner of any CloudTrail organization resources the delegated administrator creates"); its
 * stack's account otherwise.
 */
export function ownerAccountOf(resource: IConstruct, organizationResource: boolean): string {
  const recorded = (resource as { [OWNER]?: string })[OWNER];
  if (recorded !== undefined) {
    return recorded;
  }
  const account = Stack.of(resource).account;
  if (organizationResource) {
    const registration = delegatedAdminsOfApp(resource).find(admin => admin.memberAccountId === account && admin.managementAccountId !== undefined);
    if (registration) {
      return registration.managementAccountId!;
    }
  }
  return account;
}

/**
 * Where a resource will be created, when its stack's account and Region are known; `account` is its owner's, for an
 * organization resource created from a delegated administrator account the management account's.
 */
export function placementOf(resource: IConstruct, organizationResource = false): Placement | undefined {
  const stack = Stack.of(resource);
  if (Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) {
    return undefined;
  }
  return { path: resource.node.path, account: ownerAccountOf(resource, organizationResource), region: stack.region };
}

/**
 * Every resource of one kind that the scope's app places in one account, its owner; resources of unknown placement
 * are left out. Only the stacks of that account and of the accounts that may create resources it owns (delegated
 * administrators) are searched, so that checking every trail of an app of many accounts costs the app's size once,
 * not once per trail.
 */
export function placedInAccount<T extends IConstruct, P extends Placement>(scope: IConstruct, account: string,
  isKind: (c: IConstruct) => c is T, place: (resource: T) => P | undefined): P[] {
  const root = scope.node.root as IConstruct & { [OWNED_ELSEWHERE]?: OwnedElsewhere[] };
  const accounts = new Set([account,
    ...(root[OWNED_ELSEWHERE] ?? []).filter(record => record.owner === account).map(record => record.holder),
    ...delegatedAdminsOfApp(scope).filter(admin => admin.managementAccountId === account).map(admin => admin.memberAccountId)]);
  return stacksIn(scope.node.root)
    .filter(stack => accounts.has(stack.account))
    .flatMap(stack => stack.node.findAll().filter(isKind).map(place))
    .filter((p): p is P => p !== undefined && p.account === account);
}

/** The outermost stacks under a construct, in stages too; each one's own tree holds its nested stacks. */
export function stacksIn(construct: IConstruct): Stack[] {
  return construct.node.children.flatMap(child => Stack.isStack(child) ? [child] : stacksIn(child));
}

/** The tags a resource will carry (those of `Tags.of(...)` included), as CloudFormation receives them. */
export function renderedTags(scope: IConstruct, tags: TagManager): RenderedTag[] {
  // CloudTrail's L1 resources render tag entries as { key, value }.
  return (Stack.of(scope).resolve(tags.renderTags()) as RenderedTag[] | undefined) ?? [];
}
