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
