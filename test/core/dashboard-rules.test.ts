import * as fc from 'fast-check';
import { dashboardNameProblems, dashboardWidgetProblems, refreshScheduleProblems, WidgetSpec } from '../../src/core/dashboard-rules';
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
});
