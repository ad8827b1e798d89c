import { App, Stack } from 'aws-cdk-lib';

/**
 * An app whose CloudFormation schema validation (aws-cdk-lib's built-in plugin) fails synthesis, so no
 * test passes on a template CloudFormation's own schemas reject.
 */
export function testApp(): App {
  return new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
}

/** A stack in a test app, with a fixed account and Region. */
export function testStack(id = 'Stack'): Stack {
  return new Stack(testApp(), id, { env: { account: '111111111111', region: 'us-east-1' } });
}

/** The message of the error a function throws, or fails the test when it does not throw. */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}
