#!/usr/bin/env bash
# strata check for any CI: run in the project folder of a clone with the target branch fetched.
# Usage: ci/strata-check.sh [BASE_REF]   (default: origin/main)
# Writes strata-report.xml (JUnit) and strata-report.md (Markdown) and exits with strata's code.
set -uo pipefail
base="${1:-origin/main}"
strata check --base "$base" --format junit --output strata-report.xml
code=$?
strata check --base "$base" --format markdown --output strata-report.md || true
strata check --base "$base"
exit $code
