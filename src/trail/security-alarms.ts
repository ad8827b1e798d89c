import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { metricNamespaceProblems } from '../core/metric-namespace';
import { Problem, throwIfProblems } from '../core/problems';

// Patterns for CloudWatch.1 to CloudWatch.14 are copied from the Security Hub control remediation pages
// (awsdocs/aws-security-hub-user-guide, doc_source/cloudwatch-controls.md): Security Hub fails a control
// unless the filter is the one CIS prescribes, so the text is kept exactly as documented.

const CATALOGUE: SecurityAlarmCheck[] = [];

// The CloudTrail User Guide's namespace for alarms on trail events. Security Hub checks the filter pattern,
// not the namespace (its own steps use LogMetrics, the CIS benchmark's CISBenchmark).
const DEFAULT_METRIC_NAMESPACE = 'CloudTrailMetrics';

/**
 * One CIS AWS Foundations Benchmark monitoring check: a CloudWatch Logs metric filter pattern over CloudTrail
 * events and the alarm on the metric it produces.
 */
export class SecurityAlarmCheck {
  /** API calls refused for lack of permission. */
  public static readonly UNAUTHORIZED_API_CALLS = SecurityAlarmCheck.catalogue('UnauthorizedApiCalls',
    'API calls refused with *UnauthorizedOperation or AccessDenied* (CIS 1.2 3.1, Security Hub CloudWatch.2)',
    // CIS 1.2 3.1, Security Hub CloudWatch.2
    '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}');

  /** Successful console sign-ins of IAM users that did not use MFA. */
  public static readonly CONSOLE_SIGN_IN_WITHOUT_MFA = SecurityAlarmCheck.catalogue('ConsoleSignInWithoutMfa',
    'Successful console sign-in of an IAM user without MFA (CIS 1.2 3.2, Security Hub CloudWatch.3)',
    // CIS 1.2 3.2 (the variant for accounts that use single sign-on), Security Hub CloudWatch.3
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }');

  /** Any use of the root user that no AWS service made on its behalf. */
  public static readonly ROOT_ACCOUNT_USAGE = SecurityAlarmCheck.catalogue('RootAccountUsage',
    'Use of the root user (CIS 1.2 3.3, CIS 1.4 4.3, Security Hub CloudWatch.1)',
    // CIS 1.4 4.3, Security Hub CloudWatch.1
    '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}');

  /** Changes to IAM policies and their attachments. */
  public static readonly IAM_POLICY_CHANGES = SecurityAlarmCheck.catalogue('IamPolicyChanges',
    'Changes to IAM policies and their attachments (CIS 1.2 3.4, CIS 1.4 4.4, Security Hub CloudWatch.4)',
    // CIS 1.4 4.4, Security Hub CloudWatch.4
    '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}');

  /** Trails created, changed, deleted, started or stopped. */
  public static readonly CLOUDTRAIL_CONFIGURATION_CHANGES = SecurityAlarmCheck.catalogue('CloudTrailConfigurationChanges',
    'Changes to CloudTrail trails and their logging (CIS 1.2 3.5, CIS 1.4 4.5, Security Hub CloudWatch.5)',
    // CIS 1.4 4.5, Security Hub CloudWatch.5
    '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}');

  /** Console sign-ins that failed authentication. */
  public static readonly CONSOLE_AUTHENTICATION_FAILURES = SecurityAlarmCheck.catalogue('ConsoleAuthenticationFailures',
    'Failed console sign-ins (CIS 1.2 3.6, CIS 1.4 4.6, Security Hub CloudWatch.6)',
    // CIS 1.4 4.6, Security Hub CloudWatch.6
    '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}');

  /** Customer managed KMS keys disabled or scheduled for deletion. */
  public static readonly CMK_DISABLING_OR_DELETION = SecurityAlarmCheck.catalogue('CmkDisablingOrDeletion',
    'Customer managed KMS keys disabled or scheduled for deletion (CIS 1.2 3.7, CIS 1.4 4.7, Security Hub CloudWatch.7)',
    // CIS 1.4 4.7, Security Hub CloudWatch.7
    '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}');

