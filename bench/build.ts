import { cpSync, rmSync } from 'fs';
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

/** The library as npm installs it for a user: its package.json, jsii build (lib/) and handler bundles (assets/). */
const INSTALLED_LIBRARY = join(BUILD_DIR, 'node_modules', 'cdk-cloudtrail-org');

function installLibrary(): void {
  rmSync(INSTALLED_LIBRARY, { recursive: true, force: true });
  for (const entry of ['package.json', 'lib', 'assets']) {
    cpSync(join(ROOT, entry), join(INSTALLED_LIBRARY, entry), { recursive: true });
  }
}

/**
 * The example imports the library's TypeScript sources; the bench loads the installed package instead, as
 * users do: neither bundled nor compiled on the fly, and under node_modules, where aws-cdk-lib's stack traces
 * (construct creation, acknowledgements) fold a library's frames as they do for aws-cdk-lib's own.
 */
const libraryAsInstalled: Plugin = {
  name: 'library-as-installed',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/src$/ }, () => ({ path: 'cdk-cloudtrail-org', external: true }));
  },
};

/** Installs the library, and compiles both programs to plain JavaScript, so neither pays for TypeScript at run time. */
export async function buildApps(): Promise<void> {
  installLibrary();
  await build({
    entryPoints: [join(__dirname, 'apps', 'library-app.ts'), join(__dirname, 'apps', 'baseline-app.ts')],
    outdir: BUILD_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
    plugins: [libraryAsInstalled],
  });
}
