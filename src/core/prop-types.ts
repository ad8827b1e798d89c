import { Problem } from './problems';

/**
 * The rule of a prop that takes a construct of an aws-cdk-lib interface, such as `s3.IBucket`: an object
 * with the interface's attributes. TypeScript checks it at compile time, but plain JavaScript, casts and
 * configuration read from files do not, and the construct would otherwise fail with a TypeError on the
 * first attribute it reads. An absent (undefined) prop has no problem.
 *
 * @param type the interface as the message names it, e.g. `s3.IBucket`
 * @param attributes attributes every implementation has, e.g. `['bucketArn', 'bucketName']`
 */
export function constructPropProblems(property: string, value: unknown, type: string, attributes: string[]): Problem[] {
  if (value === undefined || isConstructOf(value, attributes)) {
    return [];
  }
  return [{ property, value: shownProp(value), rule: `must implement ${type}`, fix: 'pass a construct created in this app, or one imported with a from*() method' }];
}

/** Whether a value is a construct with these attributes, such as an implementation of the interface T. */
export function isConstructOf<T extends object = object>(value: unknown, attributes: string[]): value is T {
  return typeof value === 'object' && value !== null && typeof (value as { node?: { path?: unknown } }).node?.path === 'string'
    && attributes.every(attribute => attribute in value);
}

/** A prop as a message shows it: a construct by its path, anything else as it is. */
export function shownProp(value: unknown): unknown {
  const path = typeof value === 'object' && value !== null ? (value as { node?: { path?: unknown } }).node?.path : undefined;
  return typeof path === 'string' ? path : value;
}
