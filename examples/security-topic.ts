import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * An encrypted topic the security team subscribes to: CloudWatch alarms may publish to it (EventBridge is let in by
 * its target), and only AWS services may create grants on its key (AWS Control Tower CT.KMS.PR.3).
 */
export function securityAlarmTopic(scope: Construct): sns.Topic {
  const key = new kms.Key(scope, 'SecurityAlarmKey', { enableKeyRotation: true, description: 'Encrypts the security alarm topic' });
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
  }));
  key.addToResourcePolicy(new iam.PolicyStatement({
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
  return new sns.Topic(scope, 'SecurityAlarmTopic', { masterKey: key, enforceSSL: true });
}
