#!/usr/bin/env bash
# End-to-end check of .pre-commit-hooks.yaml with the real pre-commit (not part of npm test: it
# needs pre-commit installed and installs the hook from the npm registry). Usage: npm run test:pre-commit
set -euo pipefail
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (apt-get install pre-commit)"; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$root" rev-parse HEAD)
work=$(mktemp -d)
cache=$(mktemp -d)
trap 'rm -rf "$work" "$cache"' EXIT
cp -r "$root/fixtures/seed-payments-api/k8s" "$root/fixtures/seed-payments-api/terraform" "$work/"
cd "$work"
git init -q && git config user.email ci@example.com && git config user.name ci
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: irsa-lint\n' "$root" "$rev" > .pre-commit-config.yaml
git add -A
PRE_COMMIT_HOME="$cache" pre-commit run --all-files
sed -i 's/payments-api-production/payments-api-prod/' k8s/serviceaccount.yaml
if PRE_COMMIT_HOME="$cache" pre-commit run --all-files; then echo "FAIL: the hook passed a broken annotation"; exit 1; fi
echo "pre-commit hook: passes a clean repository, fails a broken one"
