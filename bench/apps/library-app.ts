import { synthesizeFromArgs } from './synth-stacks';
import { OrganizationAuditStack } from '../../examples/organization-audit';

synthesizeFromArgs(OrganizationAuditStack);
