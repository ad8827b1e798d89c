/** Properties of an OrganizationDelegatedAdmin. */
export interface OrganizationDelegatedAdminProps {
  /** The member account that becomes a CloudTrail delegated administrator: 12 digits, not the management account. */
  readonly memberAccountId: string;
}
