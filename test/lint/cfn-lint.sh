#!/usr/bin/env bash
# cfn-lint over every CloudFormation template the tests and examples write:
#   - the example app (examples/main.ts -> cdk.out/),
#   - the integration apps' committed snapshots (test/integ.*.ts.snapshot/),
#   - the default and fully-featured form of every public construct (test/lint/synth-fixtures.ts -> .cfn-lint/fixtures/),
#   - the Python and Java example apps' cloud assemblies (examples/python/cdk.out, examples/java/cdk.out), when they exist,
#   - every template the fuzz tests accept (test/fuzz, FUZZ_TEMPLATES -> .cfn-lint/fuzz/), summed up in one line.
# cfn-lint (pinned below) runs once over all of them with the settings of .cfnlintrc.yaml, in a venv of its own
# (.cfn-lint/venv). Prints the findings, a per-template summary and the totals; fails on any error or warning.
#
#   npx projen lint:cfn      (or: bash test/lint/cfn-lint.sh, from the repository root, after npm ci)
set -euo pipefail
cd "$(dirname "$0")/../.."

CFN_LINT_VERSION=1.58.0
VENV=.cfn-lint/venv
FIXTURES=.cfn-lint/fixtures
FUZZ=.cfn-lint/fuzz
REPORT=.cfn-lint/report.json

step() { echo; echo "=== $*"; }

step "cfn-lint $CFN_LINT_VERSION ($VENV)"
if [ ! -x "$VENV/bin/cfn-lint" ] || [ "$("$VENV/bin/cfn-lint" --version 2>/dev/null)" != "cfn-lint $CFN_LINT_VERSION" ]; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION"
fi
"$VENV/bin/cfn-lint" --version

step "Synthesize the example app and the construct fixtures"
# Runs a command with its output shown only when it fails.
quietly() {
  local log status=0
  log=$(mktemp)
  "$@" >"$log" 2>&1 || status=$?
  if [ $status -ne 0 ]; then
    cat "$log"
    echo "failed (exit code $status): $*"
  fi
  rm -f "$log"
  return $status
}
quietly npx projen bundle
# type-checked by the tests and eslint already; here only the templates matter
quietly npx ts-node --prefer-ts-exts --transpile-only examples/main.ts
echo "cdk.out/: the example app"
quietly npx ts-node --prefer-ts-exts --transpile-only test/lint/synth-fixtures.ts "$FIXTURES"
echo "$FIXTURES/: the construct fixtures"
rm -rf "$FUZZ"
# the default reporter only: test-reports/junit.xml keeps the totals of `npm test`, which .ci/run prints last
FUZZ_TEMPLATES="$FUZZ" quietly npx jest test/fuzz --ci --reporters=default
echo "$FUZZ/: the templates the fuzz tests accepted"

# The templates of a cloud assembly's stacks, nested assemblies (stages) included, as its manifest lists them.
assembly_templates() {
  node - "$1" <<'JS'
const fs = require('fs');
const path = require('path');
function templates(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return Object.values(manifest.artifacts ?? {}).flatMap(artifact => {
    if (artifact.type === 'aws:cloudformation:stack') {
      return [path.join(dir, artifact.properties.templateFile)];
    }
    if (artifact.type === 'cdk:cloud-assembly') {
      return templates(path.join(dir, artifact.properties.directoryName));
    }
    return [];
  });
}
for (const template of templates(process.argv[2])) {
  console.log(template);
}
JS
}

step "Templates"
templates=()
# Adds the templates a command lists, one a line; fails when it fails or lists none.
add_templates() {
  local list
  list=$("$@")
  if [ -z "$list" ]; then
    echo "no template found by: $*"
    return 1
  fi
  mapfile -t -O "${#templates[@]}" templates <<<"$list"
}
add_templates assembly_templates cdk.out
add_templates assembly_templates "$FIXTURES"
integ_snapshots() { find test -path 'test/integ.*.ts.snapshot/*' -name '*.template.json' | sort; }
add_templates integ_snapshots
for dir in examples/python/cdk.out examples/java/cdk.out; do
  if [ -f "$dir/manifest.json" ]; then
    add_templates assembly_templates "$dir"
    echo "$dir/: included"
  else
    echo "$dir/: not synthesized, skipped (synthesize that example app first to lint it)"
  fi
