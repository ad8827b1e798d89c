import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { IEventDataStore } from './event-data-store-props';
import { attachOrRequestPolicy } from '../policy/role-policy';

/** Props of a store's federation role. */
export interface FederationRoleProps {
  /** The federated store. */
  readonly store: IEventDataStore;
  /** A role to use instead of a new one. */
  readonly role?: iam.IRole;
}

/**
 * The role AWS Lake Formation assumes to read a federated event data store (CloudTrail User Guide,
 * "Federate an event data store", required permissions for the federation role): it may read this
 * store's data and use its key, nothing else. A given role of this stack gets the same permissions;
 * for any other role a warning lists them.
 */
export class FederationRole extends Construct {
  public readonly role: iam.IRole;

  constructor(scope: Construct, id: string, props: FederationRoleProps) {
    super(scope, id);
    this.role = props.role ?? new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com'),
      description: `Lets AWS Lake Formation read the federated CloudTrail Lake event data store ${scope.node.path}`,
    });
    const statements = [new iam.PolicyStatement({
      actions: ['cloudtrail:GetEventDataStoreData'],
      resources: [props.store.eventDataStoreArn],
    })];
    if (props.store.encryptionKey) {
      statements.push(new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [props.store.encryptionKey.keyArn],
      }));
    }
    attachOrRequestPolicy(this, 'Policy', this.role, statements, {
      description: `Lets AWS Lake Formation read the federated event data store ${scope.node.path}`,
      warningId: 'RolePolicyNotManaged',
      roleName: 'federation role',
      consequence: 'Lake Formation cannot read the federated store',
      warnOn: scope,
    });
  }
}
