import { CustomResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

const chains = new WeakMap<Stack, Map<string, IConstruct[]>>();

/**
 * Adds an operation to its stack's chain of operations of the same kind, so that at most `width` of them
 * run at once: its custom resource waits for that of the operation `width` places before it, which is
 * returned.
 */
export function joinChain(operation: IConstruct, resource: CustomResource, kind: string, width: number): IConstruct | undefined {
  const stack = Stack.of(operation);
  const byKind = chains.get(stack) ?? new Map<string, IConstruct[]>();
  chains.set(stack, byKind);
  const chain = byKind.get(kind) ?? [];
  byKind.set(kind, chain);
  chain.push(operation);
  const before = chain.length > width ? chain[chain.length - 1 - width] : undefined;
  if (before) {
    // Only the custom resources wait for each other: a dependency of the whole construct would make the
    // shared handler policy, which names this operation's resources, wait for the earlier operation too.
    resource.node.addDependency(before.node.defaultChild!);
  }
  return before;
}
