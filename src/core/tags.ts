import { MAX_TAGS_PER_RESOURCE, OBSERVABILITY_TAG_VALUE_LENGTH, Range, TAG_KEY_LENGTH, TAG_VALUE_LENGTH } from './limits';
import { lengthProblems } from './names';
import { isUnresolved, Problem, showValue } from './problems';

/** A tag as CloudFormation receives it. */
export interface RenderedTag {
  readonly key: string;
  readonly value: string;
}

/** The tag rules of one service: how many tags a resource takes and how long keys and values are. */
export interface TagRules {
  /** The resource as a message names it, e.g. `a CloudTrail resource`. */
  readonly resource: string;
  readonly maxTags: number;
  readonly keyLength: Range;
  readonly valueLength: Range;
  readonly source: string;
}

/** CloudTrail's trails, event data stores, dashboards and channels. */
export const CLOUDTRAIL_TAG_RULES: TagRules = {
  resource: 'a CloudTrail resource',
  maxTags: MAX_TAGS_PER_RESOURCE,
  keyLength: TAG_KEY_LENGTH,
  valueLength: TAG_VALUE_LENGTH,
  source: 'AddTags TagsList rules',
};

/** CloudWatch Observability Admin's telemetry rules: the same count and key length as CloudTrail, and empty values allowed. */
export const OBSERVABILITY_TAG_RULES: TagRules = {
  resource: 'a CloudWatch telemetry rule',
  maxTags: MAX_TAGS_PER_RESOURCE,
  keyLength: TAG_KEY_LENGTH,
  valueLength: OBSERVABILITY_TAG_VALUE_LENGTH,
  source: 'CloudWatch Observability Admin API TagMapInput',
};

/**
 * Whether a key or value is text known at synthesis: not a token, nor the intrinsic a token resolves into (a tag of
 * `Tags.of(...).add('team', parameter.valueAsString)` renders `{ Ref: ... }`).
 */
function isKnownText(text: unknown): text is string {
  return typeof text === 'string' && !isUnresolved(text);
}

/**
 * Problems with the tags that land on one resource (by default a CloudTrail trail, event data store, dashboard or
 * channel): their count, and each key's and value's length. Tokens are not checked.
 */
export function tagProblems(property: string, tags: RenderedTag[], rules: TagRules = CLOUDTRAIL_TAG_RULES): Problem[] {
  const problems: Problem[] = [];
  if (tags.length > rules.maxTags) {
    const extra = tags.length - rules.maxTags;
    problems.push({
      id: 'TagCount',
      property,
      value: tags.map(t => t.key),
      rule: `${tags.length} tags, but ${rules.resource} takes at most ${rules.maxTags} (${rules.source})`,
      fix: `remove ${extra} tag${extra === 1 ? '' : 's'}, or exclude this resource from broad Tags.of(...) calls`,
    });
  }
  for (const tag of tags) {
    if (isKnownText(tag.key)) {
      problems.push(...lengthProblems('TagKeyLength', `${property} key`, tag.key, rules.keyLength, rules.source));
    }
    if (isKnownText(tag.value)) {
      problems.push(...lengthProblems('TagValueLength', `${property} ${showValue(tag.key)} value`, tag.value, rules.valueLength, rules.source));
    }
  }
  return problems;
}
