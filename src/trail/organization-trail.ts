import { Names, PhysicalName, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ImportedOrganizationTrail } from './imported-trail';
import { grantArchiveRead } from './log-archive-grants';
import type { ILogArchive } from './log-archive-props';
import { LogBucket, organizationTrailBucketStatements, TrailDelivery } from './log-bucket';
import { LogDelivery } from './log-delivery';
import { createLogKey, logGroupKeyStatements, trailKeyStatements } from './log-key';
import { markLibraryTrail, warnAboutManagementEventCopies } from './management-event-copies';
import { OrganizationTrailProps } from './organization-trail-props';
import { IOrganizationTrail, OrganizationTrailAttributes } from './organization-trail-ref';
import { ResolvedTrail, resolveTrail } from './resolved-trail';
import { SecurityAlarms, SecurityAlarmsOptions } from './security-alarms';
import { trailDataEventProblems, trailProblems, trailSynthProblems } from './trail-problems';
import { grantTrailRead } from './trail-read';
import { dependOnAllButDefaultChild } from '../core/dependencies';
import { noteEnvironmentChecks } from '../core/environment';
import { TRAIL_NAME_LENGTH } from '../core/limits';
import { logArchiveAgreementProblems } from '../core/log-archive-rules';
import { recordOwner } from '../core/placement';
import { throwIfProblems, validateAtSynth, warnRule } from '../core/problems';
import { addOrRequestStatements } from '../policy/resource-policy';
import { eventNameOf, TRAIL_TAMPER_ACTIONS } from '../policy/tamper-actions';
import { excludeBucketObjects, selectsS3Objects } from '../selectors/bucket-exclusion';
import { EventCategory } from '../selectors/field-rules';
import { bindSelectors, SelectorSet, selectorSetProblems, selectsCategory } from '../selectors/selector-binding';

/**
 * One multi-Region CloudTrail trail for every account of an AWS Organization, with a secure log
 * bucket, a KMS key, CloudWatch Logs delivery and every policy CloudTrail needs, scoped to this trail.
 *
 * Deploy it from the organization's management account, or from a CloudTrail delegated
 * administrator account with `managementAccountId` set; trusted access for CloudTrail must be on
 * (`CloudTrailTrustedAccess`).
 *
 * @example
 * new OrganizationTrail(this, 'Trail', { orgId: 'o-a1b2c3d4e5' });
 */
export class OrganizationTrail extends Resource implements IOrganizationTrail {
  /**
   * Imports an existing organization trail by its ARN; its name is taken from the ARN. Without a bucket or log
   * group, `grantRead` and `addSecurityAlarms` throw: use `fromTrailAttributes` for those.
   */
  public static fromTrailArn(scope: Construct, id: string, trailArn: string): IOrganizationTrail {
    return OrganizationTrail.fromTrailAttributes(scope, id, { trailArn });
  }

  /**
   * Imports an existing organization trail, such as Control Tower's, with the bucket, key and log group it
   * delivers to when known.
   */
  public static fromTrailAttributes(scope: Construct, id: string, attrs: OrganizationTrailAttributes): IOrganizationTrail {
    return new ImportedOrganizationTrail(scope, id, attrs);
  }

  /**
   * An EventBridge rule for API calls CloudTrail records in the scope's account and Region ("AWS API Call via
   * CloudTrail" events), as aws-cdk-lib's `Trail.onEvent` makes. These events reach EventBridge whichever trail
   * logs them, so the rule belongs to no trail. Narrow it with `eventPattern`.
   */
  public static onEvent(scope: Construct, id: string, options: events.OnEventOptions = {}): events.Rule {
    const rule = new events.Rule(scope, id, options);
    rule.addTarget(options.target);
    rule.addEventPattern({ detailType: ['AWS API Call via CloudTrail'] });
    return rule;
  }

  /**
   * The trail's ARN.
   * @attribute
   */
  public readonly trailArn: string;
  /**
   * The trail's name.
   * @attribute
   */
  public readonly trailName: string;
  /** The bucket CloudTrail writes log files to. */
  public readonly bucket: s3.IBucket;
  /** The key that encrypts the log files. */
  public readonly encryptionKey: kms.IKey;
  /** The log group CloudTrail delivers events to; undefined when `sendToCloudWatchLogs` is false. */
  public readonly logGroup?: logs.ILogGroup;
  /** The topic CloudTrail notifies of log file deliveries, if any. */
  public readonly snsTopic?: sns.ITopic;
  /** The role CloudTrail assumes to write to the log group, if any. */
  public readonly logsRole?: iam.IRole;

