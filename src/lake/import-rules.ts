import { Token } from 'aws-cdk-lib';
import type { LakeImportProps } from './lake-import-props';
import { EventDataStoreKind } from './store-options';
import { importTimeRangeProblems, keyPrefixProblems } from '../core/operation-rules';
import { isRegion } from '../core/partitions';
import { Problem } from '../core/problems';


/** The problems of an import's store, source and time range (StartImport). */
export function lakeImportProblems(props: LakeImportProps): Problem[] {
  const problems: Problem[] = [];
  const kind = props.eventDataStore.kind;
  if (kind !== undefined && kind !== EventDataStoreKind.CLOUDTRAIL_EVENTS) {
    problems.push({
      id: 'ImportStoreKind',
      property: 'eventDataStore',
      value: kind,
      rule: 'is not a store of CloudTrail events; trail events can only be copied into one (StartImport InvalidEventDataStoreCategoryException)',
      fix: 'import into a LakeEventDataStore of kind EventDataStoreKind.CLOUDTRAIL_EVENTS',
    });
  }
  problems.push(...keyPrefixProblems('sourcePrefix', props.sourcePrefix));
  if (props.sourceRegion !== undefined && !Token.isUnresolved(props.sourceRegion) && !isRegion(props.sourceRegion)) {
    problems.push({
      id: 'ImportSourceRegionFormat',
      property: 'sourceRegion',
      value: props.sourceRegion,
      rule: 'must be an AWS Region name',
      fix: "pass the source bucket's Region, e.g. 'us-east-1'",
    });
  }
  problems.push(...importTimeRangeProblems('startEventTime', props.startEventTime, 'endEventTime', props.endEventTime));
  return problems;
}
