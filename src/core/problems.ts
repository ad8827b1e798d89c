import { Annotations, Token, ValidationError } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { RuleId } from './rule-registry';

/**
 * One broken rule, in the single format the whole library reports with.
 */
export interface Problem {
  /** The rule's stable id, as RULES.md lists it, e.g. `TrailNameFormat`. */
  readonly id: RuleId;
  /** Where the value sits in the props, e.g. `trailName` or `dataEvents[0].fieldSelectors[1].equalTo`. */
  readonly property: string;
  /** The offending value; leave out when the problem is a missing value. */
  readonly value?: unknown;
  /** The rule in plain words, ending with its source in parentheses. */
  readonly rule: string;
  /** What the user can change to satisfy the rule. */
  readonly fix: string;
}

const MAX_SHOWN_VALUE_LENGTH = 60;

// aws-cdk-lib types this argument as a branded literal string; the brand exists only at compile time.
const ERROR_NAME = 'CloudTrailOrgValidation' as unknown as ConstructorParameters<typeof ValidationError>[0];

/**
 * True when the value contains a CDK token that only CloudFormation can resolve; such values are
 * skipped by content checks rather than guessed at.
 */
export function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** The value as the message shows it: JSON, cut to a readable length, on one line. */
export function showValue(value: unknown): string {
  const characters = [...printable(asText(value))];
  if (characters.length <= MAX_SHOWN_VALUE_LENGTH) {
    return characters.join('');
  }
  const length = typeof value === 'string' ? ` (length ${[...value].length})`
    : Array.isArray(value) ? ` (length ${value.length})` : '';
  if (typeof value === 'string' && value.startsWith('arn:')) {
    // An ARN's informative part is its end (the resource, e.g. an organization's o-…): keep its start and its end.
    return `${characters.slice(0, ARN_HEAD_LENGTH).join('')}…${characters.slice(ARN_HEAD_LENGTH + 1 - MAX_SHOWN_VALUE_LENGTH).join('')}${length}`;
  }
  return `${characters.slice(0, MAX_SHOWN_VALUE_LENGTH - 1).join('')}…${length}`;
}

/** How much of a long ARN's start a message keeps (the quote, `arn:`, partition, service and more). */
const ARN_HEAD_LENGTH = 20;

// Characters that break a message's line or hide or reorder its text: controls, zero-width and bidirectional
// formatting characters, line and paragraph separators, and surrogates without their other half.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/gu;

/** Text with every character that would break a message's line or hide its text shown as a \u escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function asText(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return String(value); // JSON shows NaN and Infinity as null
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/** One problem as a line of text, without the construct path: its id first, as cdk-nag prints rule ids. */
export function formatProblem(problem: Problem): string {
  // A value left undefined is a missing value: a message never shows 'undefined'.
  const value = 'value' in problem && problem.value !== undefined ? ` ${showValue(problem.value)}` : '';
  return `[${problem.id}] ${problem.property}${value}: ${problem.rule}. Fix: ${problem.fix}`;
}

/**
 * Warns on a construct about a setting that puts data or money at risk. The warning's id is the rule's
 * (`cdk-cloudtrail-org:<id>`), so `Annotations.of(scope).acknowledgeWarning` silences exactly this one.
 */
export function warnRule(scope: IConstruct, id: RuleId, message: string): void {
  Annotations.of(scope).addWarningV2(`${WARNING_ID_PREFIX}${id}`, `[${id}] ${message}`);
}

/** The prefix of every warning id the library adds. */
export const WARNING_ID_PREFIX = 'cdk-cloudtrail-org:';

/**
 * Throws one `ValidationError` that lists every problem, each prefixed with the construct path.
 * Does nothing when the list is empty.
 */
export function throwIfProblems(scope: IConstruct, problems: Problem[]): void {
  if (problems.length === 0) {
    return;
  }
  const lines = problems.map(p => `[${scope.node.path}] ${formatProblem(p)}`);
  const message = lines.length === 1
    ? lines[0]
    : `${lines.length} problems:\n  ${lines.join('\n  ')}`;
  throw new ValidationError(ERROR_NAME, message, scope);
}

/**
 * Registers a synth-time check on a construct, for values that can still change after its
 * constructor ran (selectors added later, tags added by `Tags.of`). aws-cdk-lib prefixes each
 * message with the construct path and throws a `ValidationError` for them.
 */
export function validateAtSynth(scope: IConstruct, check: () => Problem[]): void {
  scope.node.addValidation({ validate: () => check().map(formatProblem) });
}
