#!/bin/bash
# The last step of `npm test`: eslint and the type check, side by side. Each uses one core, so on two cores both take
# as long as the slower one; the step fails when either fails, after both have printed their findings.
npx projen eslint & lint=$!
npx projen test:typecheck & types=$!
wait $lint; lint_status=$?
wait $types; types_status=$?
exit $(( lint_status != 0 || types_status != 0 ))
