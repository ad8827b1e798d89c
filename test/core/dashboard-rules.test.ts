import { Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import {
  dashboardNameProblems, dashboardWidgetCountProblems, dashboardWidgetProblems, refreshScheduleProblems, WidgetSpec,
} from '../../src/core/dashboard-rules';
import { Problem } from '../../src/core/problems';

const ids = (problems: Problem[]) => problems.map(problem => problem.id);

/** The problems of a table widget on store a1b2c3d4 with this statement and these parameters. */
function widget(queryStatement: string, queryParameters: string[] = [], overrides: Partial<WidgetSpec> = {}): Problem[] {
  return dashboardWidgetProblems('widgets[0]', {
    queryStatement,
    storeIds: ['a1b2c3d4'],
    queryParameters,
    view: 'Table',
    height: 2,
    width: 4,
    viewProperties: { Title: 'Top errors', View: 'Table', Height: '2', Width: '4' },
    ...overrides,
  });
}

describe('dashboard rules', () => {
  test.each<[string, string, string[], boolean]>([
    ['a bare placeholder', 'SELECT * FROM a1b2c3d4 LIMIT ?', ['$Period$'], true],
    ['a quoted placeholder compared with eventTime', 'SELECT * FROM a1b2c3d4 WHERE eventTime > \'?\'', ['$StartTime$'], true],
    ['a ? inside another literal is text', 'SELECT * FROM a1b2c3d4 WHERE eventName LIKE \'%?%\'', [], true],
    ['a ? in a comment is text', 'SELECT * FROM a1b2c3d4 -- why?\n', [], true],
    ['a ? in a quoted identifier is text', 'SELECT "why?" FROM a1b2c3d4', [], true],
    ['a parameter without a placeholder', 'SELECT * FROM a1b2c3d4', ['$StartTime$'], false],
    ['a placeholder without a parameter', 'SELECT * FROM a1b2c3d4 WHERE eventTime > \'?\'', [], false],
  ])('[DashboardWidgetParameterPlaceholders] %s', (_, statement, parameters, accepted) => {
    expect(ids(widget(statement, parameters)).includes('DashboardWidgetParameterPlaceholders')).toBe(!accepted);
  });

  test('the query rules of every Lake query apply to a widget\'s statement', () => {
    expect(ids(widget('SELECT 1; SELECT 2 FROM a1b2c3d4'))).toEqual(['QueryStatementSingle']);
    expect(ids(widget('SELECT * FROM other'))).toEqual(['QueryStatementStoreReference']);
  });

  test.each([['00:00', true], ['23:59', true], ['06:30', true], ['24:00', false], ['12:60', false], ['6:30', false], ['06:30:00', false], ['0630', false]])(
    '[DashboardRefreshTimeOfDay] %s', (time, accepted) => {
      expect(ids(refreshScheduleProblems('refreshSchedule', { timeOfDay: time as string }))).toEqual(accepted ? [] : ['DashboardRefreshTimeOfDay']);
    });

  test('[DashboardRefreshTimeOfDay] every HH:MM of a day is accepted', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hours, minutes) => {
      const time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
      expect(refreshScheduleProblems('refreshSchedule', { timeOfDay: time })).toEqual([]);
    }));
  });

  test('[DashboardRefreshFrequency] only 1, 6, 12 and 24 hours; a token is not checked', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 * 1440 }), minutes => {
      const accepted = [60, 360, 720, 1440].includes(minutes);
      expect(ids(refreshScheduleProblems('refreshSchedule', { intervalMinutes: minutes }))).toEqual(accepted ? [] : ['DashboardRefreshFrequency']);
    }));
    expect(refreshScheduleProblems('refreshSchedule', {})).toEqual([]);
  });

  test('[DashboardNameCharacters] only letters, digits, \'_\' and \'-\'', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{3,128}$/), name => {
      fc.pre(name !== 'AWSCloudTrail-Highlights');
      expect(dashboardNameProblems('dashboardName', name)).toEqual([]);
    }));
    expect(ids(dashboardNameProblems('dashboardName', 'my dashboard'))).toEqual(['DashboardNameCharacters']);
  });

  test('[DashboardWidgetViewColumns] each chart needs its columns; a table none', () => {
    const chart = (view: string, columns: Record<string, string>) =>
      ids(widget('SELECT * FROM a1b2c3d4', [], { view, viewProperties: { Title: 't', View: view, Height: '2', Width: '4', ...columns } }));
    expect(chart('Table', {})).toEqual([]);
    expect(chart('LineChart', { XAxisColumn: 'day', YAxisColumn: 'n' })).toEqual([]);
    expect(chart('LineChart', { XAxisColumn: 'day' })).toEqual(['DashboardWidgetViewColumns']);
    expect(chart('PieChart', { LabelColumn: 'a', ValueColumn: 'n' })).toEqual([]);
    expect(chart('BarChart', { ValueColumn: 'n' })).toEqual(['DashboardWidgetViewColumns']);
  });

  test.each<[string, string, string[]]>([
    ['two placeholders, one bare and one quoted', 'SELECT * FROM a1b2c3d4 WHERE eventTime > \'?\' LIMIT ?', ['$StartTime$', '$Period$']],
    ['a ? in a literal with an escaped quote', 'SELECT * FROM a1b2c3d4 WHERE eventName = \'it\'\'?\'', []],
    ['a ? in a quoted identifier with an escaped quote', 'SELECT "a""?" FROM a1b2c3d4', []],
    ['a placeholder on the line after a comment', 'SELECT * FROM a1b2c3d4 -- the latest\nLIMIT ?', ['$Period$']],
    ['a placeholder between two block comments', 'SELECT * FROM a1b2c3d4 /* why? */ LIMIT ? /* why? */', ['$Period$']],
    ['a multi-line block comment', 'SELECT * FROM a1b2c3d4 /* why\n? */ LIMIT ?', ['$Period$']],
    ['a literal between two minus signs is no comment', 'SELECT 5-\'1\'-? FROM a1b2c3d4', ['$Period$']],
    ['a quoted identifier between two minus signs is no comment', 'SELECT 5-"a"-? FROM a1b2c3d4', ['$Period$']],
    ['a block comment between two minus signs is no comment', 'SELECT 5-/* a */-? FROM a1b2c3d4', ['$Period$']],
    ['a block comment holding --', 'SELECT * FROM a1b2c3d4 /* -- */ WHERE eventTime > \'?\'', ['$StartTime$']],
    ['an apostrophe in a comment', '-- the user\'s events\nSELECT * FROM a1b2c3d4 WHERE eventName = \'a?\' LIMIT ?', ['$Period$']],
  ])('[DashboardWidgetParameterPlaceholders] accepted: %s', (_, statement, parameters) => {
    expect(widget(statement, parameters)).toEqual([]);
  });

  test('[DashboardWidgetParameterPlaceholders] the message, on the widget\'s queryParameters', () => {
    expect(widget('SELECT * FROM a1b2c3d4 WHERE eventTime > \'?\' AND eventTime < \'?\' LIMIT ?', ['$StartTime$'])).toEqual([{
      id: 'DashboardWidgetParameterPlaceholders',
      property: 'widgets[0].queryParameters',
      value: ['$StartTime$'],
      rule: '1 query parameters for 3 \'?\' placeholders in the statement; CloudTrail puts each parameter, in order, where a \'?\' stands '
        + '(CloudTrail User Guide, "Create a dashboard with the AWS CLI")',
      fix: 'give one parameter per \'?\', in order; write \'?\' in single quotes where it is compared with eventTime',
    }]);
  });

  test('[DashboardWidgetParameterCount] the message, and no placeholder check beside it', () => {
    const parameters = Array<string>(11).fill('$Period$');
    expect(widget('SELECT * FROM a1b2c3d4', parameters)).toEqual([{
      id: 'DashboardWidgetParameterCount',
      property: 'widgets[0].queryParameters',
      value: parameters,
      rule: '11 query parameters; a widget takes at most 10 (API model QueryParameters)',
      fix: 'use fewer placeholders in the statement',
    }]);
  });

  test('[DashboardWidgetStores] a widget that names no store', () => {
    expect(widget('SELECT * FROM a1b2c3d4', [], { storeIds: [] })).toEqual([{
      id: 'DashboardWidgetStores',
      property: 'widgets[0].eventDataStores',
      rule: 'names no event data store; a widget\'s query reads one or more stores of this account (RequestWidget QueryStatement)',
      fix: 'give the stores the query reads, and interpolate their eventDataStoreId into the statement',
    }]);
  });

  describe('[QueryStatementStoreReference] each store a widget names is one its query reads', () => {
    const stores = (statement: string, storeIds: string[]) => widget(statement, [], { storeIds })
      .map(problem => [problem.id, problem.property, problem.rule.replace(/ \(StartQuery.*/, '')]);
    const unread = (shown: string) => ['QueryStatementStoreReference', 'widgets[0].queryStatement', `does not name the event data store it runs on, ${shown}`];

    test.each<[string, string, string[], string[]]>([
      ['reads both', 'SELECT * FROM a1b2c3d4 JOIN e5f6a7b8 ON true', ['a1b2c3d4', 'e5f6a7b8'], []],
      ['reads the first only', 'SELECT * FROM a1b2c3d4', ['a1b2c3d4', 'e5f6a7b8'], ['\'e5f6a7b8\'']],
      ['reads the second only', 'SELECT * FROM e5f6a7b8', ['a1b2c3d4', 'e5f6a7b8'], ['\'a1b2c3d4\'']],
      ['reads the first of three', 'SELECT * FROM a1b2c3d4', ['a1b2c3d4', 'e5f6a7b8', 'c9d0e1f2'], ['\'e5f6a7b8\'', '\'c9d0e1f2\'']],
      ['reads none: one problem naming them all', 'SELECT * FROM other', ['a1b2c3d4', 'e5f6a7b8'], ['\'a1b2c3d4\' or \'e5f6a7b8\'']],
    ])('%s', (_, statement, storeIds, shown) => {
      expect(stores(statement, storeIds)).toEqual(shown.map(unread));
    });

    test('the other query rules are reported once, however many stores', () => {
      expect(ids(widget('SELECT 1 FROM a1b2c3d4; SELECT 2 FROM e5f6a7b8', [], { storeIds: ['a1b2c3d4', 'e5f6a7b8'] }))).toEqual(['QueryStatementSingle']);
    });

    test('an unread store is reported beside another query problem', () => {
      expect(ids(widget('SELECT 1 FROM a1b2c3d4; SELECT 2', [], { storeIds: ['a1b2c3d4', 'e5f6a7b8'] })))
        .toEqual(['QueryStatementSingle', 'QueryStatementStoreReference']);
    });
  });

  describe('[DashboardWidgetSize]', () => {
    const size = (height: number, width: number) => widget('SELECT * FROM a1b2c3d4', [], { height, width });

    test.each([[1, 1], [0.5, 12], [2, 4]])('%s by %s inches: accepted', (height, width) => {
      expect(size(height, width)).toEqual([]);
    });

    test('a token is not checked', () => {
      expect(size(Token.asNumber({ Ref: 'Height' }), Token.asNumber({ Ref: 'Width' }))).toEqual([]);
    });

    test.each([0, -1, Infinity, NaN])('%s: refused, as height and as width', value => {
      const problem = (name: string) => ({
        id: 'DashboardWidgetSize',
        property: `widgets[0].${name}`,
        value,
        rule: 'must be a positive number of inches (RequestWidget; CloudTrail User Guide, "View properties for widgets")',
        fix: 'give a size such as 2 (height) or 4 (width)',
      });
      expect(size(value, 4)).toEqual([problem('height')]);
      expect(size(2, value)).toEqual([problem('width')]);
      expect(size(value, value)).toEqual([problem('height'), problem('width')]);
    });
  });

  describe('[DashboardViewPropertyValue]', () => {
    const properties = (viewProperties: Record<string, string>) => widget('SELECT * FROM a1b2c3d4', [], { viewProperties });

    test.each(['Top errors', 'a', 'v1.2_x-y', 'x'.repeat(128)])('%s: accepted', value => {
      expect(properties({ Title: value })).toEqual([]);
    });

    test('a token is not checked', () => {
      expect(properties({ Title: Token.asString({ Ref: 'Title' }) })).toEqual([]);
    });

    test.each(['Top errors (24h)', '#1 errors', '', 'x'.repeat(129), 'café', ' tab\t'])('%j: refused', value => {
      expect(ids(properties({ Title: value }))).toEqual(['DashboardViewPropertyValue']);
    });

    test('the message, on the property named as the library names it', () => {
      expect(properties({ Title: 'ok', XAxisColumn: 'day/hour' })).toEqual([{
        id: 'DashboardViewPropertyValue',
        property: 'widgets[0].xAxisColumn',
        value: 'day/hour',
        rule: 'a view property\'s value is 1 to 128 ASCII letters, digits, spaces, \'.\', \'_\' or \'-\' (API model ViewPropertiesValue)',
        fix: 'remove other characters (a title such as "Top errors" is fine; "Top errors (24h)" is not)',
      }]);
    });
  });

  test('[DashboardWidgetViewColumns] the message names every missing column; a view type without required columns needs none', () => {
    expect(widget('SELECT * FROM a1b2c3d4', [], { view: 'LineChart', viewProperties: { Title: 't' } })).toEqual([{
      id: 'DashboardWidgetViewColumns',
      property: 'widgets[0]',
      value: 'LineChart',
      rule: 'a LineChart widget needs \'XAxisColumn\' and \'YAxisColumn\' (RequestWidget; CloudTrail User Guide, "View properties for widgets")',
      fix: 'name the query\'s result columns it plots: xAxisColumn, yAxisColumn',
    }]);
    expect(ids(widget('SELECT * FROM a1b2c3d4', [], { view: 'PieChart', viewProperties: { Title: 't', ValueColumn: 'n' } }))).toEqual(['DashboardWidgetViewColumns']);
    expect(widget('SELECT * FROM a1b2c3d4', [], { view: 'Map', viewProperties: { Title: 't' } })).toEqual([]);
  });

  describe('dashboard name', () => {
    test.each(['abc', 'My_Dashboard-2', 'AWSCloudTrail-Highlights2', 'awscloudtrail-highlights'])('%s: accepted', name => {
      expect(dashboardNameProblems('dashboardName', name)).toEqual([]);
    });

    test('a token is not checked', () => {
      expect(dashboardNameProblems('dashboardName', Token.asString({ Ref: 'Name' }))).toEqual([]);
    });

    test('[DashboardNameCharacters] each other character once, in order', () => {
      expect(dashboardNameProblems('dashboardName', 'my dash.board v2.0')).toEqual([{
        id: 'DashboardNameCharacters',
        property: 'dashboardName',
        value: 'my dash.board v2.0',
        rule: 'contains \' \' and \'.\'; only ASCII letters, digits, \'_\' and \'-\' are allowed (API model DashboardName)',
        fix: 'remove or replace those characters',
      }]);
      expect(ids(dashboardNameProblems('dashboardName', 'tableau-é'))).toEqual(['DashboardNameCharacters']);
    });

    test('[DashboardNameLength] with its source', () => {
      expect(dashboardNameProblems('dashboardName', 'ab').map(problem => problem.rule)).toEqual(['must be 3 to 128 characters long, got 2 (API model DashboardName)']);
    });

    test('[DashboardNameReserved]', () => {
      expect(dashboardNameProblems('dashboardName', 'AWSCloudTrail-Highlights')).toEqual([{
        id: 'DashboardNameReserved',
        property: 'dashboardName',
        value: 'AWSCloudTrail-Highlights',
        rule: 'names the Highlights dashboard, which CloudTrail manages: it takes no widgets and refreshes every 6 hours (CreateDashboard Name)',
        fix: 'choose another name for a custom dashboard',
      }]);
    });
  });

  test('[DashboardWidgetCount] the message', () => {
    expect(dashboardWidgetCountProblems('widgets', 10)).toEqual([]);
    expect(dashboardWidgetCountProblems('widgets', 11)).toEqual([{
      id: 'DashboardWidgetCount',
      property: 'widgets',
      value: 11,
      rule: '11 widgets; a custom dashboard holds at most 10 (CreateDashboard Widgets)',
      fix: 'move widgets to a second dashboard',
    }]);
  });

  describe('refresh schedule', () => {
    test.each([60, 360, 720, 1440])('every %s minutes: accepted', minutes => {
      expect(refreshScheduleProblems('refreshSchedule', { intervalMinutes: minutes, timeOfDay: '06:30' })).toEqual([]);
    });

    test('a token time of day is not checked', () => {
      expect(refreshScheduleProblems('refreshSchedule', { timeOfDay: Token.asString({ Ref: 'Time' }) })).toEqual([]);
    });

    test('both messages', () => {
      expect(refreshScheduleProblems('refreshSchedule', { intervalMinutes: 30, timeOfDay: '6:30' })).toEqual([
        {
          id: 'DashboardRefreshFrequency',
          property: 'refreshSchedule.frequency',
          value: '30 minutes',
          rule: 'a custom dashboard refreshes every 1, 6, 12, 24 hours or every day (API model RefreshScheduleFrequency Value)',
          fix: 'use Duration.hours(1), Duration.hours(6), Duration.hours(12) or Duration.days(1)',
        },
        {
          id: 'DashboardRefreshTimeOfDay',
          property: 'refreshSchedule.timeOfDay',
          value: '6:30',
          rule: 'must be a UTC time of day HH:MM, 00:00 to 23:59 (API model TimeOfDay, pattern ^[0-9]{2}:[0-9]{2})',
          fix: 'write two-digit hours and minutes, e.g. "06:30"',
        },
      ]);
    });

    test.each(['19:59', '20:00', '09:05', '10:00'])('%s: accepted', time => {
      expect(refreshScheduleProblems('refreshSchedule', { timeOfDay: time })).toEqual([]);
    });

    test.each(['x06:30', '06:30x', '30:00', '06:3x', 'ab:cd', '06-30'])('%s: refused', time => {
      expect(ids(refreshScheduleProblems('refreshSchedule', { timeOfDay: time }))).toEqual(['DashboardRefreshTimeOfDay']);
    });
  });
});
