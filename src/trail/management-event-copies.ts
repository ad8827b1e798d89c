import { Resource, Stack } from 'aws-cdk-lib';
import { CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';
import { IConstruct } from 'constructs';
import { placementOf, stacksIn } from '../core/placement';
import { warnRule } from '../core/problems';
import { managementEventCopy, TrailCoverage } from '../core/trail-rules';

// Global symbol, so that the trails of another copy of the library in the same app are recognised too
const LIBRARY_TRAIL = Symbol.for('cdk-cloudtrail-org.OrganizationTrail');

/** One trail of the app: its resource, the construct a warning goes on, and what it logs where. */
interface AppTrail {
  readonly resource: CfnTrail;
  readonly construct: IConstruct;
  readonly coverage: TrailCoverage;
}

/** Marks a trail resource as one of this library's, whose construct warns about the copies it is part of. */
export function markLibraryTrail(resource: CfnTrail): void {
  Object.defineProperty(resource, LIBRARY_TRAIL, { value: true });
}

function isLibraryTrail(resource: CfnTrail): boolean {
  return LIBRARY_TRAIL in resource;
}

/**
 * Warns (DuplicateManagementEvents) on each trail that delivers a second copy of management events already logged by
 * an earlier trail of the app, naming that trail. Called at synth for every trail of this library: it warns on its own
 * trail, and on a later trail of aws-cdk-lib (`Trail`, `CfnTrail`) whose first copy is its own. Copies between two
 * trails that are not the library's are left to their owners.
 */
export function warnAboutManagementEventCopies(trail: CfnTrail): void {
  const all = appTrails(trail);
  const self = all.find(entry => entry.resource === trail);
  if (!self) {
    return;
  }
  const coverages = all.map(entry => entry.coverage);
  for (const entry of all) {
    if (entry !== self && isLibraryTrail(entry.resource)) {
      continue;
    }
    const copy = managementEventCopy(entry.coverage, coverages);
    if (!copy || (entry !== self && copy.other !== self.coverage)) {
      continue;
    }
    const where = `account ${copy.account}${copy.ifMember ? ' (when it is a member of the organization)' : ''}, `
      + (copy.region === undefined ? 'every Region' : `Region ${copy.region}`);
    warnRule(entry.construct, 'DuplicateManagementEvents', `This trail logs the same management events as ${copy.other.path} in ${where}: CloudTrail `
      + 'delivers the first copy of management events free and charges for every further copy (CloudTrail pricing; User Guide, "Managing CloudTrail '
      + 'costs"). Log management events in one trail only: give the other managementEvents: ReadWriteType.NONE (data events or Insights only), '
      + 'or remove it.');
  }
}

// The trails of an app, found once per synthesis rather than once per trail: synthesis validates every construct in
// one synchronous pass, so the list is dropped at the end of that pass, before the app can change again.
const APP_TRAILS = new WeakMap<IConstruct, AppTrail[]>();

/** Every trail of the app whose account and Region are known, in app order. */
function appTrails(scope: IConstruct): AppTrail[] {
  const root = scope.node.root;
  let trails = APP_TRAILS.get(root);
  if (!trails) {
    trails = stacksIn(root).flatMap(stack => stack.node.findAll().filter(CfnTrail.isCfnTrail).flatMap(trailOf));
    APP_TRAILS.set(root, trails);
    queueMicrotask(() => APP_TRAILS.delete(root));
  }
  return trails;
}

function trailOf(resource: CfnTrail): AppTrail[] {
  const stack = Stack.of(resource);
  const isOrganizationTrail = stack.resolve(resource.isOrganizationTrail) === true;
  const placement = placementOf(resource, isOrganizationTrail);
  const events = placement && stack.resolve(resource.isLogging) !== false ? managementEventsOf(resource) : undefined;
  if (!placement || !events || !(events.readEvents || events.writeEvents)) {
    return [];
  }
  // a warning goes on the construct users wrote: the L2 (OrganizationTrail, aws-cdk-lib Trail) that owns the resource
  const parent = resource.node.scope;
  const construct = parent instanceof Resource && parent.node.defaultChild === resource ? parent : resource;
  return [{
    resource,
    construct,
    coverage: {
      ...placement,
      path: construct.node.path,
      isMultiRegionTrail: stack.resolve(resource.isMultiRegionTrail) === true,
      isOrganizationTrail,
      ...events,
    },
  }];
}

interface ManagementEvents {
  readonly readEvents: boolean;
  readonly writeEvents: boolean;
}

interface FieldSelector {
  readonly field?: string;
  readonly equalTo?: string[];
  readonly notEquals?: string[];
}

/**
 * The management events a trail logs: from its advanced event selectors (eventCategory Management, readOnly), else its
 * basic ones (includeManagementEvents, readWriteType), else all of them, CloudTrail's default (PutEventSelectors).
 */
function managementEventsOf(resource: CfnTrail): ManagementEvents {
  const stack = Stack.of(resource);
  const advanced = stack.resolve(resource.advancedEventSelectors) as Array<{ fieldSelectors?: FieldSelector[] }> | undefined;
  if (Array.isArray(advanced) && advanced.length > 0) {
    return union(advanced.map(selector => {
      const fields = selector.fieldSelectors ?? [];
      const category = fields.find(f => f.field === 'eventCategory');
      if (!category?.equalTo?.includes('Management')) {
        return NONE;
      }
      const readOnly = fields.find(f => f.field === 'readOnly');
      const only = readOnly?.equalTo?.[0] ?? (readOnly?.notEquals?.[0] === 'true' ? 'false' : readOnly?.notEquals?.[0] === 'false' ? 'true' : undefined);
      return { readEvents: only !== 'false', writeEvents: only !== 'true' };
    }));
  }
  const basic = stack.resolve(resource.eventSelectors) as Array<{ includeManagementEvents?: boolean; readWriteType?: string }> | undefined;
  if (Array.isArray(basic) && basic.length > 0) {
    return union(basic.map(selector => selector.includeManagementEvents === false ? NONE : {
      readEvents: selector.readWriteType !== 'WriteOnly',
      writeEvents: selector.readWriteType !== 'ReadOnly',
    }));
  }
  return { readEvents: true, writeEvents: true };
}

const NONE: ManagementEvents = { readEvents: false, writeEvents: false };

function union(events: ManagementEvents[]): ManagementEvents {
  return { readEvents: events.some(e => e.readEvents), writeEvents: events.some(e => e.writeEvents) };
}
