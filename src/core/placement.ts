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

/** Every resource of one kind in the scope's whole app, placed; resources of unknown placement are left out. */
export function placedInApp<T extends IConstruct, P extends Placement>(scope: IConstruct, isKind: (c: IConstruct) => c is T,
  place: (resource: T) => P | undefined): P[] {
  return scope.node.root.node.findAll().filter(isKind).map(place).filter((p): p is P => p !== undefined);
}

/** The tags a resource will carry (those of `Tags.of(...)` included), as CloudFormation receives them. */
export function renderedTags(scope: IConstruct, tags: TagManager): RenderedTag[] {
  // CloudTrail's L1 resources render tag entries as { key, value }.
  return (Stack.of(scope).resolve(tags.renderTags()) as RenderedTag[] | undefined) ?? [];
}
