import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import {
  AggregationTemplate, DataEventSelectors, InsightEventCategory, NetworkActivityErrorCode, NetworkActivityEventSource, OrganizationTrail,
  OrganizationTrailProps,
} from '../../src';
import type { RuleId } from '../../src/core/rule-registry';
import { errorOf, testStack } from '../util';

// Issue 16, section 1: aggregated data events, Insights on data events and network activity events on the trail.

const ORG_ID = 'o-a1b2c3d4e5';

function trail(props: Partial<OrganizationTrailProps>, stack: Stack = testStack()): { stack: Stack; trail: OrganizationTrail } {
  return { stack, trail: new OrganizationTrail(stack, 'Trail', { orgId: ORG_ID, ...props }) };
}

function trailResource(props: Partial<OrganizationTrailProps>): Record<string, any> {
  const { stack } = trail(props);
  return Object.values(Template.fromStack(stack).findResources('AWS::CloudTrail::Trail'))[0].Properties;
}

const s3Objects = () => new DataEventSelectors().addS3Objects();

describe('dataEventAggregation', () => {
  test('renders one aggregation configuration of data events with the templates in order', () => {
    const props = trailResource({
      dataEvents: s3Objects(),
      dataEventAggregation: [AggregationTemplate.API_ACTIVITY, AggregationTemplate.RESOURCE_ACCESS, AggregationTemplate.USER_ACTIONS],
    });
    expect(props.AggregationConfigurations).toEqual([{ EventCategory: 'Data', Templates: ['API_ACTIVITY', 'RESOURCE_ACCESS', 'USER_ACTIONS'] }]);
  });

  test('a template newer than the library is rendered by its API name', () => {
    expect(trailResource({ dataEvents: s3Objects(), dataEventAggregation: [AggregationTemplate.of('RESOURCE_ACCESS')] }).AggregationConfigurations)
      .toEqual([{ EventCategory: 'Data', Templates: ['RESOURCE_ACCESS'] }]);
  });

  test('without it, the trail has no aggregation configuration', () => {
    expect(trailResource({ dataEvents: s3Objects() }).AggregationConfigurations).toBeUndefined();
  });

  test('data events added after the trail is constructed satisfy the rule', () => {
    const dataEvents = new DataEventSelectors();
    const { stack } = trail({ dataEvents, dataEventAggregation: [AggregationTemplate.API_ACTIVITY] });
    dataEvents.addLambdaFunctions();
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('network activity selectors alone are no data events', () => {
    const { stack } = trail({
      dataEvents: new DataEventSelectors().addNetworkActivity({ eventSources: [NetworkActivityEventSource.KMS] }),
      dataEventAggregation: [AggregationTemplate.API_ACTIVITY],
    });
    expect(() => Template.fromStack(stack)).toThrow(/\[AggregationNeedsDataEvents\]/);
  });
});

describe('insightEventCategories', () => {
  test('each Insights type analyzes the given categories', () => {
    const props = trailResource({
      dataEvents: s3Objects(),
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      insightEventCategories: [InsightEventCategory.MANAGEMENT, InsightEventCategory.DATA],
    });
    expect(props.InsightSelectors).toEqual([
      { InsightType: 'ApiCallRateInsight', EventCategories: ['Management', 'Data'] },
      { InsightType: 'ApiErrorRateInsight', EventCategories: ['Management', 'Data'] },
    ]);
  });

  test('without categories the selectors name none, and Insights analyze management events', () => {
    expect(trailResource({ insightTypes: [cloudtrail.InsightType.API_CALL_RATE] }).InsightSelectors).toEqual([{ InsightType: 'ApiCallRateInsight' }]);
  });

  test('Insights on data events only do not need management events', () => {
    expect(() => trailResource({
      managementEvents: cloudtrail.ReadWriteType.NONE,
      dataEvents: s3Objects(),
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      insightEventCategories: [InsightEventCategory.DATA],
    })).not.toThrow();
  });

  test('Insights on management events still need the management events they analyze', () => {
    expect(() => trail({
      managementEvents: cloudtrail.ReadWriteType.READ_ONLY,
      dataEvents: s3Objects(),
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE],
      insightEventCategories: [InsightEventCategory.DATA, InsightEventCategory.MANAGEMENT],
    })).toThrow(/\[InsightTypeManagementEvents\]/);
  });
});

describe('rules, with the rule id and the exact message', () => {
  test.each<[string, Partial<OrganizationTrailProps>, RuleId, string]>([
    ['no aggregation template', { dataEvents: s3Objects(), dataEventAggregation: [] }, 'AggregationTemplateCount',
      'dataEventAggregation []: takes 1 to 50 templates (AggregationConfiguration Templates). '
      + 'Fix: name a template, e.g. AggregationTemplate.API_ACTIVITY, or leave dataEventAggregation out'],
    ['51 aggregation templates', { dataEvents: s3Objects(), dataEventAggregation: Array(51).fill(AggregationTemplate.API_ACTIVITY) },
      'AggregationTemplateCount',
      'dataEventAggregation "51 templates": takes 1 to 50 templates (AggregationConfiguration Templates). Fix: list each template once'],
    ['a template in lowercase', { dataEvents: s3Objects(), dataEventAggregation: [AggregationTemplate.of('api_activity')] }, 'AggregationTemplateFormat',
      'dataEventAggregation[0] "api_activity": a template is named by its API name, uppercase letters, digits and underscores, like API_ACTIVITY '
      + '(AggregationConfiguration Templates). Fix: use AggregationTemplate.API_ACTIVITY, RESOURCE_ACCESS or USER_ACTIONS, or AggregationTemplate.of with the API name'],
    ['categories without Insights types', { insightEventCategories: [InsightEventCategory.MANAGEMENT] }, 'InsightEventCategoriesNeedTypes',
      'insightEventCategories ["Management"]: names the events Insights analyze, and no Insights type is enabled (InsightSelector EventCategories). '
      + 'Fix: add insightTypes, or leave insightEventCategories out'],
    ['an empty list of categories', { insightTypes: [cloudtrail.InsightType.API_CALL_RATE], insightEventCategories: [] }, 'InsightEventCategoriesEmpty',
      'insightEventCategories []: an empty list analyzes no events, and leaving it out analyzes management events (InsightSelector EventCategories). '
      + 'Fix: name InsightEventCategory.MANAGEMENT, DATA or both, or leave insightEventCategories out'],
    ['a category listed twice',
      {
        insightTypes: [cloudtrail.InsightType.API_CALL_RATE],
        insightEventCategories: [InsightEventCategory.MANAGEMENT, InsightEventCategory.MANAGEMENT],
      },
      'InsightEventCategoriesUnique',
      'insightEventCategories[1] "Management": lists Management twice (InsightSelector EventCategories). Fix: list each category once'],
  ])('%s', (_, props, id, message) => {
    expect(errorOf(() => trail(props)).message).toBe(`[Stack/Trail] [${id}] ${message}`);
  });

  test.each<[string, Partial<OrganizationTrailProps>, RuleId, string]>([
    ['aggregation without data events', { dataEventAggregation: [AggregationTemplate.API_ACTIVITY] }, 'AggregationNeedsDataEvents',
      'dataEventAggregation ["API_ACTIVITY"]: aggregates data events, and the trail logs none (AggregationConfiguration EventCategory Data; '
      + 'User Guide, "Aggregating data events"). Fix: add data events to dataEvents (e.g. addS3Objects), or leave dataEventAggregation out'],
    ['Insights on data events without data events',
      { insightTypes: [cloudtrail.InsightType.API_ERROR_RATE], insightEventCategories: [InsightEventCategory.MANAGEMENT, InsightEventCategory.DATA] },
      'DataInsightsNeedDataEvents',
      'insightEventCategories[1] "Data": Insights on data events analyze the trail\'s read or write data events, and the trail logs none '
      + '(PutInsightSelectors). Fix: add data events to dataEvents, or drop InsightEventCategory.DATA'],
  ])('%s: at synth, once every selector is known', (_, props, id, message) => {
    const { stack } = trail(props);
    expect(errorOf(() => Template.fromStack(stack)).message).toContain(`[Stack/Trail] [${id}] ${message}`);
  });
});

describe('network activity events on the trail', () => {
  test('VPC endpoint access-denied monitoring: one selector per source, with the error code and the endpoints', () => {
    const props = trailResource({
      dataEvents: new DataEventSelectors().addNetworkActivity({
        name: 'Denied by endpoint policies',
        eventSources: [NetworkActivityEventSource.S3, NetworkActivityEventSource.KMS],
        errorCodes: [NetworkActivityErrorCode.VPCE_ACCESS_DENIED],
        vpcEndpointIds: ['vpce-0123456789abcdef0'],
      }),
    });
    const network = props.AdvancedEventSelectors.filter((s: any) => s.FieldSelectors[0].Equals[0] === 'NetworkActivity');
    expect(network).toEqual(['s3.amazonaws.com', 'kms.amazonaws.com'].map(source => ({
      Name: 'Denied by endpoint policies',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['NetworkActivity'] },
        { Field: 'eventSource', Equals: [source] },
        { Field: 'errorCode', Equals: ['VpceAccessDenied'] },
        { Field: 'vpcEndpointId', Equals: ['vpce-0123456789abcdef0'] },
      ],
    })));
  });

  test('the trail\'s own bucket exclusion leaves network activity selectors alone', () => {
    const props = trailResource({ dataEvents: new DataEventSelectors().addNetworkActivity({ eventSources: [NetworkActivityEventSource.S3] }) });
    const network = props.AdvancedEventSelectors.find((s: any) => s.FieldSelectors[0].Equals[0] === 'NetworkActivity');
    expect(network.FieldSelectors.map((fs: any) => fs.Field)).toEqual(['eventCategory', 'eventSource']);
  });
});
