#!/usr/bin/env bash
# Retrains the injection model and rewrites the shipped weights resource.
# Usage: tools/injection/train.sh [DATA.jsonl [INSTRUCTIONS.jsonl...]]
# Default data: the guardrails folder beside the repository root, and the instructions of the
# Code Alpaca prompts in the traffic folder as benign rows.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data/guardrails/injection-train.jsonl}"
if [ $# -gt 1 ]; then
  instructions=("${@:2}")
else
  instructions=("$root/../shared/data/traffic/code_alpaca_2k.jsonl")
fi
out="$root/lookout-core/src/main/resources/dev/lookout/core/guard/injection/injection-model.bin.gz"
cd "$root"
./mvnw -B -q -pl lookout-core -am compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -q -pl lookout-core dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
java -cp "lookout-core/target/classes:$(cat "$cp_file")" \
  dev.lookout.core.guard.injection.InjectionTrainer "$data" "$out" "${instructions[@]}"