done
# cfn-lint's parser refuses Unicode noncharacters (U+FFFE, U+FFFF and the like), which JSON and the CloudTrail API
# model (tag values, names without a pattern) allow: fuzzed templates holding one are counted, not linted.
fuzz_templates() {
  node - "$FUZZ" <<'JS'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const nonCharacter = /[\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/;
let skipped = 0;
for (const file of fs.readdirSync(dir).sort()) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  if (nonCharacter.test(JSON.stringify(JSON.parse(text)))) {
    skipped += 1;
  } else {
    console.log(path.join(dir, file));
  }
}
console.error(`${dir}/: ${skipped} template(s) with a Unicode noncharacter not linted`);
JS
}
add_templates fuzz_templates
echo "${#templates[@]} templates"

step "cfn-lint"
set +e
"$VENV/bin/cfn-lint" --config-file .cfnlintrc.yaml --format json --output-file "$REPORT" -- "${templates[@]}"
lint_status=$?
set -e
# 2, 4 and 8 flag errors, warnings and informational findings; anything else means cfn-lint itself failed
if [ $((lint_status & ~14)) -ne 0 ]; then
  echo "cfn-lint failed (exit code $lint_status)"
  exit 1
fi

summary_status=0
node - "$REPORT" "$FUZZ" "${templates[@]}" <<'JS' || summary_status=$?
const fs = require('fs');
const [report, fuzz, ...templates] = process.argv.slice(2);
const findings = JSON.parse(fs.readFileSync(report, 'utf8'));
const levels = ['Error', 'Warning', 'Informational'];
const counts = new Map(templates.map(t => [t, { Error: 0, Warning: 0, Informational: 0 }]));
for (const f of findings) {
  const where = f.Location.Path.slice(0, 2).join('/');
  console.log(`${f.Filename}:${f.Location.Start.LineNumber}:${f.Location.Start.ColumnNumber}: ${f.Level} ${f.Rule.Id} ${where}: ${f.Message}`);
  const count = counts.get(f.Filename) ?? { Error: 0, Warning: 0, Informational: 0 };
  count[f.Level] += 1;
  counts.set(f.Filename, count);
}
if (findings.length > 0) {
  console.log();
}
const width = Math.max(...[...counts.keys()].filter(t => !t.startsWith(`${fuzz}/`)).map(t => t.length), fuzz.length + 30);
console.log(`${'template'.padEnd(width)}  errors  warnings  informational`);
const totals = { Error: 0, Warning: 0, Informational: 0 };
const row = (name, count) => console.log(`${name.padEnd(width)}  ${String(count.Error).padStart(6)}  ${String(count.Warning).padStart(8)}  ${String(count.Informational).padStart(13)}`);
const fuzzed = { Error: 0, Warning: 0, Informational: 0 };
let fuzzedCount = 0;
for (const [template, count] of counts) {
  levels.forEach(level => { totals[level] += count[level]; });
  if (template.startsWith(`${fuzz}/`)) {
    fuzzedCount += 1;
    levels.forEach(level => { fuzzed[level] += count[level]; });
  } else {
    row(template, count);
  }
}
row(`${fuzz}/ (${fuzzedCount} fuzzed templates)`, fuzzed);
console.log();
console.log(`${counts.size} templates: ${totals.Error} errors, ${totals.Warning} warnings, ${totals.Informational} informational`);
process.exit(totals.Error + totals.Warning > 0 ? 1 : 0);
JS
if [ $summary_status -ne 0 ]; then
  echo "cfn-lint: errors or warnings (${SECONDS}s): fix them, or ignore a rule in .cfnlintrc.yaml with its reason"
  exit 1
fi
echo "cfn-lint: no error or warning (${SECONDS}s)"
