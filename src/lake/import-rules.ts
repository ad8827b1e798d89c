import { Token } from 'aws-cdk-lib';
import type { LakeImportProps } from './lake-import-props';
import { EventDataStoreKind } from './store-options';
import { importTimeRangeProblems, keyPrefixProblems } from '../core/operation-rules';
import { Problem } from '../core/problems';
import { constructPropProblems } from '../core/prop-types';

// Region names such as us-east-1, eu-central-2, us-gov-west-1, ap-southeast-7
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The problems of an import's store, source and time range (StartImport). */
export function lakeImportProblems(props: LakeImportProps): Problem[] {
  if (!props?.eventDataStore?.eventDataStoreArn) {
    return [{ property: 'eventDataStore', rule: 'is required', fix: 'pass the LakeEventDataStore (or an imported store) to copy the events into' }];
  }
  if (!props.sourceBucket?.bucketArn) {
    return [{ property: 'sourceBucket', rule: 'is required', fix: 'pass the bucket the trail delivered its logs to' }];
  }
  const problems: Problem[] = [
    ...constructPropProblems('eventDataStore', props.eventDataStore, 'IEventDataStore', ['eventDataStoreArn', 'eventDataStoreId']),
    ...constructPropProblems('sourceBucket', props.sourceBucket, 's3.IBucket', ['bucketArn', 'bucketName', 'arnForObjects']),
    ...constructPropProblems('sourceKey', props.sourceKey, 'kms.IKey', ['keyArn']),
    ...constructPropProblems('role', props.role, 'iam.IRole', ['roleArn']),
  ];
  const kind = props.eventDataStore.kind;
  if (kind !== undefined && kind !== EventDataStoreKind.CLOUDTRAIL_EVENTS) {
    problems.push({
      property: 'eventDataStore',
      value: kind,
      rule: 'is not a store of CloudTrail events; trail events can only be copied into one (StartImport InvalidEventDataStoreCategoryException)',
      fix: 'import into a LakeEventDataStore of kind EventDataStoreKind.CLOUDTRAIL_EVENTS',
    });
  }
  problems.push(...keyPrefixProblems('sourcePrefix', props.sourcePrefix));
  if (props.sourceRegion !== undefined && !Token.isUnresolved(props.sourceRegion) && !REGION.test(String(props.sourceRegion))) {
    problems.push({ property: 'sourceRegion', value: props.sourceRegion, rule: 'must be an AWS Region name', fix: "pass the source bucket's Region, e.g. 'us-east-1'" });
  }
  problems.push(...importTimeRangeProblems('startEventTime', props.startEventTime, 'endEventTime', props.endEventTime));
  return problems;
}
