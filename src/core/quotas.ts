import type { Placement } from './placement';
import { Problem } from './problems';
import type { RuleId } from './rule-registry';

/** A resource placed for a per-Region quota of its account; a multi-Region resource counts in every Region. */
export interface PlacedForQuota extends Placement {
  readonly multiRegion: boolean;
}

/** A per-account, per-Region quota of CloudTrail, and how a problem with it reads. */
export interface RegionQuota {
  readonly id: RuleId;
  readonly property: string;
  /** The resources counted, in the plural: 'trails', 'event data stores'. */
  readonly noun: string;
  readonly max: number;
  readonly source: string;
  readonly fix: string;
}

/**
 * A per-Region quota of one account, for one resource: in each Region the resource counts in (every Region of its
 * account the app places a resource in, when it is multi-Region), the resources of that Region and the account's
 * multi-Region resources homed anywhere. `all` is every such resource in the app, in app order. A Region over the
 * quota is reported once, on the first resource counted there, so one synthesis shows it once.
 */
export function perRegionQuotaProblems(resource: PlacedForQuota, all: PlacedForQuota[], quota: RegionQuota): Problem[] {
  const sameAccount = all.filter(other => other.account === resource.account);
  const regions = resource.multiRegion ? [...new Set(sameAccount.map(other => other.region))] : [resource.region];
  const problems: Problem[] = [];
  for (const region of regions) {
    const present = sameAccount.filter(other => other.region === region || other.multiRegion);
    if (present.length > quota.max && present[0].path === resource.path) {
      problems.push({
        id: quota.id,
        property: quota.property,
        value: present.map(other => other.path),
        rule: `this app puts ${present.length} ${quota.noun} in account ${resource.account}, Region ${region} (multi-Region ${quota.noun} count in every Region); `
          + `CloudTrail allows at most ${quota.max} (${quota.source})`,
        fix: quota.fix,
      });
    }
  }
  return problems;
}
