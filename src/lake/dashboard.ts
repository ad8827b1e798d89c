import { ArnFormat, Lazy, Names, PhysicalName, Resource, Stack, TagManager, Tokenization } from 'aws-cdk-lib';
import { CfnDashboard, CfnResourcePolicy } from 'aws-cdk-lib/aws-cloudtrail';
import { Construct } from 'constructs';
import { dashboardQueryStatement, dashboardRefreshPolicy } from './dashboard-policies';
import { DashboardRefreshSchedule, DashboardWidget, DashboardWidgetView, LakeDashboardProps } from './dashboard-props';
import { IEventDataStore } from './event-data-store-props';
import { dashboardNameProblems, dashboardWidgetCountProblems, dashboardWidgetProblems, refreshScheduleProblems, WidgetSpec } from '../core/dashboard-rules';
import { DASHBOARD_NAME_LENGTH } from '../core/limits';
import { renderedTags } from '../core/placement';
import { throwIfProblems, validateAtSynth } from '../core/problems';
import { tagProblems } from '../core/tags';
import { addOrRequestStatements } from '../policy/resource-policy';

const MINUTES_PER_DAY = 1440;

/**
 * A CloudTrail Lake dashboard: up to 10 widgets, each a Lake query shown as a table or chart, refreshed by hand or on a
 * schedule. CloudTrail runs the widgets' queries itself: each store of this stack a widget reads gains the resource
 * policy statement that lets CloudTrail query it for this dashboard only, and a refresh schedule gives the dashboard
 * the resource policy that lets CloudTrail refresh it.
 *
 * CloudTrail Lake takes no new customers since 2026-05-31: only accounts that already use it can create event data stores.
 *
 * @example
 * const lake = new LakeEventDataStore(this, 'Lake');
 * new LakeDashboard(this, 'Dashboard', {
 *   widgets: [{
 *     title: 'Top errors',
 *     queryStatement: `SELECT errorCode, count(*) AS n FROM ${lake.eventDataStoreId} WHERE eventTime > '?' GROUP BY errorCode`,
 *     queryParameters: [DashboardQueryParameter.START_TIME],
 *     eventDataStores: [lake],
 *   }],
 *   refreshSchedule: { frequency: Duration.hours(6) },
 * });
 */
export class LakeDashboard extends Resource {
  /**
   * The dashboard's ARN, `arn:<partition>:cloudtrail:<region>:<account>:dashboard/<name>`.
   * @attribute
   */
  public readonly dashboardArn: string;
  /**
   * The dashboard's name.
   * @attribute
   */
  public readonly dashboardName: string;

  private readonly resource: CfnDashboard;
  // Built from the name, so that store policies can name the dashboard without depending on it (the dashboard waits for them).
  private readonly sourceArn: string;
  private readonly widgets: CfnDashboard.WidgetProperty[] = [];
  private readonly stores = new Set<IEventDataStore>();

