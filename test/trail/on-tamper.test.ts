import { Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { OrganizationTrail } from '../../src';
import { testStack } from '../util';

const ORG_ID = 'o-a1b2c3d4e5';
const ARN = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:us-east-1:111111111111:trail/organization-audit']] };

function rulesOf(stack: ReturnType<typeof testStack>): Array<Record<string, any>> {
  return Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule')).map(r => r.Properties);
}

describe('OrganizationTrail.onTamper', () => {
  test('matches the calls that stop, delete or weaken this trail, by its name or ARN, whichever parameter names it', () => {
    const stack = testStack();
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'organization-audit' }).onTamper('Tampered');
    const trail = ['organization-audit', ARN];
    expect(rulesOf(stack)).toEqual([{
      State: 'ENABLED',
      EventPattern: {
        'source': ['aws.cloudtrail'],
        'detail-type': ['AWS API Call via CloudTrail'],
        'detail': {
          eventSource: ['cloudtrail.amazonaws.com'],
          eventName: ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors', 'PutEventConfiguration'],
          $or: [{ requestParameters: { name: trail } }, { requestParameters: { trailName: trail } }],
        },
      },
    }]);
  });

  test('a trail of a delegated administrator is named by the management account\'s ARN', () => {
    const stack = testStack();
    new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'organization-audit', managementAccountId: '999999999999' }).onTamper('Tampered');
    const [rule] = rulesOf(stack);
    expect(rule.EventPattern.detail.$or[0].requestParameters.name[1]).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:us-east-1:999999999999:trail/organization-audit']],
    });
  });

  test('takes the options of onEvent: target, description, rule name and a pattern merged with the trail\'s', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Topic');
    const trail = new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, trailName: 'organization-audit' });
    const rule = trail.onTamper('Stopped', {
      target: new targets.SnsTopic(topic),
      description: 'The organization trail stopped logging',
      ruleName: 'organization-trail-stopped',
      eventPattern: { detail: { userIdentity: { type: ['Root', 'IAMUser'] } } },
    });
    expect(rule).toBeInstanceOf(events.Rule);
    expect(rule.node.scope).toBe(trail);
    const [properties] = rulesOf(stack);
    expect(properties.Name).toBe('organization-trail-stopped');
    expect(properties.Description).toBe('The organization trail stopped logging');
    expect(properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: expect.stringMatching(/^Topic/) } })]);
    expect(properties.EventPattern.detail).toEqual(expect.objectContaining({
      userIdentity: { type: ['Root', 'IAMUser'] },
      eventName: ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors', 'PutEventConfiguration'],
    }));
  });
});
