import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  buildControlTowerApp, CONTROL_TOWER_LOG_GROUP, CONTROL_TOWER_ROOT_ID, CONTROL_TOWER_TRAIL_ARN,
} from '../../examples/control-tower';
import { validatingApp } from '../util';

describe('example: Control Tower\'s existing trail', () => {
  const app = validatingApp();
  const stack = buildControlTowerApp(app);
  const template = Template.fromStack(stack);

  test('the imported trail takes its name and account from the ARN, and creates no trail', () => {
    expect(stack.trail.trailName).toBe('aws-controltower-BaselineCloudTrail');
    expect(stack.trail.env.account).toBe('111111111111');
    template.resourceCountIs('AWS::CloudTrail::Trail', 0);
  });

  test('the CIS security alarms filter Control Tower\'s log group', () => {
    template.resourceCountIs('AWS::Logs::MetricFilter', 15);
    template.allResourcesProperties('AWS::Logs::MetricFilter', { LogGroupName: CONTROL_TOWER_LOG_GROUP });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 15);
  });

  test('a service control policy on the root denies tampering with the trail to all but Control Tower\'s role', () => {
    template.hasResourceProperties('AWS::Organizations::Policy', {
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: [CONTROL_TOWER_ROOT_ID],
      Content: {
        Statement: [Match.objectLike({
          Sid: 'DenyTrailTampering',
          Resource: CONTROL_TOWER_TRAIL_ARN,
          Condition: { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/AWSControlTowerExecution'] } },
        })],
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ 'detail-type': ['AWS API Call via CloudTrail'], 'source': ['aws.cloudtrail'] }),
    });
  });

  test('synthesizes with CloudFormation schema validation as errors and no warnings', () => {
    expect(() => app.synth()).not.toThrow();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});
