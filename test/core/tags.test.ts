import { App, CfnParameter, Lazy, Stack, TagManager, TagType, Token } from 'aws-cdk-lib';
import { renderedTags } from '../../src/core/placement';
import { formatProblem } from '../../src/core/problems';
import { RenderedTag, tagProblems } from '../../src/core/tags';

const SOURCE = 'AddTags TagsList rules';

function manyTags(count: number): RenderedTag[] {
  return Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: 'v' }));
}

function messages(tags: RenderedTag[]): string[] {
  return tagProblems('tags', tags).map(formatProblem);
}

describe('tagProblems', () => {
  test('accepts no tags', () => {
    expect(tagProblems('tags', [])).toEqual([]);
  });

  test('accepts 50 tags', () => {
    expect(tagProblems('tags', manyTags(50))).toEqual([]);
  });

  test('rejects 51 tags', () => {
    expect(messages(manyTags(51))).toEqual([
      '[TagCount] tags ["k0","k1","k2","k3","k4","k5","k6","k7","k8","k9","k10","k… (length 51): '
        + `51 tags, but a CloudTrail resource takes at most 50 (${SOURCE}). `
        + 'Fix: remove 1 tag, or exclude this resource from broad Tags.of(...) calls',
    ]);
  });

  test('says how many tags to remove', () => {
    expect(tagProblems('tags', manyTags(60)).map(p => [p.id, p.fix])).toEqual([
      ['TagCount', 'remove 10 tags, or exclude this resource from broad Tags.of(...) calls'],
    ]);
  });

  test('accepts a key of 128 characters and a value of 256 characters', () => {
    expect(tagProblems('tags', [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }])).toEqual([]);
  });

  test('rejects a key of 129 characters', () => {
    expect(messages([{ key: 'k'.repeat(129), value: 'v' }])).toEqual([
      `[TagKeyLength] tags key "${'k'.repeat(58)}… (length 129): must be 1 to 128 characters long, got 129 (${SOURCE}). Fix: shorten it to at most 128 characters`,
    ]);
  });

  test('rejects an empty key', () => {
    expect(messages([{ key: '', value: 'v' }])).toEqual([
      `[TagKeyLength] tags key "": must be 1 to 128 characters long, got 0 (${SOURCE}). Fix: use at least 1 character`,
    ]);
  });

  test('rejects a value of 257 characters', () => {
    expect(messages([{ key: 'team', value: 'v'.repeat(257) }])).toEqual([
      `[TagValueLength] tags "team" value "${'v'.repeat(58)}… (length 257): must be 1 to 256 characters long, got 257 (${SOURCE}). Fix: shorten it to at most 256 characters`,
    ]);
  });

  test('rejects an empty value', () => {
    expect(messages([{ key: 'team', value: '' }])).toEqual([
      `[TagValueLength] tags "team" value "": must be 1 to 256 characters long, got 0 (${SOURCE}). Fix: use at least 1 character`,
    ]);
  });

  test('reports the count first, then each tag in order', () => {
    const tags = [...manyTags(50), { key: '', value: '' }];
    expect(tagProblems('tags', tags).map(p => [p.id, p.property])).toEqual([
      ['TagCount', 'tags'], ['TagKeyLength', 'tags key'], ['TagValueLength', 'tags "" value'],
    ]);
  });

  // Tokens as renderedTags gives them: resolved into the intrinsic CloudFormation will replace
  const PARAMETER = { Ref: 'Parameter' } as unknown as string;
  const JOINED = { 'Fn::Join': ['', ['team-', { Ref: 'Parameter' }]] } as unknown as string;
  // A token whose text is longer than any key or value may be
  const LONG_TOKEN = Token.asString({ Ref: 'Key' }, { displayHint: 'k'.repeat(300) });

  test.each([
    { kind: 'a token key', tag: { key: Token.asString({ Ref: 'Key' }), value: 'v' } },
    { kind: 'a token key of a long text', tag: { key: LONG_TOKEN, value: 'v' } },
    { kind: 'a token value of a long text', tag: { key: 'team', value: LONG_TOKEN } },
    { kind: 'a key resolved into a Ref', tag: { key: PARAMETER, value: 'v' } },
    { kind: 'a value resolved into a Ref', tag: { key: 'team', value: PARAMETER } },
    { kind: 'a key and value resolved into a Fn::Join', tag: { key: JOINED, value: JOINED } },
    { kind: 'a token value', tag: { key: 'team', value: Token.asString({ Ref: 'Value' }) } },
    { kind: 'a lazy value', tag: { key: 'team', value: Lazy.string({ produce: () => '' }) } },
    { kind: 'a token key and value', tag: { key: Token.asString({ Ref: 'Key' }), value: Token.asString({ Ref: 'Value' }) } },
  ])('skips $kind', ({ tag }) => {
    expect(tagProblems('tags', [tag])).toEqual([]);
  });

  test('skips the keys and values of parameters, as renderedTags gives them, and checks the rest', () => {
    const stack = new Stack(new App(), 'Stack');
    const parameter = new CfnParameter(stack, 'Team').valueAsString;
    const tags = new TagManager(TagType.STANDARD, 'AWS::CloudTrail::Trail', [
      { key: 'team', value: parameter }, { key: parameter, value: 'audit' }, { key: `${parameter}-owner`, value: '' },
    ]);
    expect(renderedTags(stack, tags).map(tag => typeof tag.key === 'string' ? tag.key : 'intrinsic')).toEqual(['intrinsic', 'intrinsic', 'team']);
    expect(tagProblems('tags', renderedTags(stack, tags)).map(p => [p.id, p.property])).toEqual([['TagValueLength', 'tags {"Fn::Join":["",[{"Ref":"Team"},"-owner"]]} value']]);
  });

  test('checks the value of a tag whose key is a token', () => {
    const key = Token.asString({ Ref: 'Key' });
    expect(tagProblems('tags', [{ key, value: '' }]).map(p => [p.id, p.rule])).toEqual([
      ['TagValueLength', `must be 1 to 256 characters long, got 0 (${SOURCE})`],
    ]);
  });

  test('checks the key of a tag whose value is a token', () => {
    expect(tagProblems('tags', [{ key: '', value: Token.asString({ Ref: 'Value' }) }]).map(p => [p.id, p.property])).toEqual([['TagKeyLength', 'tags key']]);
  });

  test('counts tags with token keys and values', () => {
    const tags = [...manyTags(50), { key: Token.asString({ Ref: 'Key' }), value: Token.asString({ Ref: 'Value' }) }];
    expect(tagProblems('tags', tags).map(p => [p.id, p.rule])).toEqual([['TagCount', `51 tags, but a CloudTrail resource takes at most 50 (${SOURCE})`]]);
  });
});
