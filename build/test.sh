#!/usr/bin/env bash
# Runs every test: architecture, unit, SPC engine, integration (real PostgreSQL and RabbitMQ), end-to-end (headless Chromium).
# Installs (apt) and starts what the tests need, builds once, runs each level in turn and ends with one line:
#   "N passed, N failed, N skipped". Exit status is non-zero if anything failed or did not run.
# Results (TRX) and screenshots go to artifacts/.
set -uo pipefail
cd "$(dirname "$0")/.."
source ops/lib.sh

step() { printf '\n== %s\n' "$*"; }

step "services"
ops/postgres.sh start || { echo "0 passed, 1 failed"; exit 1; }
ops/rabbitmq.sh start || { echo "0 passed, 1 failed"; exit 1; }
if [ ! -x /usr/bin/chromium ]; then
  sv_apt_install chromium fonts-dejavu-core || { echo "0 passed, 1 failed"; exit 1; }
fi
# Governance: pdftotext reads the Board pack's PDF back; aiosmtpd is the real local SMTP server the e-mail tests send to.
if [ ! -x /usr/bin/pdftotext ] || ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  sv_apt_install poppler-utils python3-aiosmtpd || { echo "0 passed, 1 failed"; exit 1; }
fi

# Databases left by an interrupted run (each test makes its own, named sv_test_*).
runuser -u postgres -- psql -qAt -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'sv\_test\_%'" 2>/dev/null |
  while read -r stale; do runuser -u postgres -- psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$stale\" WITH (FORCE)" >/dev/null 2>&1 || true; done

# The tests get their own settings; the app's own variables must not leak into hosts the tests start.
eval "$(ops/postgres.sh env)"
eval "$(ops/rabbitmq.sh env)"
export SV_TEST_POSTGRES="$ConnectionStrings__SeriousViolence"
export SV_TEST_RABBITMQ_USER="$Messaging__RabbitMq__Username"
export SV_TEST_RABBITMQ_PASSWORD="$Messaging__RabbitMq__Password"
unset ConnectionStrings__SeriousViolence Messaging__Transport Messaging__RabbitMq__Host Messaging__RabbitMq__VirtualHost \
  Messaging__RabbitMq__Username Messaging__RabbitMq__Password

step "build"
if ! dotnet build SeriousViolence.sln -c Debug -v q -nologo; then
  echo "0 passed, 1 failed"
  exit 1
fi

mkdir -p artifacts/test-results
passed=0; failed=0; skipped=0; broken=0
for level in Architecture Unit Spc Integration EndToEnd; do
  project="tests/SeriousViolence.Tests.$level"
  step "tests: $level"
  log="artifacts/test-results/$level.log"
  dotnet test "$project" --no-build -c Debug -nologo \
    --logger "trx;LogFileName=$level.trx" --results-directory artifacts/test-results 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  summary="$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1)"
  if [ -z "$summary" ]; then
    echo "!! $level: no test summary (the run crashed or found no tests)"
    broken=$((broken + 1))
    continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then broken=$((broken + 1)); fi
done

echo
echo "$passed passed, $((failed + broken)) failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
