import { join } from 'path';
import { ApiFinding, apiProgram, reviewPublicApi } from './public-api';

const LIBRARY = join(__dirname, '..', '..', 'src', 'index.ts');
const NONCONFORMING = join(__dirname, 'fixtures', 'nonconforming-api.ts');
const program = apiProgram([LIBRARY, NONCONFORMING]);

function sorted(findings: ApiFinding[]): ApiFinding[] {
  return [...findings].sort((a, b) => `${a.where} ${a.problem}`.localeCompare(`${b.where} ${b.problem}`));
}

describe('public API review', () => {
  test('everything src/index.ts exports follows the conventions', () => {
    expect(reviewPublicApi(LIBRARY, program)).toEqual([]);
  });

  test('the review finds each kind of break', () => {
    expect(sorted(reviewPublicApi(NONCONFORMING, program))).toEqual(sorted([
      { where: 'WidgetProps.name', problem: 'an optional property says what happens when it is left out, with @default' },
      { where: 'WidgetProps.size', problem: 'public API has a documentation comment' },
      { where: 'WidgetProps.kind', problem: 'union type string | number: Python and Java see an untyped object; use a class with static factories' },
      { where: 'WidgetProps.color', problem: 'props are readonly' },
      { where: 'WidgetProps.onChange', problem: '(value: string) => void is a TypeScript-only type' },
      { where: 'WidgetProps.extra', problem: 'Record<string, any> is a TypeScript-only type' },
      { where: 'WidgetProps.extra', problem: 'any loses the type in every language' },
      { where: 'Widget.fromWidgetName', problem: "an importer returns the construct's interface (IWidget), not Widget" },
      { where: 'Widget.Arn', problem: 'member names are camelCase' },
      { where: 'Widget.undocumented', problem: 'public API has a documentation comment' },
      { where: 'Widget.constructor', problem: 'a construct takes (scope: Construct, id: string, props: WidgetProps)' },
      { where: 'Widget.grantRead', problem: "grant methods return iam.Grant, as aws-cdk-lib's do" },
      { where: 'Widget.getName', problem: "a getter without arguments is a property in aws-cdk-lib's style" },
      { where: 'Pair', problem: 'type aliases do not exist in other jsii languages: export an interface, class or enum' },
      { where: 'helper', problem: 'free functions and constants do not exist in other jsii languages: make it a static member of a class' },
    ]));
  });
});
