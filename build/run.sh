#!/usr/bin/env bash
# Runs the platform locally in the foreground until stopped (Ctrl+C):
#   brings up PostgreSQL (installing it with apt if needed), migrates, announces the strands, serves the UI.
# URL: http://127.0.0.1:5000 unless ASPNETCORE_URLS is set.
# Bus: in-memory unless Messaging__Transport=RabbitMQ is set (then RabbitMQ is started locally too, unless
#      Messaging__RabbitMq__Host points elsewhere).
# Database: a local PostgreSQL unless ConnectionStrings__SeriousViolence is set.
# Operator commands go through the same script, against the same database:
#   ./build/run.sh create-admin you@example.org "Your Name"   the first administrator (password typed, or SV_ADMIN_PASSWORD)
#   ./build/run.sh create-token user@example.org "System name" [--strands a,b] [--measures x] [--days 90]
#   ./build/run.sh verify-audit                                 checks the audit trail's hash chain
#   ./build/run.sh import FILE...                               imports MPS data files
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ConnectionStrings__SeriousViolence:-}" ]; then
  ops/postgres.sh start
  eval "$(ops/postgres.sh env)"
fi

if [ "${Messaging__Transport:-InMemory}" = "RabbitMQ" ] && [ -z "${Messaging__RabbitMq__Username:-}" ]; then
  ops/rabbitmq.sh start
  eval "$(ops/rabbitmq.sh env)"
fi

# The Board pack is printed to PDF by headless Chromium (Governance:Packs:ChromiumPath).
if [ ! -x /usr/bin/chromium ]; then
  source ops/lib.sh
  sv_apt_install chromium fonts-dejavu-core
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

dotnet build src/SeriousViolence.Web/SeriousViolence.Web.csproj -c Release -v q -nologo
if [ "$#" -gt 0 ]; then
  exec dotnet src/SeriousViolence.Web/bin/Release/net10.0/SeriousViolence.Web.dll "$@"
fi
echo "SeriousViolence: serving on $ASPNETCORE_URLS (Ctrl+C to stop)"
echo "First run? Sign-in is required and there is no default account. In another terminal create the first administrator:"
echo "  ./build/run.sh create-admin you@example.org \"Your Name\""
exec dotnet src/SeriousViolence.Web/bin/Release/net10.0/SeriousViolence.Web.dll
