import { Environment } from 'aws-cdk-lib';

/** The account and Region an integration app deploys to. */
export type IntegEnvironment = Required<Pick<Environment, 'account' | 'region'>>;

/** Where the committed snapshots are synthesized; also the fallback when nothing is set. */
export const SNAPSHOT_ENV: IntegEnvironment = { account: '111111111111', region: 'us-east-1' };

/**
 * The context the integration apps are synthesized with: the project's cdk.json, and the assertions'
 * cross-stack references as CloudFormation exports (the current default, set so aws-cdk-lib does not warn).
 */
export const INTEG_APP_CONTEXT = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

/**
 * The environment for a deployment: `CDK_INTEG_ACCOUNT`/`CDK_INTEG_REGION` (integ-runner), else
 * `CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION` (the CDK CLI); the snapshot's otherwise.
 */
export function integEnvironment(environment: NodeJS.ProcessEnv): IntegEnvironment {
  return {
    account: environment.CDK_INTEG_ACCOUNT ?? environment.CDK_DEFAULT_ACCOUNT ?? SNAPSHOT_ENV.account,
    region: environment.CDK_INTEG_REGION ?? environment.CDK_DEFAULT_REGION ?? SNAPSHOT_ENV.region,
  };
}
