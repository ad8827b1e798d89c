import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeExportWildcards, createExportRole, destinationLogGroupArns, exportAccessStatements } from './export-role';
import { exportChainProblems, lakeExportProblems } from './export-rules';
import { LakeExportToCloudWatchProps } from './lake-export-props';
import { MAX_ACTIVE_LOG_IMPORTS } from '../core/limits';
import { throwIfProblems, validateAtSynth } from '../core/problems';
import { joinChain } from '../operations/operation-chain';
import { LakeExportAttribute, LakeExportProperties, OperationKind } from '../operations/operation-properties';
import { OperationsProvider } from '../operations/provider';
import { waitSettings } from '../operations/wait-settings';
import { attachOrRequestPolicy } from '../policy/role-policy';

/**
 * A copy of an event data store's events (of a time window) into CloudWatch Logs, as a custom resource: it starts a
 * CloudWatch Logs import task on create, which writes into a log group CloudWatch Logs creates and manages for the
 * store, waits for it (unless told not to), fails the deployment with a sample of the failed batches when it fails,
 * starts again on update only when the store or the window change, and cancels a running task on delete. Copied
 * events stay in the log group. At most three exports of a stack run at once, because CloudWatch Logs runs three
 * active imports per account.
 *
 * This is the way out of CloudTrail Lake, which takes no new customers since 2026-05-31: CloudWatch Logs keeps
 * the store's history beside the events a trail or a telemetry rule delivers there.
 */
export class LakeExportToCloudWatch extends Construct {
  /** The import task's ID. @attribute */
  public readonly importId: string;
  /** The task's status when the deployment went on: COMPLETED, or IN_PROGRESS when not waiting. @attribute */
  public readonly importStatus: string;
  /** The ARN of the log group CloudWatch Logs created for the store's events. @attribute */
  public readonly importDestinationArn: string;
  /** How many bytes the task copied. @attribute */
  public readonly bytesImported: string;
  /** The log group CloudWatch Logs created for the store's events; it manages the group, this stack does not. */
  public readonly logGroup: logs.ILogGroup;

  /** The role CloudTrail assumes to read the store and write the log group. */
  public readonly importRole: iam.IRole;
  /** Whether the deployment waits for the task to finish. */
  public readonly waitForCompletion: boolean;

  constructor(scope: Construct, id: string, props: LakeExportToCloudWatchProps) {
    super(scope, id);
    const { settings, problems: waitProblems } = waitSettings(props);
    throwIfProblems(this, [...lakeExportProblems(props), ...waitProblems]);
    this.waitForCompletion = settings.waitForCompletion;

    const store = props.eventDataStore;
    this.importRole = props.importRole ?? createExportRole(this, 'Role', store);
    const rolePolicy = attachOrRequestPolicy(this, 'RolePolicy', this.importRole, exportAccessStatements(this, store), {
      description: `Lets CloudTrail copy events of ${store.node.path} into CloudWatch Logs`,
      warningId: 'RolePolicyNotManaged',
      roleName: 'import role',
      consequence: 'The import task fails',
    });
    if (rolePolicy) {
      acknowledgeExportWildcards(rolePolicy, store);
    }

    const provider = OperationsProvider.of(this);
    // Service Authorization Reference, Amazon CloudWatch Logs: the import actions take no resource type, so only '*' grants them
    provider.addToHandlerPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateImportTask', 'logs:DescribeImportTasks', 'logs:DescribeImportTaskBatches', 'logs:CancelImportTask'],
      resources: ['*'],
    }));
    // CreateImportTask: the caller has the role's access, and may pass the role for this store's log group only
    for (const statement of exportAccessStatements(this, store)) {
      provider.addToHandlerPolicy(statement);
    }
    acknowledgeExportWildcards(provider.handlerPolicy, store);
    provider.addToHandlerPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [this.importRole.roleArn],
      conditions: { StringLike: { 'iam:AssociatedResourceARN': destinationLogGroupArns(this, store) } },
    }));

    const properties: LakeExportProperties = {
      Operation: OperationKind.LAKE_EXPORT_TO_CLOUDWATCH,
      EventDataStoreArn: store.eventDataStoreArn,
      ImportRoleArn: this.importRole.roleArn,
      StartEventTime: props.startEventTime?.toISOString(),
      EndEventTime: props.endEventTime?.toISOString(),
      ...settings.properties,
    };
    const resource = provider.createResource(this, 'Resource', {
      resourceType: 'Custom::CloudTrailLakeExportToCloudWatch', properties, serviceTimeout: settings.serviceTimeout,
    });
    if (rolePolicy) {
      resource.node.addDependency(rolePolicy);
    }

    const before = joinChain(this, resource, 'LakeExportToCloudWatch', MAX_ACTIVE_LOG_IMPORTS);
    if (before) {
      validateAtSynth(this, () => exportChainProblems(before.node.path, (before as LakeExportToCloudWatch).waitForCompletion));
    }

    this.importId = resource.getAttString(LakeExportAttribute.IMPORT_ID);
    this.importStatus = resource.getAttString(LakeExportAttribute.IMPORT_STATUS);
    this.importDestinationArn = resource.getAttString(LakeExportAttribute.DESTINATION_ARN);
    this.bytesImported = resource.getAttString(LakeExportAttribute.BYTES_IMPORTED);
    this.logGroup = logs.LogGroup.fromLogGroupArn(this, 'LogGroup', this.importDestinationArn);
  }
}
