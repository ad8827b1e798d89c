import { Duration } from 'aws-cdk-lib';

/**
 * How an operation that runs for a while (a Lake query, an import) meets the deployment.
 */
export interface OperationWaitOptions {
  /**
   * Hold the deployment until the operation has finished, and fail it when the operation fails. When
   * off, the deployment goes on once the operation has started, and its attributes describe it as it
   * was then.
   *
   * @default true
   */
  readonly waitForCompletion?: boolean;

  /**
   * How long the deployment waits for the operation; it fails, and stops the operation, when the time is
   * up. At most 55 minutes, because CloudFormation fails a custom resource that has not answered within
   * one hour.
   *
   * @default Duration.minutes(30)
   */
  readonly timeout?: Duration;
}