  private readonly resource: CfnTrail;
  /** The trail's ARN built from its name: what API calls name it by, besides the name. */
  private readonly arnFromName: string;
  private readonly logArchive?: ILogArchive;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    // The generated name is known only after super(); the ARN attribute below is built from it, so the
    // marker only tells aws-cdk-lib that the name is not left to CloudFormation.
    super(scope, id, { physicalName: props.trailName ?? PhysicalName.GENERATE_IF_NEEDED });
    const trail = resolveTrail(props);
    const selectors: SelectorSet = {
      target: 'trail',
      managementEvents: trail.managementEvents,
      excludeManagementEventSources: trail.excludeManagementEventSources,
      dataEvents: trail.dataEvents,
    };
    // The selectors' problems come with the props' in one error; they are checked again, with the trail's own bucket
    // left out of its data events, when they are bound below.
    throwIfProblems(this, [...trailProblems(trail), ...selectorSetProblems(selectors)]);

    const stack = Stack.of(this);
    this.trailName = trail.trailName ?? Names.uniqueResourceName(this, { maxLength: TRAIL_NAME_LENGTH.max });
    const managementAccount = trail.managementAccountId ?? stack.account;
    // Built from the name: the trail's own Arn attribute would make its dependencies depend on it.
    const ownArn = stack.formatArn({ service: 'cloudtrail', resource: 'trail', resourceName: this.trailName, account: managementAccount });
    this.arnFromName = ownArn;
    const removalPolicy = trail.removalPolicy;
    const delivery: TrailDelivery = { trailArn: ownArn, account: managementAccount, orgId: trail.orgId, keyPrefix: trail.s3KeyPrefix };

    const logGroupName = trail.sendToCloudWatchLogs && !trail.cloudWatchLogGroup ? LogDelivery.logGroupNameFor(this.trailName) : undefined;
    const logGroupArn = logGroupName && LogDelivery.logGroupArnFor(this, logGroupName);
    let logGroupKey: kms.IKey | undefined;
    const archive = trail.logArchive;
    this.logArchive = archive;
    if (archive) {
      const thisTrail = { trailName: this.trailName, managementAccountId: managementAccount, orgId: trail.orgId, s3KeyPrefix: trail.s3KeyPrefix };
      throwIfProblems(this, logArchiveAgreementProblems({ ...thisTrail, region: stack.region }, {
        trailName: archive.trailName,
        managementAccountId: archive.managementAccountId,
        orgId: archive.orgId,
        s3KeyPrefix: archive.s3KeyPrefix,
        region: archive.trailRegion,
      }));
      // The archive's bucket and key policies admit this trail already; they belong to another account.
      this.encryptionKey = archive.encryptionKey;
      this.bucket = archive.bucket;
      if (logGroupArn) {
        // CloudWatch Logs uses another account's key only if that key's policy admits this account's Regional logs
        // principal, which the archive's does not: the log group gets a key of this stack.
        const key = createLogKey(this, 'LogGroupKey', removalPolicy, 'the CloudTrail log group');
        for (const statement of logGroupKeyStatements(logGroupArn, this)) {
          key.addToResourcePolicy(statement);
        }
        logGroupKey = key;
      }
    } else {
      this.encryptionKey = trail.encryptionKey ?? createLogKey(this, 'Key', removalPolicy);
      addOrRequestStatements(this, this.encryptionKey, trailKeyStatements({ trailArn: ownArn, account: managementAccount, logGroupArn }, this), {
        id: 'KeyPolicyNotManaged',
        resource: `KMS key ${this.encryptionKey.keyArn}`,
        policy: 'key policy',
        consequence: 'CloudTrail cannot encrypt log files (CreateTrail fails with InsufficientEncryptionPolicyException)',
      });
      this.bucket = trail.bucket ?? new LogBucket(this, 'Logs', {
        encryptionKey: this.encryptionKey,
        removalPolicy,
        logFileExpiration: trail.logFileExpiration,
        objectLockRetention: trail.objectLockRetention,
      }).bucket;
      addOrRequestStatements(this, this.bucket, organizationTrailBucketStatements(this.bucket, delivery), {
        id: 'BucketPolicyNotManaged',
        resource: `bucket ${this.bucket.bucketName}`,
        policy: 'bucket policy',
        consequence: 'CloudTrail cannot deliver log files (CreateTrail fails with InsufficientS3BucketPolicyException)',
      });
    }

