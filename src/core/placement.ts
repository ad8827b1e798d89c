import { Stack, TagManager, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { RenderedTag } from './tags';

/** Where a resource will be created, for per-account, per-Region quotas. */
export interface Placement {
  readonly path: string;
  readonly account: string;
  readonly region: string;
}

/** Where a resource will be created, when its stack's account and Region are known. */
export function placementOf(resource: IConstruct): Placement | undefined {
  const stack = Stack.of(resource);
  if (Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) {
    return undefined;
  }
  return { path: resource.node.path, account: stack.account, region: stack.region };
}

/**
 * Every resource of one kind that the scope's app deploys to one account, placed; resources of unknown
 * placement are left out. Only the stacks of that account are searched, so that checking every trail of
 * an app of many accounts costs the app's size once, not once per trail.
 */
export function placedInAccount<T extends IConstruct, P extends Placement>(scope: IConstruct, account: string,
  isKind: (c: IConstruct) => c is T, place: (resource: T) => P | undefined): P[] {
  return stacksIn(scope.node.root)
    .filter(stack => stack.account === account)
    .flatMap(stack => stack.node.findAll().filter(isKind).map(place))
    .filter((p): p is P => p !== undefined);
}

/** The outermost stacks under a construct, in stages too; each one's own tree holds its nested stacks. */
function stacksIn(construct: IConstruct): Stack[] {
  return construct.node.children.flatMap(child => Stack.isStack(child) ? [child] : stacksIn(child));
}

/** The tags a resource will carry (those of `Tags.of(...)` included), as CloudFormation receives them. */
export function renderedTags(scope: IConstruct, tags: TagManager): RenderedTag[] {
  // CloudTrail's L1 resources render tag entries as { key, value }.
  return (Stack.of(scope).resolve(tags.renderTags()) as RenderedTag[] | undefined) ?? [];
}
