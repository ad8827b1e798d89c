/**
 * A template CloudTrail aggregates a trail's data events by into 5-minute summaries (AggregationConfiguration
 * Templates).
 */
export class AggregationTemplate {
  /** Summaries of the API calls made: frequency, callers and sources. */
  public static readonly API_ACTIVITY = new AggregationTemplate('API_ACTIVITY');
  /** Summaries per resource: how often it was accessed, by whom, with which actions. */
  public static readonly RESOURCE_ACCESS = new AggregationTemplate('RESOURCE_ACCESS');
  /** Summaries per IAM principal making the calls. */
  public static readonly USER_ACTIONS = new AggregationTemplate('USER_ACTIONS');

  /**
   * A template newer than this library, by its API name: uppercase letters, digits and underscores, like
   * `API_ACTIVITY`.
   */
  public static of(name: string): AggregationTemplate {
    return new AggregationTemplate(name);
  }

  private constructor(
    /** The template's API name, e.g. `API_ACTIVITY`. */
    public readonly value: string) {}
}
