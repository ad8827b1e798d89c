import { mkdirSync, writeFileSync } from 'fs';
import { basename, join as joinPath, resolve, sep } from 'path';
import { Errors, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { InsightType, ReadWriteType } from 'aws-cdk-lib/aws-cloudtrail';
import * as fc from 'fast-check';
import { ACCOUNT, Make, REGION } from './arbitraries';
import { formatProblem, Problem } from '../../src/core/problems';
import { RuleOwner, RULES } from '../../src/core/rule-registry';
import { RenderedTag } from '../../src/core/tags';
import { OPERATORS } from '../../src/selectors/field-rules';
import { AdvancedEventSelector } from '../../src/selectors/field-selector';
import { testApp, validatingApp } from '../util';

/** Whether the stack has a known account and Region; some rules apply only when they are known. */
export type StackEnv = 'known' | 'agnostic';

export const stackEnv: fc.Arbitrary<StackEnv> = fc.constantFrom<StackEnv>('known', 'known', 'known', 'agnostic');

/** Every this many trials, the app's CloudFormation schema findings fail synthesis (about 180 ms a synthesis). */
const SCHEMA_VALIDATION_EVERY = 4;
let trials = 0;

/**
 * A stack in a fresh app. Every `SCHEMA_VALIDATION_EVERY`-th trial also runs aws-cdk-lib's CloudFormation schema
 * validation, the independent oracle for what the library accepts; the library's own rules run on every trial.
 */
function fuzzStack(env: StackEnv): Stack {
  const app = trials++ % SCHEMA_VALIDATION_EVERY === 0 ? validatingApp() : testApp();
  return new Stack(app, 'Stack', env === 'known' ? { env: { account: ACCOUNT, region: REGION } } : {});
}

export type Outcome =
  | { readonly accepted: true; readonly template: Template; readonly stack: Stack }
  | { readonly accepted: false; readonly error: Error };

/** What a rejection must look like: which construct it is reported on, and which props it may name. */
export interface Subject {
  /** The path of the construct under test, e.g. `Stack/Trail`, or a pattern of the paths when there are several. */
  readonly path: string | RegExp;
  /** Every property name a problem of this construct may start with. */
  readonly properties: readonly string[];
  /**
   * The construct as the rule registry names it, whose rules a rejection may name; or several owners, when the
   * construct also reports the rules of what it takes (a store reports those of its DataEventSelectors). Any rule
   * of the registry when left out.
   */
  readonly owner?: RuleOwner | readonly RuleOwner[];
}

const LIBRARY_SOURCES = resolve(__dirname, '..', '..', 'src') + sep;

/**
 * Whether the library's own code threw the error (or was on the stack when aws-cdk-lib threw it): a frame of the
 * call stack is in `src/`. The stack is captured in full while inputs are made (`makeInputs`), so a deep aws-cdk-lib
 * call does not push the library's frame out of it.
 */
export function thrownByLibrary(error: unknown): boolean {
  return error instanceof Error && (error.stack ?? '').split('\n').some(line => line.includes(LIBRARY_SOURCES));
}

/**
 * Makes a trial's inputs. Inputs that aws-cdk-lib itself refuses to make (an import by a malformed ARN) are
 * discarded, because they never reach the library. An error the library throws while the inputs are made (a
 * helper store of a valid kind, a builder call) is never discarded: the arbitraries make only valid helpers, so it is
 * a valid input the library rejected, and fails the property.
 */
export function makeInputs<T>(inputs: Make<T>, stack: Stack): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  try {
    return inputs(stack);
  } catch (error) {
    if (thrownByLibrary(error)) {
      throw new Error(`the library threw while the inputs were made, from valid helpers: ${(error as Error).stack}`);
    }
    fc.pre(false);
    throw new Error('unreachable: fc.pre(false) throws');
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * One trial: makes the inputs in a fresh stack (`makeInputs`), builds the construct and synthesizes the stack. Any
 * error from building or synthesizing must be a rejection in the library's format; anything else fails the property.
 */
export function trial<T>(env: StackEnv, inputs: Make<T>, build: (stack: Stack, made: T) => void, subject: Subject): Outcome {
  const stack = fuzzStack(env);
  const made = makeInputs(inputs, stack);
  try {
    build(stack, made);
  } catch (error) {
    return reject(error, subject, 'construction');
  }
  let template: Template;
  try {
    template = Template.fromStack(stack);
  } catch (error) {
    return reject(error, subject, 'synthesis');
  }
  keepForLinting(template);
  return { accepted: true, template, stack };
}

// With FUZZ_TEMPLATES set to a directory, every accepted template is written there for cfn-lint (test/lint/cfn-lint.sh):
// what the library accepts, CloudFormation's own linter must accept too.
const lintDirectory = process.env.FUZZ_TEMPLATES;
let kept = 0;

function keepForLinting(template: Template): void {
  if (!lintDirectory) {
    return;
  }
  mkdirSync(lintDirectory, { recursive: true });
  const name = `${basename(expect.getState().testPath ?? 'fuzz', '.test.ts')}-${process.pid}-${kept++}.template.json`;
  writeFileSync(joinPath(lintDirectory, name), JSON.stringify(template.toJSON(), undefined, 1));
}

const SYNTH_HEADER = 'Validation failed with the following errors:';

function reject(error: unknown, subject: Subject, phase: string): Outcome {
  const problems = rejectionProblems(error, subject);
  if (problems.length > 0) {
    const shown = error instanceof Error ? error.stack ?? error.message : String(error);
    throw new Error(`rejected at ${phase} in a way the library must not reject:\n  ${problems.join('\n  ')}\n--- the error ---\n${shown}`);
  }
  return { accepted: false, error: error as Error };
}

/**
 * What is wrong with an error as a rejection of the subject: it must be an aws-cdk-lib ValidationError
 * whose every line is one problem of the library's format, `[<path>] [<RuleId>] <property>[ <value>]: <rule>.
 * Fix: <fix>`, on the subject's path, naming a rule of the registry that the subject checks and is no
 * warning, and one of the subject's properties. The constructor reports one problem alone or `N problems:` and
 * one line each; synthesis reports aws-cdk-lib's header and one line each.
 */
export function rejectionProblems(error: unknown, subject: Subject): string[] {
  if (!Errors.isValidationError(error)) {
    return [`not a ValidationError: ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}`];
  }
  const lines = error.message.split('\n');
  const count = /^(\d+) problems:$/.exec(lines[0]);
  const problemLines = lines[0] === SYNTH_HEADER || count ? lines.slice(1).map(line => line.replace(/^ {2}/, '')) : lines;
  const found: string[] = [];
  if (count && Number(count[1]) !== problemLines.length) {
    found.push(`the header announces ${count[1]} problems and ${problemLines.length} lines follow`);
  }
  for (const line of problemLines) {
    const path = /^\[([^\]]*)\] /.exec(line)?.[1];
    if (path === undefined || (typeof subject.path === 'string' ? path !== subject.path : !subject.path.test(path))) {
      found.push(`not on ${subject.path}: ${line}`);
      continue;
    }
    const afterPath = line.slice(path.length + 3);
    const id = /^\[([^\]]*)\] /.exec(afterPath)?.[1];
    const problem = id === undefined ? afterPath : afterPath.slice(id.length + 3);
    const property = /^[A-Za-z][A-Za-z0-9]*/.exec(problem)?.[0] ?? '';
    found.push(...ruleIdProblems(id, subject).map(text => `${text}: ${line}`));
    if (!subject.properties.includes(property)) {
      found.push(`names no property of the construct (${property || 'none'}): ${line}`);
    }
    if (!/^\S.*: .+\. Fix: .+$/.test(problem)) {
      found.push(`not "<property> <value>: <rule>. Fix: <fix>" on one line: ${line}`);
    }
  }
  return found;
}