    let logDelivery: LogDelivery | undefined;
    if (trail.sendToCloudWatchLogs) {
      logDelivery = new LogDelivery(this, 'CloudWatchLogs', {
        trailName: this.trailName,
        orgId: trail.orgId,
        account: managementAccount,
        logGroup: trail.cloudWatchLogGroup,
        retention: trail.cloudWatchLogsRetention,
        encryptionKey: logGroupKey ?? this.encryptionKey,
        removalPolicy,
      });
      this.logGroup = logDelivery.logGroup;
      this.logsRole = logDelivery.role;
    }

    this.snsTopic = trail.snsTopic;
    if (this.snsTopic) {
      addOrRequestStatements(this, this.snsTopic, [new iam.PolicyStatement({
        sid: 'CloudTrailPublishLogFileDeliveries',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.snsTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceArn': ownArn } },
      })], {
        id: 'TopicPolicyNotManaged',
        resource: `topic ${this.snsTopic.topicArn}`,
        policy: 'topic policy',
        consequence: 'CloudTrail cannot notify it (CreateTrail fails with InsufficientSnsTopicPolicyException)',
      });
    }

    this.resource = new CfnTrail(this, 'Resource', {
      trailName: this.trailName,
      isOrganizationTrail: true,
      isLogging: trail.isLogging,
      s3BucketName: this.bucket.bucketName,
      s3KeyPrefix: trail.s3KeyPrefix,
      kmsKeyId: this.encryptionKey.keyArn,
      snsTopicName: this.snsTopic?.topicArn,
      isMultiRegionTrail: trail.isMultiRegionTrail,
      includeGlobalServiceEvents: trail.includeGlobalServiceEvents,
      enableLogFileValidation: trail.enableFileValidation,
      cloudWatchLogsLogGroupArn: logDelivery?.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: logDelivery?.role.roleArn,
      insightSelectors: trail.insightTypes?.map(type => ({ insightType: type.value, eventCategories: trail.insightEventCategories })),
      aggregationConfigurations: trail.dataEventAggregation && [{
        eventCategory: 'Data',
        templates: trail.dataEventAggregation.map(template => template.value),
      }],
    });
    // CloudTrail checks the bucket, topic and role policies when the trail is created.
    for (const dependency of [this.bucket.policy, this.snsTopic, logDelivery?.policy]) {
      if (!dependency || Stack.of(dependency) !== stack) {
        continue;
      }
      if (dependency === this.snsTopic && dependency.node.defaultChild instanceof sns.CfnTopic) {
        // the trail names the topic (Ref) already: it waits for the topic's policy
        dependOnAllButDefaultChild(this.resource, dependency);
      } else {
        this.resource.node.addDependency(dependency);
      }
    }
    this.trailArn = this.getResourceArnAttribute(this.resource.attrArn, {
      service: 'cloudtrail',
      resource: 'trail',
      resourceName: this.trailName,
    });

    const excludeOwnBucket = trail.excludeOwnBucketFromDataEvents;
    bindSelectors(this, {
      ...selectors,
      adjustDataSelector: excludeOwnBucket ? selector => excludeBucketObjects(selector, this.bucket.bucketArn) : undefined,
    }, rendered => { this.resource.advancedEventSelectors = rendered; });