  constructor(scope: Construct, id: string, props: LakeDashboardProps = {}) {
    super(scope, id, { physicalName: props.dashboardName ?? PhysicalName.GENERATE_IF_NEEDED });
    const widgets = props.widgets ?? [];
    const resolved = widgets.map(widget => resolveWidget(widget));
    throwIfProblems(this, [
      ...(props.dashboardName === undefined ? [] : dashboardNameProblems('dashboardName', props.dashboardName)),
      ...dashboardWidgetCountProblems('widgets', widgets.length),
      ...resolved.flatMap((widget, i) => dashboardWidgetProblems(`widgets[${i}]`, widget.spec)),
      ...(props.refreshSchedule ? refreshScheduleProblems('refreshSchedule', refreshSpec(props.refreshSchedule)) : []),
    ]);

    this.dashboardName = props.dashboardName ?? Names.uniqueResourceName(this, { maxLength: DASHBOARD_NAME_LENGTH.max });
    this.sourceArn = Stack.of(this).formatArn({ service: 'cloudtrail', resource: 'dashboard', resourceName: this.dashboardName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    this.resource = new CfnDashboard(this, 'Resource', {
      name: this.dashboardName,
      widgets: Lazy.any({ produce: () => this.widgets.length > 0 ? this.widgets : undefined }),
      refreshSchedule: props.refreshSchedule ? renderRefreshSchedule(props.refreshSchedule) : undefined,
      terminationProtectionEnabled: props.terminationProtection ?? false,
    });
    this.dashboardArn = this.resource.attrDashboardArn;
    if (props.refreshSchedule) {
      new CfnResourcePolicy(this, 'Policy', {
        resourceArn: this.dashboardArn,
        resourcePolicy: dashboardRefreshPolicy(this.sourceArn, Stack.of(this).account),
      });
    }
    widgets.forEach((widget, i) => this.bindWidget(widget, resolved[i].rendered));
    validateAtSynth(this, () => [
      ...dashboardWidgetCountProblems('widgets', this.widgets.length),
      // TagManager.of: the L1's tag manager property differs between aws-cdk-lib versions (tags or cdkTagManager)
      ...tagProblems('tags', renderedTags(this, TagManager.of(this.resource)!)),
    ]);
  }

  /**
   * Adds a widget; a dashboard holds at most 10.
   */
  public addWidget(widget: DashboardWidget): void {
    const { spec, rendered } = resolveWidget(widget);
    throwIfProblems(this, dashboardWidgetProblems(`widgets[${this.widgets.length}]`, spec));
    this.bindWidget(widget, rendered);
  }

  private bindWidget(widget: DashboardWidget, rendered: CfnDashboard.WidgetProperty): void {
    this.widgets.push(rendered);
    for (const store of widget.eventDataStores) {
      this.allowQueries(store);
    }
  }

  /** Lets CloudTrail query the store for this dashboard, once per store; the dashboard is created after the policy. */
  private allowQueries(store: IEventDataStore): void {
    if (this.stores.has(store)) {
      return;
    }
    this.stores.add(store);
    const policies = addOrRequestStatements(this, store, [dashboardQueryStatement(store.eventDataStoreArn, this.sourceArn, Stack.of(this).account)], {
      id: 'DashboardStorePolicyNotManaged',
      resource: `event data store ${store.eventDataStoreArn}`,
      policy: 'resource-based policy',
      consequence: 'CloudTrail cannot run this dashboard\'s queries on it (the widgets stay empty after a refresh)',
    });
    this.resource.node.addDependency(...policies);
  }
}

/** A widget as the rules see it and as CloudFormation receives it. */
function resolveWidget(widget: DashboardWidget): { spec: WidgetSpec; rendered: CfnDashboard.WidgetProperty } {
  const view = widget.view ?? DashboardWidgetView.TABLE;
  const height = widget.height ?? 2;
  const width = widget.width ?? 4;
  const columns: Record<string, string | undefined> = {
    XAxisColumn: widget.xAxisColumn,
    YAxisColumn: widget.yAxisColumn,
    LabelColumn: widget.labelColumn,
    ValueColumn: widget.valueColumn,
    FilterColumn: widget.filterColumn,
    Orientation: widget.orientation,
  };
  const viewProperties: Record<string, string> = {
    Title: widget.title,
    View: view,
    Height: Tokenization.stringifyNumber(height),
    Width: Tokenization.stringifyNumber(width),
    ...Object.fromEntries(Object.entries(columns).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  };
  const queryParameters = widget.queryParameters ?? [];
  return {
    spec: {
      queryStatement: widget.queryStatement,
      storeIds: widget.eventDataStores.map(store => store.eventDataStoreId),
      queryParameters,
      view,
      height,
      width,
      viewProperties,
    },
    rendered: {
      queryStatement: widget.queryStatement,
      queryParameters: queryParameters.length > 0 ? queryParameters : undefined,
      viewProperties,
    },
  };
}

/** How often the schedule runs, in minutes, unless a token; and its time of day. */
function refreshSpec(schedule: DashboardRefreshSchedule) {
  return {
    intervalMinutes: schedule.frequency.isUnresolved() ? undefined : schedule.frequency.toMinutes({ integral: false }),
    timeOfDay: schedule.timeOfDay,
  };
}

/** A day as DAYS 1, so that the time of day counts in full; other intervals in HOURS (API model RefreshScheduleFrequency). */
function renderRefreshSchedule(schedule: DashboardRefreshSchedule): CfnDashboard.RefreshScheduleProperty {
  const minutes = refreshSpec(schedule).intervalMinutes;
  return {
    frequency: minutes === MINUTES_PER_DAY ? { unit: 'DAYS', value: 1 } : { unit: 'HOURS', value: schedule.frequency.toHours() },
    status: (schedule.enabled ?? true) ? 'ENABLED' : 'DISABLED',
    timeOfDay: schedule.timeOfDay,
  };
}