/** What is wrong with the rule id a problem line names. */
function ruleIdProblems(id: string | undefined, subject: Subject): string[] {
  if (id === undefined) {
    return ['names no rule id'];
  }
  if (!Object.prototype.hasOwnProperty.call(RULES, id)) {
    return [`names a rule id the registry does not have (${id})`];
  }
  const rule: { owners: readonly RuleOwner[]; warning?: boolean } = RULES[id as keyof typeof RULES];
  const found: string[] = [];
  if (rule.warning) {
    found.push(`rejects with the id of a warning (${id})`);
  }
  const owners: readonly RuleOwner[] = subject.owner === undefined ? rule.owners : typeof subject.owner === 'string' ? [subject.owner] : subject.owner;
  if (!rule.owners.some(owner => owners.includes(owner))) {
    found.push(`names a rule of another construct (${id}, checked by ${rule.owners.join(', ')})`);
  }
  return found;
}

/**
 * The outcome of valid props, which must be accepted: fails with the rejection otherwise. A rejection of valid
 * props may be well-formed, so the format check of `trial` alone cannot see it (a limit made off by one).
 */
export function expectAccepted(outcome: Outcome): Extract<Outcome, { accepted: true }> {
  if (!outcome.accepted) {
    throw new Error(`valid props were rejected:\n${outcome.error.message}`);
  }
  return outcome;
}

