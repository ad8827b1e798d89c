/**
 * Conditions on one event record field. Each list is one operator of an advanced field selector
 * (`Equals`, `NotEquals`, `StartsWith`, `NotStartsWith`, `EndsWith`, `NotEndsWith`), with the names
 * CloudFormation's `AdvancedFieldSelector` uses.
 */
export interface FieldConditions {
  /**
   * Include events whose field equals one of these values.
   * @default - no Equals condition
   */
  readonly equalTo?: string[];
  /**
   * Exclude events whose field equals one of these values.
   * @default - no NotEquals condition
   */
  readonly notEquals?: string[];
  /**
   * Include events whose field starts with one of these values.
   * @default - no StartsWith condition
   */
  readonly startsWith?: string[];
  /**
   * Exclude events whose field starts with one of these values.
   * @default - no NotStartsWith condition
   */
  readonly notStartsWith?: string[];
  /**
   * Include events whose field ends with one of these values.
   * @default - no EndsWith condition
   */
  readonly endsWith?: string[];
  /**
   * Exclude events whose field ends with one of these values.
   * @default - no NotEndsWith condition
   */
  readonly notEndsWith?: string[];
}

/**
 * One statement of an advanced event selector: conditions on one event record field. Same shape as
 * `CfnTrail.AdvancedFieldSelectorProperty` and `CfnEventDataStore.AdvancedFieldSelectorProperty`.
 */
export interface AdvancedFieldSelector extends FieldConditions {
  /**
   * The event record field, e.g. `eventCategory`, `resources.type`, `resources.ARN`, `readOnly`,
   * `eventName`, `eventSource`, `eventType`, `errorCode`, `sessionCredentialFromConsole`,
   * `userIdentity.arn` or `vpcEndpointId`.
   */
  readonly field: string;
}

/**
 * An advanced event selector: field selectors that all must match. Same shape as
 * `CfnTrail.AdvancedEventSelectorProperty` and `CfnEventDataStore.AdvancedEventSelectorProperty`.
 */
export interface AdvancedEventSelector {
  /**
   * A descriptive name, such as "Log writes to the payments bucket".
   * @default - no name
   */
  readonly name?: string;
  /**
   * The statements of the selector; an event is selected when it matches all of them.
   */
  readonly fieldSelectors: AdvancedFieldSelector[];
}
