import { Duration } from 'aws-cdk-lib';
import { OperationWaitOptions } from './operation-options';
import { CUSTOM_RESOURCE_TIMEOUT_MINUTES, DEFAULT_OPERATION_WAIT_MINUTES } from '../core/limits';
import { operationTimeoutProblems } from '../core/operation-rules';
import { Problem } from '../core/problems';

// How long the provider needs around a wait: starting the operation and reporting its outcome
const ANSWER_MARGIN = Duration.minutes(5);

/** The wait options with their defaults, as the handlers receive them. */
export interface WaitSettings {
  readonly waitForCompletion: boolean;
  readonly timeout: Duration;
  /** The custom-resource properties that carry them. */
  readonly properties: { readonly WaitForCompletion: string; readonly TimeoutSeconds: string };
  /** How long CloudFormation waits for the custom resource's answer. */
  readonly serviceTimeout: Duration;
}

/** The wait settings of an operation and the problems with them. */
export function waitSettings(options: OperationWaitOptions): { settings: WaitSettings; problems: Problem[] } {
  const waitForCompletion = options.waitForCompletion ?? true;
  const timeout = options.timeout ?? Duration.minutes(DEFAULT_OPERATION_WAIT_MINUTES);
  const problems = operationTimeoutProblems('timeout', timeout);
  const valid = problems.length === 0;
  const seconds = valid ? timeout.toSeconds() : 0;
  const answerMinutes = waitForCompletion && valid ? timeout.plus(ANSWER_MARGIN).toMinutes({ integral: false }) : ANSWER_MARGIN.toMinutes();
  return {
    settings: {
      waitForCompletion,
      timeout,
      properties: { WaitForCompletion: String(waitForCompletion), TimeoutSeconds: String(seconds) },
      serviceTimeout: Duration.seconds(Math.ceil(Math.min(answerMinutes, CUSTOM_RESOURCE_TIMEOUT_MINUTES) * 60)),
    },
    problems,
  };
}
