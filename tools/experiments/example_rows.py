"""Writes example experiment rows for `lookout experiment analyze --input`.

Run from the repository root:

    python3 tools/experiments/example_rows.py > /tmp/rows.jsonl
    java -jar lookout-cli/target/lookout.jar experiment analyze --input /tmp/rows.jsonl \
        --mde 0.05 --format json

Variant "friendly" gets a thumbs-up 36% of the time against 30% for "formal", and the same
latency distribution, so one metric differs and one does not.
"""

import json
import random

rng = random.Random(42)
for i in range(2000):
    variant = "formal" if rng.random() < 0.5 else "friendly"
    rate = 0.30 if variant == "formal" else 0.36
    row = {
        "variant": variant,
        "thumbs_up": rng.random() < rate,
        "latency_ms": round(rng.lognormvariate(6.0, 0.4), 1),
    }
    print(json.dumps(row))
