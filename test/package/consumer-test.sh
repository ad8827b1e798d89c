#!/usr/bin/env bash
# The package as a user gets it: build and pack the library, install the tarball into a fresh CDK app
# outside the repository, compile the app (test/package/consumer-app) against it with tsc, synthesize it with
# the pinned aws-cdk CLI, and check the cloud assembly (handler bundles as Lambda code assets, the resources of
# every construct). Runs once per aws-cdk-lib version; with both dev and floor, their templates must agree:
#
#   bash test/package/consumer-test.sh                 # dev and floor
#   bash test/package/consumer-test.sh floor           # one of them
#   bash test/package/consumer-test.sh 2.260.0:10.5.1  # any aws-cdk-lib[:constructs] version (constructs: the floor's)
#
#   dev    the aws-cdk-lib and constructs the tests use (installed from package-lock.json)
#   floor  the lowest versions peerDependencies accept
#
# CONSUMER_TEST_SKIP_BUILD=1 packs what lib/ and assets/ hold (prepack still refuses an incomplete build).
# From the repository root after `npm ci`; needs the npm registry (the npm cache serves repeated runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

# Versions come from the repository, so they follow .projenrc.ts: the tests' are those npm ci installed.
dev_version() { node -p "require('$1/package.json').version"; }
floor_version() { node -p "require('./package.json').peerDependencies['$1'].replace(/^[~^>=]+/, '')"; }
cli_version=$(dev_version aws-cdk)
typescript_version=$(node -p "require('./package.json').devDependencies.typescript")
types_node_version=$(node -p "require('./package.json').devDependencies['@types/node']")

matrix=("$@")
[ ${#matrix[@]} -gt 0 ] || matrix=(dev floor)

work=$(mktemp -d "${TMPDIR:-/tmp}/cdk-cloudtrail-org-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT

seconds() { date +%s; }
start=$(seconds)

if [ "${CONSUMER_TEST_SKIP_BUILD:-}" != 1 ]; then
  echo "=== build: npx projen compile (bundle the handlers, jsii)"
  npx projen compile
fi

echo "=== pack"
tarball="$work/$(npm pack --loglevel=warn --pack-destination "$work" | tail -n 1)"
npx ts-node --prefer-ts-exts test/package/check-tarball.ts --tarball "$tarball"
build_seconds=$(( $(seconds) - start ))

summary=()
for entry in "${matrix[@]}"; do
  case "$entry" in
    dev) cdk_lib=$(dev_version aws-cdk-lib); constructs=$(dev_version constructs) ;;
    floor) cdk_lib=$(floor_version aws-cdk-lib); constructs=$(floor_version constructs) ;;
    *) cdk_lib=${entry%%:*}; constructs=$([ "$entry" = "$cdk_lib" ] && floor_version constructs || echo "${entry#*:}") ;;
  esac
  label="$entry: aws-cdk-lib $cdk_lib, constructs $constructs"
  app="$work/app-$entry"
  t0=$(seconds)
  echo
  echo "=== consumer app, $label, aws-cdk CLI $cli_version"
  mkdir -p "$app"
  cp test/package/consumer-app/app.ts test/package/consumer-app/tsconfig.json test/package/consumer-app/cdk.json "$app/"
  cat > "$app/package.json" <<EOF
{ "name": "cdk-cloudtrail-org-consumer", "version": "0.0.0", "private": true }
EOF
  (
    cd "$app"
    npm install --no-audit --no-fund --loglevel=error --save-exact \
      "$tarball" "aws-cdk-lib@$cdk_lib" "constructs@$constructs" "aws-cdk@$cli_version" \
      "typescript@$typescript_version" "@types/node@$types_node_version"
    # what npm resolved, not what was asked for
    node -e 'for (const p of ["aws-cdk-lib", "constructs", "aws-cdk", "cdk-cloudtrail-org"]) console.log(`  ${p} ${require(`./node_modules/${p}/package.json`).version}`)'
    t1=$(seconds)
    npx tsc -p tsconfig.json
    npx cdk synth --quiet
    echo "  install $(( t1 - t0 ))s, compile and synth $(( $(seconds) - t1 ))s"
  )
  (cd "$repo" && npx ts-node --prefer-ts-exts test/package/assert-assembly.ts "$app/cdk.out" "$app/node_modules/cdk-cloudtrail-org")
  summary+=("ok   $label ($(( $(seconds) - t0 ))s)")
  mv "$app/cdk.out" "$work/cdk.out-$entry"
  rm -rf "$app"
done

# The library must make the same templates at every version of the supported range (test/package/compare-versions.ts).
if [ -d "$work/cdk.out-dev" ] && [ -d "$work/cdk.out-floor" ]; then
  echo
  echo "=== dev and floor make the same templates"
  npx ts-node --prefer-ts-exts test/package/compare-versions.ts "$work/cdk.out-dev" "$work/cdk.out-floor"
fi

echo
echo "=== consumer test passed (build and pack ${build_seconds}s, total $(( $(seconds) - start ))s)"
printf '%s\n' "${summary[@]}"
