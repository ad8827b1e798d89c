import { synthesizeFromArgs } from './synth-stacks';
import { BaselineAuditStack } from '../baseline';

synthesizeFromArgs(BaselineAuditStack);
