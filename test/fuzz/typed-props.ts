import * as fc from 'fast-check';
import { Make, MadeProps, make } from './arbitraries';

const MISSING = make('(missing)', () => undefined);

/**
 * Props objects of the props' TypeScript type, biased towards valid ones: about half are valid, the others
 * have one to three props replaced by a value of the right type that breaks a rule, or an optional prop left
 * out. Values of the wrong type are not made: TypeScript and jsii reject them before the construct runs.
 *
 * @param valid valid props
 * @param invalid for each prop that has them, values of its type that it does not take
 * @param optional the props that may be left out
 */
export function typedPropsOf(valid: fc.Arbitrary<MadeProps>, invalid: Record<string, fc.Arbitrary<Make<unknown>>>,
  optional: readonly string[]): fc.Arbitrary<Make<Record<string, unknown>>> {
  const keys = [...new Set([...Object.keys(invalid), ...optional])];
  const replacement = (key: string): fc.Arbitrary<[string, Make<unknown>]> => {
    const values = invalid[key] && optional.includes(key)
      ? fc.oneof({ weight: 3, arbitrary: invalid[key] }, { weight: 1, arbitrary: fc.constant(MISSING) })
      : invalid[key] ?? fc.constant(MISSING);
    return values.map(value => [key, value]);
  };
  const corruption = fc.oneof(
    { weight: 1, arbitrary: fc.constant<Array<[string, Make<unknown>]>>([]) },
    {
      weight: 1,
      arbitrary: fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }).chain(chosen => fc.tuple(...chosen.map(replacement))),
    },
  );
  return fc.tuple(valid, corruption).map(([base, replaced]) => {
    const entries = new Map<string, Make<unknown>>(Object.entries(base));
    for (const [key, value] of replaced) {
      if (value === MISSING) {
        entries.delete(key);
      } else {
        entries.set(key, value);
      }
    }
    const shown = [...entries].map(([key, value]) => `${key}: ${String(value)}`).join(', ');
    return make(`{ ${shown} }`, stack => Object.fromEntries([...entries].map(([key, value]) => [key, value(stack)])));
  });
}
