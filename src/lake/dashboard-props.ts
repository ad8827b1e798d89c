import { Duration } from 'aws-cdk-lib';
import { IEventDataStore } from './event-data-store-props';

/** How a widget shows its query's results (CloudTrail User Guide, "View properties for widgets"). */
export enum DashboardWidgetView {
  /** A table of the result rows. */
  TABLE = 'Table',
  /** A line chart; needs `xAxisColumn` and `yAxisColumn`. */
  LINE_CHART = 'LineChart',
  /** A pie chart; needs `labelColumn` and `valueColumn`. */
  PIE_CHART = 'PieChart',
  /** A bar chart; needs `labelColumn` and `valueColumn`. */
  BAR_CHART = 'BarChart',
}

/** Which way a bar chart's bars run. */
export enum BarChartOrientation {
  /** Bars run left to right. */
  HORIZONTAL = 'Horizontal',
  /** Bars run bottom to top. */
  VERTICAL = 'Vertical',
}

/** A value CloudTrail puts into a widget's query, in place of a '?', each time the dashboard refreshes. */
export enum DashboardQueryParameter {
  /** The start of the time range the dashboard shows. */
  START_TIME = '$StartTime$',
  /** The end of the time range the dashboard shows. */
  END_TIME = '$EndTime$',
  /** The time unit of the range, for `DATE_TRUNC('?', eventTime)`. */
  PERIOD = '$Period$',
}

/** One widget of a CloudTrail Lake dashboard: a query and how its results are shown. */
export interface DashboardWidget {
  /**
   * The widget's title: 1 to 128 ASCII letters, digits, spaces, '.', '_' or '-'.
   */
  readonly title: string;

  /**
   * The SQL query: one read-only `SELECT` of 1 to 10000 characters that names each store it reads by its ID, with a
   * '?' wherever a query parameter goes (`'?'`, quoted, where it is compared with eventTime), e.g.
   * `` `SELECT eventName, count(*) AS n FROM ${store.eventDataStoreId} WHERE eventTime > '?' GROUP BY eventName` ``.
   */
  readonly queryStatement: string;

  /**
   * The event data stores the query reads, in this account. A store created in the same stack gains the resource
   * policy statement that lets CloudTrail run the query for this dashboard; for any other store, a warning shows the
   * statement to add.
   */
  readonly eventDataStores: IEventDataStore[];

  /**
   * The values CloudTrail puts in place of the statement's '?' placeholders, in order: at most 10.
   *
   * @default - none: the statement has no placeholder
   */
  readonly queryParameters?: DashboardQueryParameter[];

  /**
   * How the results are shown.
   *
   * @default DashboardWidgetView.TABLE
   */
  readonly view?: DashboardWidgetView;

  /**
   * The widget's height, in inches.
   *
   * @default 2
   */
  readonly height?: number;

  /**
   * The widget's width, in inches.
   *
   * @default 4
   */
  readonly width?: number;

  /**
   * The result column on the X axis of a line chart.
   *
   * @default - none; a line chart needs one
   */
  readonly xAxisColumn?: string;

  /**
   * The result column on the Y axis of a line chart.
   *
   * @default - none; a line chart needs one
   */
  readonly yAxisColumn?: string;

  /**
   * The result column that labels the segments of a pie chart or the bars of a bar chart.
   *
   * @default - none; pie and bar charts need one
   */
  readonly labelColumn?: string;

  /**
   * The result column that sizes the segments of a pie chart or the bars of a bar chart.
   *
   * @default - none; pie and bar charts need one
   */
  readonly valueColumn?: string;

  /**
   * A result column the chart can be filtered on.
   *
   * @default - no filter
   */
  readonly filterColumn?: string;

  /**
   * Which way the bars of a bar chart run.
   *
   * @default - CloudTrail's default
   */
  readonly orientation?: BarChartOrientation;
}

/** When CloudTrail refreshes a dashboard on its own. */
export interface DashboardRefreshSchedule {
  /**
   * How often: 1, 6, 12 or 24 hours (`Duration.days(1)`).
   */
  readonly frequency: Duration;

  /**
   * The UTC time of day of the refresh, HH:MM; for an hourly refresh only the minutes count.
   *
   * @default - 00:00
   */
  readonly timeOfDay?: string;

  /**
   * Whether the schedule runs.
   *
   * @default true
   */
  readonly enabled?: boolean;
}

/** Properties of a LakeDashboard. */
export interface LakeDashboardProps {
  /**
   * The dashboard's name, unique in the account: 3 to 128 ASCII letters, digits, '_' or '-'.
   *
   * @default - a stable name generated from the construct path
   */
  readonly dashboardName?: string;

  /**
   * The widgets, at most 10 with those `addWidget` adds.
   *
   * @default - none; add them with `addWidget`
   */
  readonly widgets?: DashboardWidget[];

  /**
   * A schedule on which CloudTrail refreshes the dashboard; the dashboard's resource policy then lets CloudTrail
   * call `cloudtrail:StartDashboardRefresh` on it.
   *
   * @default - refreshed only by hand (console or StartDashboardRefresh)
   */
  readonly refreshSchedule?: DashboardRefreshSchedule;

  /**
   * Whether the dashboard is protected from deletion. A dashboard holds no events: the template recreates it.
   *
   * @default false
   */
  readonly terminationProtection?: boolean;
}
