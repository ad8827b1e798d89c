import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { IEventDataStore } from './event-data-store-props';
import { acknowledgeWildcardResources } from '../policy/gate-acknowledgements';

// CloudWatch Logs API Reference, CreateImportTask: what the import role needs, and what its caller needs on the store
const STORE_ACTIONS = ['cloudtrail:GetEventDataStoreData'];
const LOG_GROUP_ACTIONS = ['logs:CreateLogGroup', 'logs:CreateLogStream'];
// takes no resource type (Service Authorization Reference, Amazon CloudWatch Logs)
const ACCOUNT_ACTIONS = ['logs:PutResourcePolicy'];
const KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'];

/**
 * The managed log group CloudWatch Logs creates for the store's imports, and its streams. The API reference names it
 * `aws/cloudtrail/<store id>` in its PassRole example and `/aws/cloudtrail/*` in its resource example: both forms are
 * allowed, for this store only.
 */
export function destinationLogGroupArns(scope: IConstruct, store: IEventDataStore): string[] {
  return ['aws', '/aws'].flatMap((prefix) => {
    const arn = Stack.of(scope).formatArn({
      service: 'logs', resource: 'log-group', resourceName: `${prefix}/cloudtrail/${store.eventDataStoreId}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    return [arn, `${arn}:*`];
  });
}

/**
 * What the import role needs, and its caller with it (CreateImportTask: the caller needs the access to the source that
 * the role it passes has, and the reference's example policy gives the caller the log-group actions too): read the
 * store (and decrypt with its key), create its log group, streams and delivery policy.
 */
export function exportAccessStatements(scope: IConstruct, store: IEventDataStore): iam.PolicyStatement[] {
  const statements = [
    new iam.PolicyStatement({ actions: STORE_ACTIONS, resources: [store.eventDataStoreArn] }),
    new iam.PolicyStatement({ actions: LOG_GROUP_ACTIONS, resources: destinationLogGroupArns(scope, store) }),
    new iam.PolicyStatement({ actions: ACCOUNT_ACTIONS, resources: ['*'] }),
  ];
  if (store.encryptionKey) {
    statements.push(new iam.PolicyStatement({ actions: KEY_ACTIONS, resources: [store.encryptionKey.keyArn] }));
  }
  return statements;
}

/**
 * A new role CloudTrail assumes for this account's imports into CloudWatch Logs. The API reference shows no
 * aws:SourceArn for this path, so only aws:SourceAccount guards against the confused deputy.
 */
export function createExportRole(scope: Construct, id: string, store: IEventDataStore): iam.Role {
  return new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } } }),
    description: `Lets CloudTrail copy events of ${store.node.path} into CloudWatch Logs`,
  });
}

/** Acknowledges the wildcards of a policy of those statements: the log group's streams, and PutResourcePolicy, which has no resource type. */
export function acknowledgeExportWildcards(scope: IConstruct, store: IEventDataStore): void {
  acknowledgeWildcardResources(scope, [...destinationLogGroupArns(scope, store).filter((arn) => arn.endsWith('*')), '*'],
    'CloudTrail names the log streams of the store\'s log group itself, and logs:PutResourcePolicy takes no resource (CreateImportTask)');
}
