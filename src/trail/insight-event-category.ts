/**
 * The events CloudTrail Insights analyzes on a trail (InsightSelector EventCategories).
 */
export enum InsightEventCategory {
  /** Management events: API call rate Insights need write ones, API error rate Insights read or write ones. */
  MANAGEMENT = 'Management',
  /** Data events: both Insights types need the trail to log data events. Trails only, not event data stores. */
  DATA = 'Data',
}