/** Counts accepted and rejected inputs, so a test can show that both kinds were exercised. */
export class Tally {
  public accepted = 0;
  public rejected = 0;

  public count(outcome: Outcome): Outcome {
    if (outcome.accepted) {
      this.accepted++;
    } else {
      this.rejected++;
    }
    return outcome;
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading the template back

function isIntrinsic(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/**
 * A template value with every intrinsic turned back into a token, so the library's rules skip exactly
 * what only CloudFormation can resolve. A `Fn::Join` becomes its literal parts around tokens, so the
 * parts known at synth are still checked.
 */
export function literal(value: unknown): any {
  if (Array.isArray(value)) {
    return value.map(literal);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (isIntrinsic(value)) {
    const join = (value as Record<string, unknown>)['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return join[1].map(part => (typeof part === 'string' ? part : Token.asString(part))).join(join[0]);
    }
    return Token.asString(value);
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, literal(inner)]));
}

/** The properties of every resource of a type, with intrinsics as tokens. */
export function propertiesOf(template: Template, type: string): Array<Record<string, any>> {
  return Object.values(template.findResources(type)).map(resource => literal(resource.Properties ?? {}));
}

const OPERATOR_NAMES = OPERATORS.map(op => [op.apiName, op.key] as const);

/** Advanced event selectors from the template, in the library's shape. */
export function selectorsOf(rendered: unknown): AdvancedEventSelector[] {
  if (!Array.isArray(rendered)) {
    return [];
  }
  return rendered.map(selector => ({
    ...(selector.Name !== undefined ? { name: selector.Name } : {}),
    fieldSelectors: (selector.FieldSelectors ?? []).map((fs: Record<string, unknown>) => ({
      field: fs.Field,
      ...Object.fromEntries(OPERATOR_NAMES.filter(([apiName]) => fs[apiName] !== undefined).map(([apiName, key]) => [key, fs[apiName]])),
    })),
  }));
}

/**
 * The management events the selectors log, as the ReadWriteType the Insights rules take: the readOnly
 * condition of the Management selector, NONE without one.
 */
export function managementEventsOf(selectors: AdvancedEventSelector[]): ReadWriteType {
  const management = selectors.find(s => s.fieldSelectors.some(fs => fs.field === 'eventCategory' && fs.equalTo?.includes('Management')));
  if (!management) {
    return ReadWriteType.NONE;
  }
  const readOnly = management.fieldSelectors.find(fs => fs.field === 'readOnly')?.equalTo?.[0];
  return readOnly === 'true' ? ReadWriteType.READ_ONLY : readOnly === 'false' ? ReadWriteType.WRITE_ONLY : ReadWriteType.ALL;
}

/** Insights types from the template's InsightSelectors. */
export function insightTypesOf(rendered: unknown): InsightType[] | undefined {
  if (!Array.isArray(rendered)) {
    return undefined;
  }
  const known = [InsightType.API_CALL_RATE, InsightType.API_ERROR_RATE];
  return rendered.map(entry => known.find(type => type.value === entry.InsightType) ?? ({ value: entry.InsightType } as InsightType));
}

/** Tags from the template, as the tag rules take them. */
export function tagsOf(rendered: unknown): RenderedTag[] {
  return Array.isArray(rendered) ? rendered.map(tag => ({ key: tag.Key, value: tag.Value })) : [];
}

/** Fails with every problem the rules found in what was accepted. */
export function expectNoProblems(where: string, problems: Problem[]): void {
  if (problems.length > 0) {
    throw new Error(`accepted, but the template breaks a rule at ${where}:\n  ${problems.map(formatProblem).join('\n  ')}`);
  }
}
