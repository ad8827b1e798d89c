import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { securityAlarmTopic } from './security-topic';
import { IOrganizationTrail, OrganizationTrail, TrailProtectionPolicy } from '../src';

/** The management account of an organization that AWS Control Tower set up, and its home Region. */
export const CONTROL_TOWER_ENV = { account: '111111111111', region: 'us-east-1' };
/** Control Tower's organization trail, as `aws cloudtrail describe-trails` shows it. */
export const CONTROL_TOWER_TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/aws-controltower-BaselineCloudTrail';
/** The log group Control Tower's trail delivers to, in the management account. */
export const CONTROL_TOWER_LOG_GROUP = 'aws-controltower/CloudTrailLogs';
/** The organization's root, which the protection policy is attached to. */
export const CONTROL_TOWER_ROOT_ID = 'r-a1b2';

/**
 * The trail Control Tower already runs, without a second trail: the CIS security alarms on its log group, a real-time
 * rule for calls that tamper with it, and a service control policy that denies those calls to everyone but Control
 * Tower's own role. Deploy it in the management account.
 */
export class ControlTowerTrailStack extends Stack {
  public readonly trail: IOrganizationTrail;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    this.trail = OrganizationTrail.fromTrailAttributes(this, 'ControlTowerTrail', {
      trailArn: CONTROL_TOWER_TRAIL_ARN,
      logGroup: logs.LogGroup.fromLogGroupName(this, 'ControlTowerTrailLogs', CONTROL_TOWER_LOG_GROUP),
    });
    const securityTopic = securityAlarmTopic(this);
    this.trail.addSecurityAlarms('SecurityAlarms', { topic: securityTopic });
    OrganizationTrail.onEvent(this, 'TrailTampering', {
      target: new targets.SnsTopic(securityTopic),
      eventPattern: { source: ['aws.cloudtrail'], detail: { eventName: ['StopLogging', 'DeleteTrail', 'UpdateTrail'] } },
    });
    new TrailProtectionPolicy(this, 'TrailProtection', {
      trailArns: [this.trail.trailArn],
      exemptPrincipalArns: ['arn:aws:iam::*:role/AWSControlTowerExecution'],
      targetIds: [CONTROL_TOWER_ROOT_ID],
    });
  }
}

/** Adds the example's stack to an app. */
export function buildControlTowerApp(app: App): ControlTowerTrailStack {
  return new ControlTowerTrailStack(app, 'ControlTowerTrail', { env: CONTROL_TOWER_ENV });
}