  /** Changes to S3 bucket policies, ACLs, CORS, lifecycle and replication. */
  public static readonly S3_BUCKET_POLICY_CHANGES = SecurityAlarmCheck.catalogue('S3BucketPolicyChanges',
    'Changes to S3 bucket policies, ACLs, CORS, lifecycle or replication (CIS 1.2 3.8, CIS 1.4 4.8, Security Hub CloudWatch.8)',
    // CIS 1.4 4.8, Security Hub CloudWatch.8
    '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}');

  /** AWS Config recorders and delivery channels stopped, changed or deleted. */
  public static readonly CONFIG_CONFIGURATION_CHANGES = SecurityAlarmCheck.catalogue('ConfigConfigurationChanges',
    'Changes to AWS Config recorders and delivery channels (CIS 1.2 3.9, CIS 1.4 4.9, Security Hub CloudWatch.9)',
    // CIS 1.4 4.9, Security Hub CloudWatch.9
    '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}');

  /** Security groups created, deleted or their rules changed. */
  public static readonly SECURITY_GROUP_CHANGES = SecurityAlarmCheck.catalogue('SecurityGroupChanges',
    'Changes to security groups and their rules (CIS 1.2 3.10, CIS 1.4 4.10, Security Hub CloudWatch.10)',
    // CIS 1.4 4.10, Security Hub CloudWatch.10
    '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}');

  /** Network ACLs, their entries or subnet associations changed. */
  public static readonly NACL_CHANGES = SecurityAlarmCheck.catalogue('NaclChanges',
    'Changes to network ACLs (CIS 1.2 3.11, CIS 1.4 4.11, Security Hub CloudWatch.11)',
    // CIS 1.4 4.11, Security Hub CloudWatch.11
    '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}');

  /** Customer and internet gateways created, deleted, attached or detached. */
  public static readonly NETWORK_GATEWAY_CHANGES = SecurityAlarmCheck.catalogue('NetworkGatewayChanges',
    'Changes to customer and internet gateways (CIS 1.2 3.12, CIS 1.4 4.12, Security Hub CloudWatch.12)',
    // CIS 1.4 4.12, Security Hub CloudWatch.12
    '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}');

  /** Route tables, their routes or associations changed. */
  public static readonly ROUTE_TABLE_CHANGES = SecurityAlarmCheck.catalogue('RouteTableChanges',
    'Changes to route tables and routes (CIS 1.2 3.13, CIS 1.4 4.13, Security Hub CloudWatch.13)',
    // CIS 1.4 4.13, Security Hub CloudWatch.13
    '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}');

  /** VPCs, their attributes, peering connections or ClassicLink changed. */
  public static readonly VPC_CHANGES = SecurityAlarmCheck.catalogue('VpcChanges',
    'Changes to VPCs, VPC peering and ClassicLink (CIS 1.2 3.14, CIS 1.4 4.14, Security Hub CloudWatch.14)',
    // CIS 1.4 4.14, Security Hub CloudWatch.14
    '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}');

  /** Changes to the organization: accounts, organizational units, policies and handshakes. */
  public static readonly ORGANIZATIONS_CHANGES = SecurityAlarmCheck.catalogue('OrganizationsChanges',
    'Changes to AWS Organizations accounts, organizational units and policies (CIS 1.4 4.15)',
    // CIS 1.4 4.15 (no Security Hub CloudWatch control)
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }');

  /** Every check, in CIS order. */
  public static all(): SecurityAlarmCheck[] {
    return [...CATALOGUE];
  }

  private static catalogue(id: string, description: string, filterPattern: string): SecurityAlarmCheck {
    const check = new SecurityAlarmCheck(id, description, filterPattern);
    CATALOGUE.push(check);
    return check;
  }

