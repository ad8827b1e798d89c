import { ManagementEventSources, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DataEventSelectors } from '../selectors/data-event-selectors';

/**
 * Properties of a CloudTrailTelemetryRule.
 */
export interface CloudTrailTelemetryRuleProps {
  /**
   * The rule's name: 1 to 100 ASCII letters, digits and '-'. Changing it replaces the rule.
   *
   * @default - a stable name generated from the construct path
   */
  readonly ruleName?: string;

  /**
   * Apply the rule to every account of the organization (`AWS::ObservabilityAdmin::OrganizationTelemetryRule`) instead
   * of this stack's account (`AWS::ObservabilityAdmin::TelemetryRule`). Deploy an organization rule from the
   * management account or a CloudWatch delegated administrator account, after trusted access for
   * `observabilityadmin.amazonaws.com` and telemetry evaluation for the organization are turned on. The rule covers the
   * whole organization: its Scope (accounts or organizational units) is not offered, since the docs do not give its format.
   *
   * @default false
   */
  readonly organizationEnabled?: boolean;

  /**
   * The Regions the rule is replicated to, besides the stack's (its home Region).
   *
   * @default - every Region where CloudWatch Observability Admin is available (AllRegions), new ones included
   */
  readonly regions?: string[];

  /**
   * The management events to send. `ReadWriteType.NONE` sends none, and needs data events.
   *
   * @default ReadWriteType.ALL
   */
  readonly managementEvents?: ReadWriteType;

  /**
   * Management event sources to leave out, such as AWS KMS.
   *
   * @default - none
   */
  readonly excludeManagementEventSources?: ManagementEventSources[];

  /**
   * Data events to send, checked against the rules of a telemetry rule's selectors: those of a trail, without
   * network activity events.
   *
   * @default - no data events
   */
  readonly dataEvents?: DataEventSelectors;

  /**
   * How long the log groups CloudWatch creates keep events: 1 to 3653 days, so not `RetentionDays.INFINITE`.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly retention?: logs.RetentionDays;

  /**
   * The KMS key that encrypts the log groups CloudWatch creates, named by its key ARN. Its key policy must let
   * CloudWatch Logs (`logs.<region>.amazonaws.com`) use it for those log groups; the rule does not change the key policy.
   *
   * @default - the log groups are encrypted by CloudWatch Logs' own keys
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * The pattern CloudWatch names the destination log groups with, with macros such as `<accountId>` (API reference,
   * TelemetryDestinationConfiguration DestinationPattern). The docs give no rules for it, so it is passed as written.
   *
   * @default - CloudWatch's own naming
   */
  readonly destinationPattern?: string;
}
