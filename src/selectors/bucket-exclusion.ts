import { DataResourceType } from './data-resource-type';
import { AdvancedEventSelector, AdvancedFieldSelector } from './field-selector';

/**
 * The selector with one bucket's objects left out when it could select them. A trail that logs the
 * data events of its own log bucket logs every log delivery, whose log file is then delivered and
 * logged again, without end. The exclusion is a `NotStartsWith` on the bucket's ARN, merged into the
 * selector's `resources.ARN` condition. A selector that names its objects (`Equals`, `StartsWith` or
 * `EndsWith` on `resources.ARN`) is left alone unless one of those values starts with the bucket's ARN.
 */
export function excludeBucketObjects(selector: AdvancedEventSelector, bucketArn: string): AdvancedEventSelector {
  if (!selectsS3Objects(selector)) {
    return selector;
  }
  const prefix = `${bucketArn}/`;
  const fieldSelectors = [...selector.fieldSelectors];
  const index = fieldSelectors.findIndex(fs => fs.field === 'resources.ARN');
  const named = index < 0 ? [] : [fieldSelectors[index].equalTo, fieldSelectors[index].startsWith, fieldSelectors[index].endsWith]
    .flatMap(values => values ?? []);
  if (named.length > 0 && !named.some(value => value.startsWith(bucketArn))) {
    return selector;
  }
  if (index < 0) {
    fieldSelectors.push({ field: 'resources.ARN', notStartsWith: [prefix] });
  } else {
    const existing: AdvancedFieldSelector = fieldSelectors[index];
    const excluded = existing.notStartsWith ?? [];
    if (!excluded.includes(prefix)) {
      fieldSelectors[index] = { ...existing, notStartsWith: [...excluded, prefix] };
    }
  }
  return { ...selector, fieldSelectors };
}

/** Whether a selector selects S3 object data events. */
export function selectsS3Objects(selector: AdvancedEventSelector): boolean {
  return selector.fieldSelectors.some(fs => fs.field === 'resources.type'
    && fs.equalTo !== undefined && fs.equalTo.includes(DataResourceType.S3_OBJECT.value));
}
