import { ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import { AdvancedEventSelector, AdvancedFieldSelector } from './field-selector';

/**
 * The `readOnly` field selector for a read/write choice, or none when both reads and writes are wanted.
 * `ReadWriteType.NONE` selects nothing, so callers handle it before asking.
 */
export function readOnlyFieldSelector(readWriteType: ReadWriteType | undefined): AdvancedFieldSelector[] {
  switch (readWriteType) {
    case ReadWriteType.READ_ONLY:
      return [{ field: 'readOnly', equalTo: ['true'] }];
    case ReadWriteType.WRITE_ONLY:
      return [{ field: 'readOnly', equalTo: ['false'] }];
    default:
      return [];
  }
}

/**
 * The advanced event selector that logs management events, or undefined for `ReadWriteType.NONE`.
 * Excluded sources become one `NotEquals` condition on `eventSource`, the only form trails accept.
 */
export function managementEventSelector(readWriteType: ReadWriteType = ReadWriteType.ALL,
  excludedSources: ManagementEventSources[] = []): AdvancedEventSelector | undefined {
  if (readWriteType === ReadWriteType.NONE) {
    return undefined;
  }
  const fieldSelectors: AdvancedFieldSelector[] = [
    { field: 'eventCategory', equalTo: ['Management'] },
    ...readOnlyFieldSelector(readWriteType),
  ];
  if (excludedSources.length > 0) {
    fieldSelectors.push({ field: 'eventSource', notEquals: [...excludedSources] });
  }
  return { name: 'Management events', fieldSelectors };
}