  /** The metric name, and the prefix of the metric filter's and alarm's construct ids, e.g. `UnauthorizedApiCalls`. */
  public readonly id: string;
  /** What the check detects and which CIS and Security Hub controls it satisfies; the alarm description. */
  public readonly description: string;
  /** The CloudWatch Logs filter pattern, exactly as the CIS benchmark and Security Hub document it. */
  public readonly filterPattern: string;

  private constructor(id: string, description: string, filterPattern: string) {
    this.id = id;
    this.description = description;
    this.filterPattern = filterPattern;
  }
}

/**
 * Options of `SecurityAlarms` besides the log group, for constructs that supply their own trail's log group.
 */
export interface SecurityAlarmsOptions {
  /** The topic every alarm notifies. */
  readonly topic: sns.ITopic;
  /**
   * The CloudWatch namespace of the metrics.
   * @default 'CloudTrailMetrics'
   */
  readonly metricNamespace?: string;
  /**
   * The checks to create a metric filter and alarm for. Must not be empty: leave it out to get all.
   * @default SecurityAlarmCheck.all()
   */
  readonly checks?: SecurityAlarmCheck[];
}

/**
 * Properties of `SecurityAlarms`.
 */
export interface SecurityAlarmsProps extends SecurityAlarmsOptions {
  /** The CloudWatch Logs log group the trail delivers its events to. */
  readonly logGroup: logs.ILogGroup;
}

/**
 * The CIS AWS Foundations Benchmark monitoring checks on a trail's CloudWatch Logs log group: for each
 * check a metric filter that counts matching CloudTrail events, and an alarm that notifies the topic as
 * soon as one matches (the Security Hub controls CloudWatch.1 to CloudWatch.14, plus Organizations changes).
 *
 * @example
 * new SecurityAlarms(this, 'SecurityAlarms', { logGroup: trailLogGroup, topic: securityTopic });
 */
export class SecurityAlarms extends Construct {
  /** The alarms, one per check, in the order of the checks. */
  public readonly alarms: cloudwatch.IAlarm[] = [];
  /** The metric filters, one per check, in the order of the checks. */
  public readonly metricFilters: logs.MetricFilter[] = [];

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    const checks = props.checks ?? SecurityAlarmCheck.all();
    const metricNamespace = props.metricNamespace ?? DEFAULT_METRIC_NAMESPACE;
    throwIfProblems(this, [...checksProblems(checks), ...metricNamespaceProblems('metricNamespace', metricNamespace, DEFAULT_METRIC_NAMESPACE)]);

    const action = new SnsAction(props.topic);
    for (const check of checks) {
      const filter = new logs.MetricFilter(this, `${check.id}Filter`, {
        logGroup: props.logGroup,
        filterPattern: logs.FilterPattern.literal(check.filterPattern),
        metricNamespace,
        metricName: check.id,
        metricValue: '1',
      });
      // The CIS remediation: Sum over 5 minutes, alarm from the first matching event
      const alarm = new cloudwatch.Alarm(this, `${check.id}Alarm`, {
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        // A metric filter publishes nothing while no event matches, and that quiet is the normal state
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: check.description,
      });
      alarm.addAlarmAction(action);
      this.metricFilters.push(filter);
      this.alarms.push(alarm);
    }
  }
}

function checksProblems(checks: SecurityAlarmCheck[]): Problem[] {
  if (checks.length === 0) {
    return [{
      id: 'SecurityAlarmChecksEmpty',
      property: 'checks',
      value: [],
      rule: 'an empty list creates no metric filter or alarm',
      fix: 'name at least one check, or leave checks out to get SecurityAlarmCheck.all()',
    }];
  }
  const firstIndex = new Map<string, number>();
  const problems: Problem[] = [];
  checks.forEach((check, index) => {
    const first = firstIndex.get(check.id);
    if (first === undefined) {
      firstIndex.set(check.id, index);
      return;
    }
    problems.push({
      id: 'SecurityAlarmChecksUnique',
      property: `checks[${index}]`,
      value: check.id,
      rule: `repeats checks[${first}]; each check has one metric filter and one alarm`,
      fix: 'list each check once',
    });
  });
  return problems;
}
