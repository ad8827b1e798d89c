import { join } from 'path';
import { build, Plugin } from 'esbuild';

export const ROOT = join(__dirname, '..');
/** One level below the root, like bench/, so `path.join(__dirname, '..', 'assets')` finds the handler bundles. */
export const BUILD_DIR = join(ROOT, '.bench');

/** The measured programs: the example audit stack on the library, and the same resources by hand. */
export const APPS = {
  library: join(BUILD_DIR, 'library-app.js'),
  baseline: join(BUILD_DIR, 'baseline-app.js'),
};

/**
 * The example imports the library's TypeScript sources; the bench loads the jsii build in lib/ instead,
 * as users do, so the library is neither bundled nor compiled on the fly.
 */
const libraryFromLib: Plugin = {
  name: 'library-from-lib',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/src$/ }, () => ({ path: join(ROOT, 'lib', 'index.js'), external: true }));
  },
};

/** Compiles both programs to plain JavaScript, so neither pays for TypeScript at run time. */
export async function buildApps(): Promise<void> {
  await build({
    entryPoints: [join(__dirname, 'apps', 'library-app.ts'), join(__dirname, 'apps', 'baseline-app.ts')],
    outdir: BUILD_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
    plugins: [libraryFromLib],
  });
}
