import { DataResourceType } from './data-resource-type';
import { arnRegionMatchesPartition, PARTITION_PATTERN, REGION_PATTERN } from '../core/partitions';

/** The catalogued type with this `resources.type` value, if any. */
export function findDataResourceType(value: string): DataResourceType | undefined {
  const type = DataResourceType.of(value);
  return type.isCatalogued ? type : undefined;
}

const PLACEHOLDER_PATTERNS: Record<string, string> = {
  partition: PARTITION_PATTERN,
  region: REGION_PATTERN,
  account_ID: '\\d{12}',
  object_path: '.*',
};
const matchers = new Map<string, RegExp>();

/**
 * Whether an ARN has one of the type's documented formats, with a known partition and a Region of that partition. A `<placeholder>` at the end of a format
 * takes any text (names may contain '/' or ':'); elsewhere it takes text without '/' or ':'.
 */
export function matchesArnFormat(type: DataResourceType, arn: string): boolean {
  return type.arnFormats.some(format => arnMatcher(format).test(arn)) && arnRegionMatchesPartition(arn);
}

function arnMatcher(format: string): RegExp {
  let matcher = matchers.get(format);
  if (!matcher) {
    const source = format.split(/(<[A-Za-z_]+>)/).map((part, index, parts) => {
      const placeholder = /^<([A-Za-z_]+)>$/.exec(part)?.[1];
      if (!placeholder) {
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      return PLACEHOLDER_PATTERNS[placeholder] ?? (index === parts.length - 2 && parts[parts.length - 1] === '' ? '.+' : '[^/:]+');
    }).join('');
    matcher = new RegExp(`^${source}$`);
    matchers.set(format, matcher);
  }
  return matcher;
}
