import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

const chains = new WeakMap<Stack, Map<string, IConstruct[]>>();

/**
 * Adds an operation to its stack's chain of operations of the same kind and returns the one it must
 * wait for so that at most `width` of them run at once: the operation `width` places before it.
 */
export function joinChain(operation: IConstruct, kind: string, width: number): IConstruct | undefined {
  const stack = Stack.of(operation);
  const byKind = chains.get(stack) ?? new Map<string, IConstruct[]>();
  chains.set(stack, byKind);
  const chain = byKind.get(kind) ?? [];
  byKind.set(kind, chain);
  chain.push(operation);
  return chain.length > width ? chain[chain.length - 1 - width] : undefined;
}
