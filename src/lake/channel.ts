import { Names, PhysicalName, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnChannel, CfnResourcePolicy } from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ILakeChannel, LakeChannelProps } from './channel-props';
import {
  channelArnProblems, channelDestinationProblems, channelNameProblems, channelPolicyProblems, channelSourceProblems, PUT_AUDIT_EVENTS,
} from '../core/channel-rules';
import { CHANNEL_NAME_LENGTH } from '../core/limits';
import { renderedTags } from '../core/placement';
import { throwIfProblems, validateAtSynth, warnRule } from '../core/problems';
import { tagProblems } from '../core/tags';
import { policyText } from '../policy/resource-policy';

/**
 * What every channel, created or imported, can do.
 */
abstract class ChannelBase extends Resource implements ILakeChannel, iam.IResourceWithPolicy {
  public abstract readonly channelArn: string;

  /**
   * Lets a principal send events to the channel with `cloudtrail-data:PutAuditEvents`: a principal of the channel's
   * account through its IAM policy, another account's principal (a partner's account, for one) through the channel's
   * resource policy.
   *
   * @param grantee the principal that sends events
   * @param externalId the external ID the sender passes with each call, as the partner gives it (CloudTrail User
   * Guide, "Resource-based policy examples for channels"); it guards against the confused deputy
   * @default - no external ID condition
   */
  public grantPutAuditEvents(grantee: iam.IGrantable, externalId?: string): iam.Grant {
    const conditions = externalId === undefined ? undefined : { StringEquals: { 'cloudtrail:ExternalId': externalId } };
    return iam.Grant.addToPrincipalOrResource({
      grantee,
      actions: [PUT_AUDIT_EVENTS],
      resourceArns: [this.channelArn],
      resource: conditions ? withGrantConditions(this, conditions) : this,
      conditions,
    });
  }

  /**
   * Adds a statement to the channel's resource-based policy, which may allow only `cloudtrail-data:PutAuditEvents`.
   * An imported channel's policy cannot be changed: the statement is not added, and a warning shows it.
   */
  public abstract addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult;
}

/**
 * The channel as the resource of a grant with conditions, which it puts on the statement for the resource policy too:
 * aws-cdk-lib before 2.276 puts a grant's conditions on the principal's statement only, and this library supports
 * aws-cdk-lib from 2.252. (From 2.276 on, the statement already holds them; adding them again changes nothing.)
 */
function withGrantConditions(channel: ChannelBase, conditions: Record<string, Record<string, unknown>>): iam.IResourceWithPolicyV2 {
  return {
    env: channel.env,
    addToResourcePolicy: statement => {
      statement.addConditions(conditions);
      return channel.addToResourcePolicy(statement);
    },
  };
}

/**
 * A CloudTrail Lake channel: how events from outside AWS, sent with `cloudtrail-data:PutAuditEvents` by your
 * applications or an integration partner, reach event data stores of kind `EventDataStoreKind.EXTERNAL_EVENTS`.
 *
 * @example
 * const store = new LakeEventDataStore(this, 'External', { kind: EventDataStoreKind.EXTERNAL_EVENTS });
 * const channel = new LakeChannel(this, 'Channel', { source: 'Custom', destinations: [store] });
 * channel.grantPutAuditEvents(new iam.AccountPrincipal('444455556666'), 'partner-external-id');
 */
export class LakeChannel extends ChannelBase {
  /**
   * A channel created outside this app, by its ARN (`aws cloudtrail list-channels`). `grantPutAuditEvents` gives a
   * principal of the channel's account IAM permissions; for another account's principal it warns
   * (`ChannelPolicyNotManaged`) with the statement the channel's owner must add to its resource policy.
   */
  public static fromChannelArn(scope: Construct, id: string, channelArn: string): ILakeChannel {
    return new ImportedChannel(scope, id, channelArn);
  }

  /**
   * The channel's ARN, `arn:<partition>:cloudtrail:<region>:<account>:channel/<id>`.
   * @attribute
   */
  public readonly channelArn: string;
  /**
   * The channel's name.
   * @attribute
   */
  public readonly channelName: string;

  private readonly resource: CfnChannel;
  private resourcePolicy?: iam.PolicyDocument;
  private policyResource?: CfnResourcePolicy;

  constructor(scope: Construct, id: string, props: LakeChannelProps) {
    super(scope, id, { physicalName: props.channelName ?? PhysicalName.GENERATE_IF_NEEDED });
    throwIfProblems(this, [
      ...channelSourceProblems('source', props.source),
      ...(props.channelName === undefined ? [] : channelNameProblems('channelName', props.channelName)),
      ...channelDestinationProblems('destinations', props.destinations.map(store => ({ eventDataStoreArn: store.eventDataStoreArn, category: store.kind }))),
    ]);
    this.channelName = props.channelName ?? Names.uniqueResourceName(this, { maxLength: CHANNEL_NAME_LENGTH.max });
    this.resource = new CfnChannel(this, 'Resource', {
      name: this.channelName,
      source: props.source,
      destinations: props.destinations.map(store => ({ type: 'EVENT_DATA_STORE', location: store.eventDataStoreArn })),
    });
    this.channelArn = this.resource.attrChannelArn;
    validateAtSynth(this, () => [...tagProblems('tags', renderedTags(this, this.resource.tags)), ...this.resourcePolicyProblems()]);
  }

  /**
   * Adds a statement to the channel's resource-based policy (`AWS::CloudTrail::ResourcePolicy`), which may allow only
   * `cloudtrail-data:PutAuditEvents`.
   */
  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    if (!this.resourcePolicy) {
      this.resourcePolicy = new iam.PolicyDocument();
      this.policyResource = new CfnResourcePolicy(this, 'Policy', { resourceArn: this.channelArn, resourcePolicy: this.resourcePolicy });
    }
    this.resourcePolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policyResource };
  }

  private resourcePolicyProblems() {
    if (!this.resourcePolicy) {
      return [];
    }
    const statements: { Action?: string | string[] }[] = Stack.of(this).resolve(this.resourcePolicy)?.Statement ?? [];
    return channelPolicyProblems('resourcePolicy', statements.length, statements.flatMap(statement => statement.Action ?? []));
  }
}

/** A channel defined outside this app. */
class ImportedChannel extends ChannelBase {
  public readonly channelArn: string;

  constructor(scope: Construct, id: string, channelArn: string) {
    const problems = channelArnProblems('channelArn', channelArn);
    // A malformed ARN is reported below, with the construct's path, instead of by aws-cdk-lib's ARN parser.
    super(scope, id, { environmentFromArn: problems.length === 0 && !Token.isUnresolved(channelArn) ? channelArn : undefined });
    throwIfProblems(this, problems);
    this.channelArn = channelArn;
  }

  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    warnRule(this, 'ChannelPolicyNotManaged', `channel ${this.channelArn} is not managed by this app, so its resource policy was not changed. `
      + `PutAuditEvents from the grantee's account is denied unless the channel's owner adds this statement:\n${policyText(this, [statement])}`);
    return { statementAdded: false };
  }
}
