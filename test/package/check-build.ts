import { buildProblems, handlerBundles, reportProblems } from './package-contents';

// The npm `prepack` lifecycle step (run by `npm pack`, `npm publish` and jsii-pacmak, so by `npx projen
// package:js`): refuse to pack a package without its compiled library or a handler bundle, which would
// install fine and then fail every custom-resource operation with CannotFindAsset.
const problems = buildProblems();
if (problems.length > 0) {
  reportProblems('cdk-cloudtrail-org: not packing, the build is incomplete (`npx projen compile` bundles the handlers and compiles the library):', problems);
  process.exit(1);
}
console.error(`cdk-cloudtrail-org: build outputs present (lib/, .jsii, ${handlerBundles().length} handler bundles)`);
