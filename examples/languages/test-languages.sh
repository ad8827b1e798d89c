#!/usr/bin/env bash
# Python and Java, built and run: builds the library's Python wheel and Java jar with jsii-pacmak, synthesizes the
# example organization audit app in Python (examples/python), Java (examples/java) and TypeScript (examples/main.ts),
# and the Log Archive and Control Tower example apps in each (into .languages/out/<language>/), and checks that every
# language makes the same stacks and templates (compare-templates.ts).
#
# Run from anywhere after `npm ci`: bash examples/languages/test-languages.sh (or `npx projen test:languages`).
# Needs python3 (3.10 or later, with venv), a JDK (17 or later) and mvn on the PATH, and PyPI and Maven Central.
# Everything it downloads stays in the repository, in .languages/ (gitignored):
#   .languages/venv  the example's virtual environment, made again only when requirements.txt or Python change
#   .languages/m2    the Maven local repository of the jar build and the Java example (-Dmaven.repo.local)
#   .languages/out   the Log Archive and Control Tower example apps, per language
# PYTHON=... picks another interpreter.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CACHE=$ROOT/.languages
VENV=$CACHE/venv
M2=$CACHE/m2
OUT=$CACHE/out
PYTHON=${PYTHON:-python3}
# pip's cache, if it keeps one (pacmak's own build venv installs setuptools, build and twine each run), stays in the
# repository too
export PIP_CACHE_DIR=$CACHE/pip-cache
export PIP_DISABLE_PIP_VERSION_CHECK=1
mkdir -p "$CACHE" "$M2"

# Timings of the phases, printed at the end (and when a phase fails).
PHASES=()
START=$(date +%s.%N)
phase_started=
phase_name=
since() { awk -v from="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%7.1f s", now - from }'; }
begin() {
  phase_name=$1
  phase_started=$(date +%s.%N)
  echo
  echo "=== $phase_name"
}
end() {
  PHASES+=("$(since "$phase_started")  $phase_name")
  phase_name=
}
report() {
  local status=$?
  if [ -n "$phase_name" ]; then PHASES+=("$(since "$phase_started")  $phase_name (failed)"); fi
  echo
  echo "=== timings"
  printf '%s\n' "${PHASES[@]}"
  echo "$(since "$START")  total"
  exit $status
}
trap report EXIT

begin "bundle and compile (jsii)"
npx projen bundle
npx projen compile
end

begin "check the docs for javac's unicode escapes"
# javac reads \u (a backslash after an even number of backslashes, one or more u) in any comment as a unicode escape,
# and jsii-pacmak copies the README and doc comments into Javadoc unescaped (aws/jsii#3302): one not followed by four
# hex digits fails the jar build, after a minute, with "illegal unicode escape". Find them in the assembly first.
node -e '
  const bad = [];
  const walk = (v, at) => {
    if (typeof v === "string") { for (const m of v.matchAll(/(?<!\\)(?:\\\\)*\\(?=u)(?!u+[0-9a-fA-F]{4})/g)) bad.push(`${at}: …${v.slice(Math.max(0, m.index - 50), m.index + 10).replace(/\n/g, " ")}…`); }
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  walk(JSON.parse(require("fs").readFileSync(".jsii", "utf8")), "");
  if (bad.length) {
    console.error("These docs have a \\u that javac reads as an illegal unicode escape (say it another way):");
    bad.forEach(b => console.error("  " + b));
    process.exit(1);
  }
  console.log("no stray \\u in the README or doc comments");'
end

begin "jsii-pacmak: Python wheel and Java jar"
rm -rf dist/python dist/java
# --maven-local-repository: without it pacmak gives Maven a new temporary local repository each run (its user.xml),
# which downloads every dependency again; relative to the current directory
npx jsii-pacmak --target python --target java --maven-local-repository=.languages/m2
ls -l dist/python/*.whl dist/java/io/github/cdk-cloudtrail-org/cdk-cloudtrail-org/*/*.jar
end

begin "Python: virtual environment with the pinned requirements and the wheel"
"$PYTHON" -c 'import sys; assert sys.version_info >= (3, 10), f"the wheel needs Python 3.10 or later, not {sys.version}"'
stamp="$("$PYTHON" --version 2>&1) $(sha256sum examples/python/requirements.txt | cut -d' ' -f1)"
if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.requirements-stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "reusing $VENV ($stamp)"
else
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet -r examples/python/requirements.txt
  echo "$stamp" > "$VENV/.requirements-stamp"
fi
# every local build is version 0.0.0, so take out the last one before installing the new wheel (with its dependencies)
"$VENV/bin/python" -m pip uninstall --quiet --yes cdk-cloudtrail-org 2>/dev/null || true
"$VENV/bin/python" -m pip install --quiet dist/python/cdk_cloudtrail_org-*.whl
"$VENV/bin/python" -m pip list 2>/dev/null | grep -Ei '^(aws-cdk-lib|constructs|jsii|cdk-cloudtrail-org) '
end

begin "Python: synthesize examples/python/app.py"
rm -rf examples/python/cdk.out "$OUT"
"$VENV/bin/python" examples/python/app.py "$OUT/python"
end

begin "Java: build and run examples/java"
rm -rf examples/java/cdk.out examples/java/target
# Maven copies the jar from dist/java into the local repository once and, as 0.0.0 is a release version, never looks
# again: take the copy out so the example gets the jar just built
rm -rf "$M2/io/github/cdk-cloudtrail-org"
MAVEN_OPTS="${MAVEN_OPTS:-} -XX:+TieredCompilation -XX:TieredStopAtLevel=1" \
  mvn --batch-mode --quiet -Dmaven.repo.local="$M2" -Dexamples.otherApps="$OUT/java" -f examples/java/pom.xml compile exec:java
end

begin "TypeScript: synthesize examples/main.ts"
rm -rf cdk.out
npx ts-node --prefer-ts-exts examples/main.ts
npx ts-node --prefer-ts-exts examples/languages/synth-other-examples.ts "$OUT/typescript"
end

begin "compare the stacks and templates with TypeScript's"
differing=0
npx ts-node --prefer-ts-exts examples/languages/compare-templates.ts cdk.out \
  python=examples/python/cdk.out java=examples/java/cdk.out || differing=1
for example in log-archive control-tower; do
  echo
  echo "the $example example app:"
  npx ts-node --prefer-ts-exts examples/languages/compare-templates.ts "$OUT/typescript/$example" \
    python="$OUT/python/$example" java="$OUT/java/$example" || differing=1
done
[ "$differing" = 0 ]
end
