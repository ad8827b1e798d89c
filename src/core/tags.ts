import { MAX_TAGS_PER_RESOURCE, TAG_KEY_LENGTH, TAG_VALUE_LENGTH } from './limits';
import { lengthProblems } from './names';
import { isUnresolved, Problem, showValue } from './problems';

/** A tag as CloudFormation receives it. */
export interface RenderedTag {
  readonly key: string;
  readonly value: string;
}

const SOURCE = 'AddTags TagsList rules';

/**
 * Problems with the tags that land on one CloudTrail resource (trail, event data store, dashboard or
 * channel): their count, and each key's and value's length. Tokens are not checked.
 */
export function tagProblems(property: string, tags: RenderedTag[]): Problem[] {
  const problems: Problem[] = [];
  if (tags.length > MAX_TAGS_PER_RESOURCE) {
    problems.push({
      id: 'TagCount',
      property,
      value: tags.map(t => t.key),
      rule: `${tags.length} tags, but a CloudTrail resource takes at most ${MAX_TAGS_PER_RESOURCE} (${SOURCE})`,
      fix: `remove ${tags.length - MAX_TAGS_PER_RESOURCE} tag${tags.length - MAX_TAGS_PER_RESOURCE === 1 ? '' : 's'}, or exclude this resource from broad Tags.of(...) calls`,
    });
  }
  for (const tag of tags) {
    if (!isUnresolved(tag.key)) {
      problems.push(...lengthProblems('TagKeyLength', `${property} key`, tag.key, TAG_KEY_LENGTH, SOURCE));
    }
    if (!isUnresolved(tag.value)) {
      problems.push(...lengthProblems('TagValueLength', `${property} ${showValue(tag.key)} value`, tag.value, TAG_VALUE_LENGTH, SOURCE));
    }
  }
  return problems;
}
