#!/usr/bin/env bash
# Benchmarks (speed is measured here, never asserted in tests). Needs ../shared/data beside the repository.
# Writes artifacts/bench/results.md and results.json. Usage: ./build/bench.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
ops/postgres.sh start
eval "$(ops/postgres.sh env)"
data="$(cd .. && pwd)/shared/data/mps"
[ -d "$data" ] || { echo "bench: $data not found (the benchmarks use the real MPS files)"; exit 2; }
dotnet build build/SeriousViolence.Benchmarks/SeriousViolence.Benchmarks.csproj -c Release -v q -nologo
dotnet build/SeriousViolence.Benchmarks/bin/Release/net10.0/SeriousViolence.Benchmarks.dll "$ConnectionStrings__SeriousViolence" "$data" artifacts/bench "${1:-3}"
