#!/usr/bin/env bash
# Benchmarks (speed is measured here, never asserted in tests). Needs ../shared/data beside the repository.
# Writes artifacts/bench/results.md and results.json (imports, SPC) and board.md and board.json (the Board dashboard).
# Usage: ./build/bench.sh [rounds]      imports and SPC, then the Board
#        ./build/bench.sh board [renders] [changes]   the Board only (Chromium from Debian's package)
set -euo pipefail
cd "$(dirname "$0")/.."
ops/postgres.sh start
eval "$(ops/postgres.sh env)"
dll=build/SeriousViolence.Benchmarks/bin/Release/net10.0/SeriousViolence.Benchmarks.dll
# The Board's live-update delay is measured in a real browser: Debian's Chromium, as the end-to-end tests use.
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium; }
if [ "${1:-}" = "board" ]; then
  dotnet build build/SeriousViolence.Benchmarks/SeriousViolence.Benchmarks.csproj -c Release -v q -nologo
  exec dotnet "$dll" board "$ConnectionStrings__SeriousViolence" artifacts/bench "${2:-30}" "${3:-20}"
fi
data="$(cd .. && pwd)/shared/data/mps"
[ -d "$data" ] || { echo "bench: $data not found (the benchmarks use the real MPS files)"; exit 2; }
dotnet build build/SeriousViolence.Benchmarks/SeriousViolence.Benchmarks.csproj -c Release -v q -nologo
dotnet "$dll" "$ConnectionStrings__SeriousViolence" "$data" artifacts/bench "${1:-3}"
dotnet "$dll" board "$ConnectionStrings__SeriousViolence" artifacts/bench 30 20
