import { Annotations, Duration, Stack, Tags } from 'aws-cdk-lib';
import { Annotations as AssertAnnotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  BarChartOrientation, DashboardQueryParameter, DashboardWidget, DashboardWidgetView, IEventDataStore, LakeDashboard, LakeDashboardProps,
  LakeEventDataStore,
} from '../../src';
import { errorOf, testStack, validatingApp } from '../util';

const ENV = { account: '111111111111', region: 'us-east-1' };
const STORE_ARN = `arn:aws:cloudtrail:${ENV.region}:${ENV.account}:eventdatastore/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;

function importedStore(stack: Stack, id = 'Imported'): IEventDataStore {
  return LakeEventDataStore.fromEventDataStoreArn(stack, id, STORE_ARN);
}

/** A table widget of the errors on a store, over the dashboard's time range. */
function errorsWidget(store: IEventDataStore, overrides: Partial<DashboardWidget> = {}): DashboardWidget {
  return {
    title: 'Top errors',
    queryStatement: `SELECT errorCode, count(*) AS n FROM ${store.eventDataStoreId} WHERE eventTime > '?' AND eventTime < '?' GROUP BY errorCode`,
    queryParameters: [DashboardQueryParameter.START_TIME, DashboardQueryParameter.END_TIME],
    eventDataStores: [store],
    ...overrides,
  };
}

describe('LakeDashboard', () => {
  test('default form: a dashboard with a generated name and its widget, no refresh schedule and no resource policy', () => {
    const stack = new Stack(validatingApp(), 'Stack', { env: ENV });
    const store = importedStore(stack);
    const dashboard = new LakeDashboard(stack, 'Dashboard', { widgets: [errorsWidget(store)] });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudTrail::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudTrail::Dashboard', {
      Name: dashboard.dashboardName,
      TerminationProtectionEnabled: false,
      RefreshSchedule: Match.absent(),
      Widgets: [{
        QueryStatement: 'SELECT errorCode, count(*) AS n FROM a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 WHERE eventTime > \'?\' AND eventTime < \'?\' GROUP BY errorCode',
        QueryParameters: ['$StartTime$', '$EndTime$'],
        ViewProperties: { Title: 'Top errors', View: 'Table', Height: '2', Width: '4' },
      }],
    });
    template.resourceCountIs('AWS::CloudTrail::ResourcePolicy', 0);
    expect(dashboard.dashboardName).toMatch(/^StackDashboard/);
    expect(stack.resolve(dashboard.dashboardArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(dashboard.node.defaultChild as any), 'DashboardArn'] });
  });

  test('[DashboardStorePolicyNotManaged] an imported store is not changed: the warning shows the statement to add', () => {
    const stack = testStack();
    new LakeDashboard(stack, 'Dashboard', { dashboardName: 'audit', widgets: [errorsWidget(importedStore(stack))] });
    const warnings = AssertAnnotations.fromStack(stack).findWarning('/Stack/Dashboard', Match.stringLikeRegexp('DashboardStorePolicyNotManaged'));
    expect(warnings).toHaveLength(1);
    const message = String(warnings[0].entry.data);
    expect(message).toContain(`[DashboardStorePolicyNotManaged] event data store ${STORE_ARN} is not managed by this stack, so its resource-based policy was not changed. `
      + 'CloudTrail cannot run this dashboard\'s queries on it (the widgets stay empty after a refresh) unless its owner adds these statements:');
    expect(message).toContain('"cloudtrail:StartQuery"');
    expect(message).toContain('"aws:SourceArn": "arn:${AWS::Partition}:cloudtrail:us-east-1:111111111111:dashboard/audit"');
  });

  test('full form: a store of the stack gains the StartQuery statement for this dashboard, and the dashboard waits for it', () => {
    const stack = new Stack(validatingApp(), 'Stack', { env: ENV });
    const store = new LakeEventDataStore(stack, 'Lake');
    const dashboard = new LakeDashboard(stack, 'Dashboard', {
      dashboardName: 'account-activity',
      terminationProtection: true,
      refreshSchedule: { frequency: Duration.hours(6), timeOfDay: '00:15' },
      widgets: [
        errorsWidget(store),
        {
          title: 'Account activity',
          view: DashboardWidgetView.LINE_CHART,
          queryStatement: `SELECT DATE_TRUNC('?', eventTime) AS day, count(*) AS n FROM ${store.eventDataStoreId} WHERE eventTime > '?' GROUP BY 1`,
          queryParameters: [DashboardQueryParameter.PERIOD, DashboardQueryParameter.START_TIME],
          eventDataStores: [store],
          xAxisColumn: 'day',
          yAxisColumn: 'n',
          height: 3,
          width: 6,
        },
      ],
    });
    dashboard.addWidget({
      title: 'Top services',
      view: DashboardWidgetView.BAR_CHART,
      queryStatement: `SELECT eventSource, count(*) AS n FROM ${store.eventDataStoreId} GROUP BY eventSource`,
      eventDataStores: [store],
      labelColumn: 'eventSource',
      valueColumn: 'n',
      filterColumn: 'eventSource',
      orientation: BarChartOrientation.HORIZONTAL,
    });
    const template = Template.fromStack(stack);
    const dashboardArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:us-east-1:111111111111:dashboard/account-activity']] };
    const storeId = stack.getLogicalId(store.node.defaultChild as any);
    template.hasResourceProperties('AWS::CloudTrail::ResourcePolicy', {
      ResourceArn: { 'Fn::GetAtt': [storeId, 'EventDataStoreArn'] },
      ResourcePolicy: {
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'cloudtrail:StartQuery',
          Resource: { 'Fn::GetAtt': [storeId, 'EventDataStoreArn'] },
          Condition: { StringEquals: { 'aws:SourceArn': dashboardArn, 'aws:SourceAccount': '111111111111' } },
        }],
      },
    });
    const dashboardId = stack.getLogicalId(dashboard.node.defaultChild as any);
    template.hasResourceProperties('AWS::CloudTrail::ResourcePolicy', {
      ResourceArn: { 'Fn::GetAtt': [dashboardId, 'DashboardArn'] },
      ResourcePolicy: {
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'cloudtrail:StartDashboardRefresh',
          Resource: dashboardArn,
          Condition: { StringEquals: { 'aws:SourceArn': dashboardArn, 'aws:SourceAccount': '111111111111' } },
        }],
      },
    });
    const resource = template.toJSON().Resources[dashboardId];
    // the store itself is referenced already; the policy is what CloudTrail needs in place
    expect(resource.DependsOn).toEqual(Object.keys(template.findResources('AWS::CloudTrail::ResourcePolicy', {
      Properties: { ResourceArn: { 'Fn::GetAtt': [storeId, 'EventDataStoreArn'] } },
    })));
    expect(resource.Properties).toMatchObject({
      Name: 'account-activity',
      TerminationProtectionEnabled: true,
      RefreshSchedule: { Frequency: { Unit: 'HOURS', Value: 6 }, Status: 'ENABLED', TimeOfDay: '00:15' },
    });
    expect(resource.Properties.Widgets.map((widget: any) => widget.ViewProperties)).toEqual([
      { Title: 'Top errors', View: 'Table', Height: '2', Width: '4' },
      { Title: 'Account activity', View: 'LineChart', Height: '3', Width: '6', XAxisColumn: 'day', YAxisColumn: 'n' },
      { Title: 'Top services', View: 'BarChart', Height: '2', Width: '4', LabelColumn: 'eventSource', ValueColumn: 'n', FilterColumn: 'eventSource', Orientation: 'Horizontal' },
    ]);
    expect(resource.Properties.Widgets[2].QueryParameters).toBeUndefined();
    // one statement per store, however many widgets read it
    expect(Object.keys(template.findResources('AWS::CloudTrail::ResourcePolicy'))).toHaveLength(2);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('a daily refresh is sent as DAYS 1; a disabled schedule as DISABLED', () => {
    const stack = testStack();
    new LakeDashboard(stack, 'Dashboard', { refreshSchedule: { frequency: Duration.days(1), timeOfDay: '06:30', enabled: false } });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Dashboard', {
      RefreshSchedule: { Frequency: { Unit: 'DAYS', Value: 1 }, Status: 'DISABLED', TimeOfDay: '06:30' },
      Widgets: Match.absent(),
    });
  });

  test('a store of another stack is not changed: a warning shows the statement its stack must add', () => {
    const app = validatingApp();
    const lakeStack = new Stack(app, 'Lake', { env: ENV });
    const store = new LakeEventDataStore(lakeStack, 'Lake');
    const stack = new Stack(app, 'Dashboards', { env: ENV });
    new LakeDashboard(stack, 'Dashboard', { widgets: [errorsWidget(store)] });
    expect(AssertAnnotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('DashboardStorePolicyNotManaged'))).toHaveLength(1);
    Template.fromStack(lakeStack).resourceCountIs('AWS::CloudTrail::ResourcePolicy', 0);
    expect(stack.dependencies).toEqual([lakeStack]);
  });

  test('the warning about an imported store can be acknowledged by its id', () => {
    const stack = testStack();
    const dashboard = new LakeDashboard(stack, 'Dashboard', { widgets: [errorsWidget(importedStore(stack))] });
    Annotations.of(dashboard).acknowledgeWarning('cdk-cloudtrail-org:DashboardStorePolicyNotManaged');
    expect(AssertAnnotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  const ROWS: Array<[string, (store: IEventDataStore) => Partial<LakeDashboardProps>, string]> = [
    ['DashboardNameLength', () => ({ dashboardName: 'ab' }), 'dashboardName "ab": must be 3 to 128 characters long, got 2 (API model DashboardName). Fix: use at least 3 characters'],
    ['DashboardNameLength', () => ({ dashboardName: 'a'.repeat(129) }), 'got 129 (API model DashboardName)'],
    ['DashboardNameCharacters', () => ({ dashboardName: 'audit.dashboard' }), 'dashboardName "audit.dashboard": contains \'.\'; only ASCII letters, digits, \'_\' and \'-\' '
      + 'are allowed (API model DashboardName). Fix: remove or replace those characters'],
    ['DashboardNameReserved', () => ({ dashboardName: 'AWSCloudTrail-Highlights' }), 'names the Highlights dashboard'],
    ['DashboardWidgetCount', store => ({ widgets: Array(11).fill(errorsWidget(store)) }),
      'widgets 11: 11 widgets; a custom dashboard holds at most 10 (CreateDashboard Widgets). Fix: move widgets to a second dashboard'],
    ['DashboardWidgetStores', store => ({ widgets: [errorsWidget(store, { eventDataStores: [] })] }), 'widgets[0].eventDataStores: names no event data store'],
    ['QueryStatementStoreReference', store => ({ widgets: [errorsWidget(store, { queryStatement: 'SELECT 1 FROM other' })] }), 'widgets[0].queryStatement'],
    ['QueryStatementReadOnly', store => ({ widgets: [errorsWidget(store, { queryStatement: `DELETE FROM ${store.eventDataStoreId}` })] }), 'must be a read-only SELECT query'],
    ['QueryStatementLength', store => ({ widgets: [errorsWidget(store, { queryStatement: '' })] }), 'widgets[0].queryStatement ""'],
    ['DashboardWidgetParameterCount', store => ({ widgets: [errorsWidget(store, { queryParameters: Array(11).fill(DashboardQueryParameter.PERIOD) })] }),
      '11 query parameters; a widget takes at most 10 (API model QueryParameters)'],
    ['DashboardWidgetParameterPlaceholders', store => ({ widgets: [errorsWidget(store, { queryParameters: [DashboardQueryParameter.START_TIME] })] }),
      'widgets[0].queryParameters ["$StartTime$"]: 1 query parameters for 2 \'?\' placeholders in the statement; CloudTrail puts each parameter, in order, '
      + 'where a \'?\' stands (CloudTrail User Guide, "Create a dashboard with the AWS CLI"). Fix: give one parameter per \'?\', in order; '
      + 'write \'?\' in single quotes where it is compared with eventTime'],
    ['DashboardViewPropertyValue', store => ({ widgets: [errorsWidget(store, { title: 'Top errors (24h)' })] }),
      'widgets[0].title "Top errors (24h)": a view property\'s value is 1 to 128 ASCII letters, digits, spaces, \'.\', \'_\' or \'-\' (API model ViewPropertiesValue). '
      + 'Fix: remove other characters (a title such as "Top errors" is fine; "Top errors (24h)" is not)'],
    ['DashboardViewPropertyValue', store => ({ widgets: [errorsWidget(store, { view: DashboardWidgetView.LINE_CHART, xAxisColumn: 'day/hour', yAxisColumn: 'n' })] }),
      'widgets[0].xAxisColumn "day/hour"'],
    ['DashboardWidgetSize', store => ({ widgets: [errorsWidget(store, { height: 0 })] }), 'widgets[0].height 0: must be a positive number of inches'],
    ['DashboardWidgetViewColumns', store => ({ widgets: [errorsWidget(store, { view: DashboardWidgetView.PIE_CHART, labelColumn: 'errorCode' })] }),
      'widgets[0] "PieChart": a PieChart widget needs \'ValueColumn\''],
    ['DashboardRefreshFrequency', () => ({ refreshSchedule: { frequency: Duration.hours(2) } }),
      'refreshSchedule.frequency "120 minutes": a custom dashboard refreshes every 1, 6, 12, 24 hours or every day'],
    ['DashboardRefreshTimeOfDay', () => ({ refreshSchedule: { frequency: Duration.days(1), timeOfDay: '24:00' } }),
      'refreshSchedule.timeOfDay "24:00": must be a UTC time of day HH:MM, 00:00 to 23:59'],
  ];

  test.each(ROWS)('[%s] %#', (id, props, message) => {
    const build = () => {
      const stack = testStack();
      return new LakeDashboard(stack, 'Dashboard', props(importedStore(stack)));
    };
    expect(build).toThrow(new RegExp(`\\[${id}\\]`));
    expect(errorOf(build).message).toContain(message);
  });

  test('[DashboardWidgetCount] widgets added later count at synthesis', () => {
    const stack = testStack();
    const store = importedStore(stack);
    const dashboard = new LakeDashboard(stack, 'Dashboard', { widgets: Array(10).fill(errorsWidget(store)) });
    dashboard.addWidget(errorsWidget(store));
    expect(() => Template.fromStack(stack)).toThrow(/\[DashboardWidgetCount\] widgets 11/);
  });

  test('addWidget checks the widget it adds, with its index', () => {
    const stack = testStack();
    const store = importedStore(stack);
    const dashboard = new LakeDashboard(stack, 'Dashboard', { widgets: [errorsWidget(store)] });
    expect(() => dashboard.addWidget(errorsWidget(store, { view: DashboardWidgetView.LINE_CHART })))
      .toThrow('[Stack/Dashboard] [DashboardWidgetViewColumns] widgets[1] "LineChart": a LineChart widget needs \'XAxisColumn\' and \'YAxisColumn\' '
        + '(RequestWidget; CloudTrail User Guide, "View properties for widgets"). Fix: name the query\'s result columns it plots: xAxisColumn, yAxisColumn');
  });

  test('a widget reading two stores must name both', () => {
    const stack = testStack();
    const store = importedStore(stack);
    const second = LakeEventDataStore.fromEventDataStoreArn(stack, 'Second', `${STORE_ARN.slice(0, -5)}22222`);
    expect(() => new LakeDashboard(stack, 'Dashboard', { widgets: [errorsWidget(store, { eventDataStores: [store, second] })] }))
      .toThrow(/\[QueryStatementStoreReference\] widgets\[0\]\.queryStatement .*'a1b2c3d4-5678-90ab-cdef-EXAMPLE22222'/);
  });

  test('[TagCount] the dashboard takes at most 50 tags', () => {
    const stack = testStack();
    const dashboard = new LakeDashboard(stack, 'Dashboard');
    for (let i = 0; i < 51; i++) {
      Tags.of(dashboard).add(`k${i}`, 'v');
    }
    expect(() => Template.fromStack(stack)).toThrow(/\[TagCount\] tags/);
  });
});
