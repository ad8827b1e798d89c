import { App, AppProps, Stack } from 'aws-cdk-lib';

/**
 * An app for unit tests. aws-cdk-lib's CloudFormation schema validation (about 180 ms a synthesis) is left off
 * here; it is the oracle in test/schema.test.ts (every construct, default and fully featured), the gate, fuzz,
 * integration and example tests, through `validatingApp`.
 */
export function testApp(): App {
  return new App();
}

/** An app whose CloudFormation schema validation fails synthesis on a template CloudFormation's schemas reject. */
export function validatingApp(props: AppProps = {}): App {
  return new App({ ...props, context: { ...props.context, '@aws-cdk/core:validateAgainstDefaultRules': true } });
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