    if (trail.managementAccountId !== undefined) {
      recordOwner(this.resource, trail.managementAccountId);
    }
    validateAtSynth(this, () => [
      ...trailDataEventProblems(trail, selectsCategory(trail.dataEvents, EventCategory.DATA)),
      ...trailSynthProblems(this, this.resource, trail.managementAccountId),
    ]);
    markLibraryTrail(this.resource);
    // a warning, not a problem: it is found with the other trails of the app, all known only at synth
    this.node.addValidation({ validate: () => { warnAboutManagementEventCopies(this.resource); return []; } });
    noteEnvironmentChecks(this, ['TrailQuota', 'DelegatedAdminTrailManagementAccount', 'DuplicateManagementEvents']);
    warnAboutRiskySettings(this, trail, trail.dataEvents?._selectors().some(selectsS3Objects) ?? false);
  }

  /**
   * Lets a principal read the log files: the bucket's objects and, to decrypt them, the key. With a `logArchive`, this
   * writes the principal's policy only: the archive's `grantRead`, in the Log Archive account's stack, must admit it too.
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    if (this.logArchive) {
      return grantArchiveRead(grantee, this.logArchive);
    }
    return grantTrailRead(grantee, this.bucket, this.encryptionKey);
  }

  /**
   * An EventBridge rule for the calls that stop, delete or weaken this trail (StopLogging, DeleteTrail, UpdateTrail,
   * PutEventSelectors, PutInsightSelectors, PutEventConfiguration), in real time: "AWS API Call via CloudTrail"
   * events that name the trail by its name or ARN. The rule sees the calls made in this stack's account and Region,
   * the trail's home Region, where they must be made; `TrailProtectionPolicy` denies them in member accounts.
   */
  public onTamper(id: string, options: events.OnEventOptions = {}): events.Rule {
    const rule = new events.Rule(this, id, options);
    rule.addTarget(options.target);
    const trail = [this.trailName, this.arnFromName];
    rule.addEventPattern({
      source: ['aws.cloudtrail'],
      detailType: ['AWS API Call via CloudTrail'],
      detail: {
        eventSource: ['cloudtrail.amazonaws.com'],
        eventName: TRAIL_TAMPER_ACTIONS.map(eventNameOf),
        // StopLogging, DeleteTrail and UpdateTrail record the trail as requestParameters.name, the others as trailName
        $or: [{ requestParameters: { name: trail } }, { requestParameters: { trailName: trail } }],
      },
    });
    return rule;
  }

  /**
   * CloudWatch metric filters and alarms for the CIS AWS Foundations Benchmark monitoring checks on
   * the trail's log group, each alarm notifying the topic.
   */
  public addSecurityAlarms(id: string, options: SecurityAlarmsOptions): SecurityAlarms {
    if (!this.logGroup) {
      throwIfProblems(this, [{
        id: 'SecurityAlarmsNeedLogGroup',
        property: 'sendToCloudWatchLogs',
        value: false,
        rule: 'security alarms filter the events in the trail\'s log group, and the trail has none',
        fix: 'leave sendToCloudWatchLogs on, or pass cloudWatchLogGroup',
      }]);
    }
    return new SecurityAlarms(this, id, {
      ...options,
      logGroup: this.logGroup!,
    });
  }
}

/**
 * Warns about the opt-outs that leave activity unlogged, logs unprovable or a bill growing without end; not about
 * every explicit `false` (turning off CloudWatch Logs delivery, for one, loses nothing the bucket does not keep).
 */
function warnAboutRiskySettings(construct: OrganizationTrail, trail: ResolvedTrail, logsS3DataEvents: boolean): void {
  if (!trail.isMultiRegionTrail) {
    const region = Stack.of(construct).region;
    warnRule(construct, 'SingleRegionTrail', `isMultiRegionTrail is false: activity in every Region but ${Token.isUnresolved(region) ? 'the stack\'s' : region} goes unlogged, including activity of an attacker who picks an unused Region.`);
  }
  if (!trail.includeGlobalServiceEvents) {
    warnRule(construct, 'NoGlobalServiceEvents', 'includeGlobalServiceEvents is false: IAM, AWS STS and CloudFront API calls are not logged.');
  }
  if (!trail.enableFileValidation) {
    warnRule(construct, 'NoLogFileValidation', 'enableFileValidation is false: no digest files are delivered, so nobody can prove later that log files were not changed or deleted.');
  }
  if (!trail.isLogging) {
    warnRule(construct, 'TrailNotLogging', 'isLogging is false: the trail is created but logs nothing until logging is started.');
  }
  if (!trail.excludeOwnBucketFromDataEvents && logsS3DataEvents) {
    warnRule(construct, 'OwnBucketLogged', 'excludeOwnBucketFromDataEvents is false and the trail logs S3 data events: if they cover its own bucket, every log delivery is logged again, without end, and billed.');
  }
}
