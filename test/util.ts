import { App, AppProps, Stack, StageSynthesisOptions } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';

/**
 * An app for unit tests. aws-cdk-lib's CloudFormation schema validation is off (test/setup-synthesis.ts); it is the
 * oracle in test/schema.test.ts (every construct, default and fully featured), the gate, fuzz, integration and example
 * tests, through `validatingApp`.
 */
export function testApp(): App {
  return new App();
}

/**
 * An app whose CloudFormation schema validation fails synthesis on a template CloudFormation's schemas reject. The test
 * setup (test/setup-synthesis.ts) turns the validation off with CDK_VALIDATION for every other app; this one lifts
 * that for its own synthesis.
 */
export function validatingApp(props: AppProps = {}): App {
  return new ValidatingApp({ ...props, context: { ...props.context, '@aws-cdk/core:validateAgainstDefaultRules': true } });
}

class ValidatingApp extends App {
  public synth(options?: StageSynthesisOptions): CloudAssembly {
    const setting = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    try {
      return super.synth(options);
    } finally {
      if (setting !== undefined) {
        process.env.CDK_VALIDATION = setting;
      }
    }
  }
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
