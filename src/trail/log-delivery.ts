import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources, LOG_STREAM_WILDCARDS_REASON } from '../policy/gate-acknowledgements';

/** Settings of a trail's CloudWatch Logs delivery. */
export interface LogDeliveryProps {
  /** The trail's name, for the log group's name. */
  readonly trailName: string;
  /** The organization, whose member accounts' log streams start with its ID. */
  readonly orgId: string;
  /** The account that owns the trail, whose log streams start with its ID. */
  readonly account: string;
  /** An existing log group; a new one is created when absent. */
  readonly logGroup?: logs.ILogGroup;
  /** The retention of a log group it creates. */
  readonly retention?: logs.RetentionDays;
  readonly encryptionKey?: kms.IKey;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The log group an organization trail delivers to and the role CloudTrail assumes to write to it,
 * allowed to create and write the log streams of the management account and of the organization only.
 */
export class LogDelivery extends Construct {
  /** The name a created log group gets, known before deployment so the key policy can name the group. */
  public static logGroupNameFor(trailName: string): string {
    return `aws-cloudtrail-logs-${trailName}`;
  }

  /** The ARN of a log group of the scope's stack, built from its name. */
  public static logGroupArnFor(scope: Construct, logGroupName: string): string {
    return Stack.of(scope).formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  }

  public readonly logGroup: logs.ILogGroup;
  public readonly role: iam.Role;
  /** The role's permissions, which the trail must wait for. */
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: LogDeliveryProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logGroupName = props.logGroup?.logGroupName ?? LogDelivery.logGroupNameFor(props.trailName);
    // Built from the name: the role may only write to streams of this one group.
    const logGroupArn = LogDelivery.logGroupArnFor(this, logGroupName);
    this.logGroup = props.logGroup ?? new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      retention: props.retention,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com'),
      description: `Lets CloudTrail deliver the events of ${scope.node.path} to CloudWatch Logs`,
    });
    // CloudTrail names streams <account>_CloudTrail_<region>[_n] for the management account and
    // <orgId>_<account>_CloudTrail_<region>[_n] for member accounts (CloudTrail User Guide,
    // "Sending events to CloudWatch Logs", organization trails).
    const streams = [`${props.account}_CloudTrail_${stack.region}`, `${props.orgId}_`]
      .map(namePrefix => `${logGroupArn}:log-stream:${namePrefix}*`);
    // A managed policy rather than an inline one (NIST 800-53, HIPAA and PCI DSS packs: IAMNoInlinePolicy).
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `Lets CloudTrail write the log streams of ${scope.node.path}`,
      roles: [this.role],
      statements: [new iam.PolicyStatement({
        sid: 'CloudTrailCreateAndWriteLogStreams',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: streams,
      })],
    });
    acknowledgeWildcardResources(this.policy, streams, LOG_STREAM_WILDCARDS_REASON);
  }
}
