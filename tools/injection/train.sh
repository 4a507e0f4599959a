#!/usr/bin/env bash
# Retrains the injection model and rewrites the shipped weights resource.
# Usage: tools/injection/train.sh [DATA.jsonl]
# Default data: the guardrails folder beside the repository root.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data/guardrails/injection-train.jsonl}"
out="$root/lookout-core/src/main/resources/dev/lookout/core/guard/injection/injection-model.bin.gz"
cd "$root"
./mvnw -B -q -pl lookout-core -am compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -q -pl lookout-core dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
java -cp "lookout-core/target/classes:$(cat "$cp_file")" \
  dev.lookout.core.guard.injection.InjectionTrainer "$data" "$out"
