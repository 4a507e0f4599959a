"""Reference values for Lookout's experiment statistics, computed with scipy.

Regenerate from the repository root with:

    python3 tools/experiments/reference_stats.py \
        > lookout-core/src/test/resources/experiment/reference.json

Produced with Python 3, scipy 1.17.1 and numpy 2.4.6. The Java tests compare with these values to
a relative tolerance of 1e-6.
"""

import hashlib
import json
import math

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261204)


def summary(values):
    return {
        "n": int(len(values)),
        "sum": float(np.sum(values)),
        "sum_of_squares": float(np.sum(np.square(values))),
    }


def welch_cases():
    cases = []
    for n_t, n_c, mu_t, mu_c, sd_t, sd_c in [
        (50, 60, 1.0, 0.8, 1.0, 1.5),
        (12, 9, 250.0, 240.0, 30.0, 12.0),
        (1000, 1200, 0.0021, 0.0020, 0.0004, 0.0005),
        (5, 7, 3.0, 1.0, 0.5, 2.0),
    ]:
        treatment = rng.normal(mu_t, sd_t, n_t)
        control = rng.normal(mu_c, sd_c, n_c)
        result = stats.ttest_ind(treatment, control, equal_var=False)
        interval = result.confidence_interval(0.95)
        cases.append(
            {
                "treatment": summary(treatment),
                "control": summary(control),
                "diff": float(np.mean(treatment) - np.mean(control)),
                "statistic": float(result.statistic),
                "p_value": float(result.pvalue),
                "ci_low": float(interval.low),
                "ci_high": float(interval.high),
            }
        )
    return cases


def proportion_cases():
    cases = []
    z = stats.norm.ppf(0.975)
    for x_t, n_t, x_c, n_c in [(120, 1000, 100, 1000), (45, 300, 30, 320), (7, 40, 2, 35)]:
        p_t, p_c = x_t / n_t, x_c / n_c
        table = [[x_t, n_t - x_t], [x_c, n_c - x_c]]
        chi2 = stats.chi2_contingency(table, correction=False)
        se = math.sqrt(p_t * (1 - p_t) / n_t + p_c * (1 - p_c) / n_c)
        cases.append(
            {
                "successes_treatment": x_t,
                "n_treatment": n_t,
                "successes_control": x_c,
                "n_control": n_c,
                "diff": p_t - p_c,
                # The pooled z-test equals the 2x2 chi-square test without continuity correction.
                "p_value": float(chi2.pvalue),
                "ci_low": p_t - p_c - z * se,
                "ci_high": p_t - p_c + z * se,
            }
        )
    return cases


def srm_cases():
    cases = []
    for observed, weights in [
        ([5050, 4950], [0.5, 0.5]),
        ([3390, 3300, 3310], [1, 1, 1]),
        ([1950, 8050], [0.2, 0.8]),
        ([520, 480, 1000], [1, 1, 2]),
    ]:
        shares = np.array(weights, dtype=float) / np.sum(weights)
        expected = shares * np.sum(observed)
        cases.append(
            {
                "observed": observed,
                "weights": weights,
                "p_value": float(stats.chisquare(observed, f_exp=expected).pvalue),
            }
        )
    return cases


def sample_size_cases():
    rates = []
    for p1, p2, alpha, power in [
        (0.10, 0.12, 0.05, 0.8),
        (0.50, 0.55, 0.05, 0.8),
        (0.03, 0.0345, 0.01, 0.9),
    ]:
        za = stats.norm.ppf(1 - alpha / 2)
        zb = stats.norm.ppf(power)
        p = (p1 + p2) / 2
        root = za * math.sqrt(2 * p * (1 - p)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
        rates.append(
            {"p1": p1, "p2": p2, "alpha": alpha, "power": power, "n": root**2 / (p2 - p1) ** 2}
        )
    means = []
    for variance, delta, alpha, power in [(1.0, 0.1, 0.05, 0.8), (400.0, 5.0, 0.05, 0.9)]:
        z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
        means.append(
            {
                "variance": variance,
                "delta": delta,
                "alpha": alpha,
                "power": power,
                "n": 2 * variance * z**2 / delta**2,
            }
        )
    return {"rates": rates, "means": means}


def msprt_cases():
    cases = []
    for diff, variance, tau_squared in [(0.02, 0.0001, 0.0004), (0.0, 0.01, 0.01), (1.5, 0.25, 1.0)]:
        total = variance + tau_squared
        log_ratio = 0.5 * math.log(variance / total) + diff**2 * tau_squared / (2 * variance * total)
        cases.append(
            {
                "diff": diff,
                "variance": variance,
                "tau_squared": tau_squared,
                "p_value": min(1.0, math.exp(-log_ratio)),
            }
        )
    return cases


def holm(p_values):
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def bucket(experiment_id, user_id):
    digest = hashlib.sha256(f"{experiment_id}:{user_id}".encode("utf-8")).digest()
    return (int.from_bytes(digest[:8], "big") >> 11) / 2**53


def main():
    p_sets = [[0.01, 0.04, 0.03, 0.005], [0.2, 0.5, 0.04], [0.9, 0.01]]
    users = ["alice", "bob", "jürgen", "用户42", "😀", "", "user-1000000"]
    reference = {
        "welch": welch_cases(),
        "proportions": proportion_cases(),
        "srm": srm_cases(),
        "sample_size": sample_size_cases(),
        "msprt": msprt_cases(),
        "holm": [{"p_values": p, "adjusted": holm(p)} for p in p_sets],
        "buckets": [
            {"experiment": e, "user": u, "bucket": bucket(e, u)}
            for e in ["checkout-prompt", "e2"]
            for u in users
        ],
    }
    print(json.dumps(reference, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
