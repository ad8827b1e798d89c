/**
 * A resolved CloudFormation value as one string: `Fn::Join` joined, and each `Ref` or `Fn::GetAtt` shown
 * by `reference` (given `AWS::Partition` or `Bucket1234.Arn`). Anything else is shown as JSON.
 */
export function flattenIntrinsics(value: unknown, reference: (name: string) => string): string {
  if (typeof value === 'string') {
    return value;
  }
  const intrinsic = typeof value === 'object' && value !== null && Object.keys(value).length === 1 ? Object.entries(value)[0] : undefined;
  if (intrinsic) {
    const [name, argument] = intrinsic;
    if (name === 'Ref' && typeof argument === 'string') {
      return reference(argument);
    }
    if (name === 'Fn::GetAtt' && Array.isArray(argument)) {
      return reference(argument.join('.'));
    }
    if (name === 'Fn::Join' && Array.isArray(argument) && Array.isArray(argument[1])) {
      return argument[1].map((part: unknown) => flattenIntrinsics(part, reference)).join(String(argument[0]));
    }
  }
  return JSON.stringify(value);
}

/** A resolved value with every intrinsic (whose value only CloudFormation knows) replaced by an empty string. */
export function withoutIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutIntrinsics);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    return '';
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutIntrinsics(inner)]));
}
