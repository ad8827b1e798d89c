import {
  DASHBOARD_MAX_QUERY_PARAMETERS, DASHBOARD_MAX_WIDGETS, DASHBOARD_NAME_LENGTH, DASHBOARD_REFRESH_HOURS, VIEW_PROPERTY_VALUE_LENGTH,
} from './limits';
import { lengthProblems, quoteList } from './names';
import { isUnresolved, Problem } from './problems';
import { queryStatementProblems, sqlCode } from './query-rules';

// CreateDashboard Name: "To create the Highlights dashboard, the name must be AWSCloudTrail-Highlights"
export const HIGHLIGHTS_DASHBOARD_NAME = 'AWSCloudTrail-Highlights';

/** The rules of a dashboard name (API model DashboardName). Tokens are not checked. */
export function dashboardNameProblems(property: string, name: string): Problem[] {
  if (isUnresolved(name)) {
    return [];
  }
  const source = 'API model DashboardName';
  const problems = lengthProblems('DashboardNameLength', property, name, DASHBOARD_NAME_LENGTH, source);
  const invalid = [...new Set(name.match(/[^A-Za-z0-9_-]/gu) ?? [])];
  if (invalid.length > 0) {
    problems.push({
      id: 'DashboardNameCharacters',
      property,
      value: name,
      rule: `contains ${quoteList(invalid, 'and')}; only ASCII letters, digits, '_' and '-' are allowed (${source})`,
      fix: 'remove or replace those characters',
    });
  }
  if (name === HIGHLIGHTS_DASHBOARD_NAME) {
    problems.push({
      id: 'DashboardNameReserved',
      property,
      value: name,
      rule: 'names the Highlights dashboard, which CloudTrail manages: it takes no widgets and refreshes every 6 hours (CreateDashboard Name)',
      fix: 'choose another name for a custom dashboard',
    });
  }
  return problems;
}

/** A custom dashboard holds at most 10 widgets (CreateDashboard Widgets). */
export function dashboardWidgetCountProblems(property: string, count: number): Problem[] {
  if (count <= DASHBOARD_MAX_WIDGETS) {
    return [];
  }
  return [{
    id: 'DashboardWidgetCount',
    property,
    value: count,
    rule: `${count} widgets; a custom dashboard holds at most ${DASHBOARD_MAX_WIDGETS} (CreateDashboard Widgets)`,
    fix: 'move widgets to a second dashboard',
  }];
}

/** One widget as CloudTrail receives it, with the IDs of the stores its query reads. */
export interface WidgetSpec {
  readonly queryStatement: string;
  /** The IDs of the event data stores the query reads (tokens for stores of this app). */
  readonly storeIds: string[];
  readonly queryParameters: string[];
  /** The view type, e.g. `LineChart`. */
  readonly view: string;
  readonly height: number;
  readonly width: number;
  /** Every view property sent, `Title`, `View`, `Height` and `Width` included. */
  readonly viewProperties: Record<string, string>;
}

// User Guide, "View properties for widgets": the columns each view type requires besides Height, Width, Title and View
const REQUIRED_COLUMNS: Record<string, string[]> = {
  Table: [],
  LineChart: ['XAxisColumn', 'YAxisColumn'],
  PieChart: ['LabelColumn', 'ValueColumn'],
  BarChart: ['LabelColumn', 'ValueColumn'],
};

const WIDGET_SOURCE = 'RequestWidget; CloudTrail User Guide, "View properties for widgets"';

/**
 * The rules of one widget: its query as every Lake query (query-rules: length, one read-only statement, naming
 * each store it reads), its query parameters (at most 10, one per '?' placeholder), its view property values (API model
 * ViewPropertiesValue) and the columns its view type requires.
 */
export function dashboardWidgetProblems(property: string, widget: WidgetSpec): Problem[] {
  const statement = `${property}.queryStatement`;
  const problems = queryStatementProblems(statement, widget.queryStatement, widget.storeIds);
  // every store the widget names gets the dashboard's policy statement, so each must be one the query reads; a query
  // that reads none of them is reported once, above
  if (!problems.some(problem => problem.id === 'QueryStatementStoreReference')) {
    for (const id of widget.storeIds) {
      problems.push(...queryStatementProblems(statement, widget.queryStatement, [id]).filter(problem => problem.id === 'QueryStatementStoreReference'));
    }
  }
  if (widget.storeIds.length === 0) {
    problems.push({
      id: 'DashboardWidgetStores',
      property: `${property}.eventDataStores`,
      rule: 'names no event data store; a widget\'s query reads one or more stores of this account (RequestWidget QueryStatement)',
      fix: 'give the stores the query reads, and interpolate their eventDataStoreId into the statement',
    });
  }
  problems.push(...parameterProblems(`${property}.queryParameters`, widget));
  for (const [key, value] of Object.entries(widget.viewProperties)) {
    problems.push(...viewPropertyProblems(`${property}.${key.charAt(0).toLowerCase()}${key.slice(1)}`, value));
  }
  for (const [name, size] of [['height', widget.height], ['width', widget.width]] as const) {
    if (!isUnresolved(size) && !(size > 0 && Number.isFinite(size))) {
      problems.push({
        id: 'DashboardWidgetSize',
        property: `${property}.${name}`,
        value: size,
        rule: `must be a positive number of inches (${WIDGET_SOURCE})`,
        fix: 'give a size such as 2 (height) or 4 (width)',
      });
    }
  }
  const missing = (REQUIRED_COLUMNS[widget.view] ?? []).filter(key => widget.viewProperties[key] === undefined);
  if (missing.length > 0) {
    problems.push({
      id: 'DashboardWidgetViewColumns',
      property,
      value: widget.view,
      rule: `a ${widget.view} widget needs ${quoteList(missing, 'and')} (${WIDGET_SOURCE})`,
      fix: `name the query's result columns it plots: ${missing.map(key => key.charAt(0).toLowerCase() + key.slice(1)).join(', ')}`,
    });
  }
  return problems;
}

