import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { warnRule } from './problems';
import type { RuleId } from './rule-registry';

/** The checks that need the stack's account (and, for the quotas, its Region), in words. */
const CHECKS = {
  TrailQuota: { what: 'trails per account and Region', needsRegion: true },
  EventDataStoreQuota: { what: 'event data stores per account and Region', needsRegion: true },
  DelegatedAdminTrailManagementAccount: { what: 'the owner of a trail created from a delegated administrator account', needsRegion: false },
  InsightsDestinationAccount: { what: 'the Insights destination\'s account', needsRegion: false },
  DelegatedAdminNotManagementAccount: { what: 'a delegated administrator that is the management account', needsRegion: false },
  DuplicateManagementEvents: { what: 'management events logged by two trails', needsRegion: true },
} satisfies Partial<Record<RuleId, { readonly what: string; readonly needsRegion: boolean }>>;

/** A check that needs the stack's environment: only these can be noted, so that the warning describes each one. */
export type EnvironmentCheck = keyof typeof CHECKS;

// A global symbol, so that constructs of another copy of the library in the same app add to the same warning
const SKIPPED = Symbol.for('cdk-cloudtrail-org.environmentAgnosticChecks');

type StackWithChecks = Stack & { [SKIPPED]?: Set<EnvironmentCheck> };

/**
 * Notes that a construct's per-account checks cannot run when its stack is environment-agnostic (no account or
 * Region, the `cdk init` default). Each such stack gets one warning at synthesis, naming every check skipped in it.
 */
export function noteEnvironmentChecks(scope: IConstruct, checks: EnvironmentCheck[]): void {
  const stack = Stack.of(scope) as StackWithChecks;
  const noAccount = Token.isUnresolved(stack.account);
  const noRegion = Token.isUnresolved(stack.region);
  const skipped = checks.filter(id => noAccount || (noRegion && CHECKS[id].needsRegion));
  if (skipped.length === 0) {
    return;
  }
  if (stack[SKIPPED] === undefined) {
    const record = new Set<EnvironmentCheck>();
    Object.defineProperty(stack, SKIPPED, { value: record });
    // Warned at synthesis, when every construct of the stack has added its checks (the same text is added once)
    stack.node.addValidation({
      validate: () => {
        const missing = [noAccount ? 'account' : undefined, noRegion ? 'Region' : undefined].filter(m => m !== undefined).join(' or ');
        const names = [...record].map(id => `${CHECKS[id].what} (${id})`).join(', ');
        warnRule(stack, 'EnvironmentAgnosticChecksSkipped', `the stack is environment-agnostic (no ${missing}), so these checks are skipped: ${names}. `
          + 'Give the stack env: { account, region } to have them made at synthesis.');
        return [];
      },
    });
  }
  skipped.forEach(id => stack[SKIPPED]!.add(id));
}