function parameterProblems(property: string, widget: WidgetSpec): Problem[] {
  const count = widget.queryParameters.length;
  if (count > DASHBOARD_MAX_QUERY_PARAMETERS) {
    return [{
      id: 'DashboardWidgetParameterCount',
      property,
      value: widget.queryParameters,
      rule: `${count} query parameters; a widget takes at most ${DASHBOARD_MAX_QUERY_PARAMETERS} (API model QueryParameters)`,
      fix: 'use fewer placeholders in the statement',
    }];
  }
  const placeholders = placeholderCount(widget.queryStatement);
  if (placeholders === count) {
    return [];
  }
  return [{
    id: 'DashboardWidgetParameterPlaceholders',
    property,
    value: widget.queryParameters,
    rule: `${count} query parameters for ${placeholders} '?' placeholders in the statement; CloudTrail puts each parameter, in order, `
      + 'where a \'?\' stands (CloudTrail User Guide, "Create a dashboard with the AWS CLI")',
    fix: 'give one parameter per \'?\', in order; write \'?\' in single quotes where it is compared with eventTime',
  }];
}

/**
 * The '?' placeholders of a statement: bare ones and `'?'` (a placeholder compared with eventTime is quoted, RequestWidget
 * QueryStatement); a '?' inside any other string literal, quoted identifier or comment is text.
 */
function placeholderCount(statement: string): number {
  return sqlCode(statement, text => text === '\'?\'' ? '?' : '\'\'').split('?').length - 1;
}

/**
 * A view property's value (API model ViewPropertiesValue); the names are the library's, which follow ViewPropertiesKey.
 * Tokens are not checked.
 */
function viewPropertyProblems(property: string, value: string): Problem[] {
  const problems: Problem[] = [];
  if (!isUnresolved(value) && (!/^[A-Za-z0-9._\- ]+$/.test(value) || value.length < VIEW_PROPERTY_VALUE_LENGTH.min || value.length > VIEW_PROPERTY_VALUE_LENGTH.max)) {
    problems.push({
      id: 'DashboardViewPropertyValue',
      property,
      value,
      rule: `a view property's value is ${VIEW_PROPERTY_VALUE_LENGTH.min} to ${VIEW_PROPERTY_VALUE_LENGTH.max} ASCII letters, digits, spaces, '.', '_' or '-' `
        + '(API model ViewPropertiesValue)',
      fix: 'remove other characters (a title such as "Top errors" is fine; "Top errors (24h)" is not)',
    });
  }
  return problems;
}

/** A dashboard's refresh schedule as the rules see it: its interval in minutes, undefined for a token. */
export interface RefreshSpec {
  readonly intervalMinutes?: number;
  readonly timeOfDay?: string;
}

/**
 * The rules of a refresh schedule (API model RefreshScheduleFrequency, TimeOfDay): every 1, 6, 12 or 24 hours (a day),
 * at a UTC time of day HH:MM.
 */
export function refreshScheduleProblems(property: string, schedule: RefreshSpec): Problem[] {
  const problems: Problem[] = [];
  const minutes = schedule.intervalMinutes;
  if (minutes !== undefined && !DASHBOARD_REFRESH_HOURS.some(hours => hours * 60 === minutes)) {
    problems.push({
      id: 'DashboardRefreshFrequency',
      property: `${property}.frequency`,
      value: `${minutes} minutes`,
      rule: `a custom dashboard refreshes every ${DASHBOARD_REFRESH_HOURS.join(', ')} hours or every day (API model RefreshScheduleFrequency Value)`,
      fix: 'use Duration.hours(1), Duration.hours(6), Duration.hours(12) or Duration.days(1)',
    });
  }
  const time = schedule.timeOfDay;
  if (time !== undefined && !isUnresolved(time) && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    problems.push({
      id: 'DashboardRefreshTimeOfDay',
      property: `${property}.timeOfDay`,
      value: time,
      rule: 'must be a UTC time of day HH:MM, 00:00 to 23:59 (API model TimeOfDay, pattern ^[0-9]{2}:[0-9]{2})',
      fix: 'write two-digit hours and minutes, e.g. "06:30"',
    });
  }
  return problems;
}
