#!/usr/bin/env python3
"""Generate Lookout's built-in price table from LiteLLM's model price table.

Usage:
    python3 tools/pricing/generate_prices.py LITELLM_JSON COMMIT DATE > \
        lookout-core/src/main/resources/dev/lookout/core/pricing/prices.json

LITELLM_JSON is BerriAI/litellm's model_prices_and_context_window.json, COMMIT the
litellm commit it was taken from (first 12 hex digits are enough) and DATE that
commit's date (YYYY-MM-DD), which becomes every entry's effective_date.

LiteLLM lists prices in USD per token as JSON numbers (2.5e-06). They are read as
decimal.Decimal, never as binary floats, and moved six places to the left, so the
table holds the exact same value per million tokens ("2.5").

The models to include are listed in SELECTION below. Fields LiteLLM does not list are
derived only where the provider documents a flat rule, and each derived field is named
in the entry's "derived" list (PriceTableTest checks every other field against LiteLLM):

* batch_input / batch_output: 50% of the standard price for OpenAI, Anthropic and
  Google, whose batch APIs are documented at half price for every model.
* cache_write_1h (Anthropic API only): 2 times the input price, which is how
  Anthropic's pricing page bills 1-hour cache writes for every Claude model.
"""
import json
import sys
from decimal import Decimal

SOURCES = {
    "openai": "https://openai.com/api/pricing/",
    "anthropic": "https://www.anthropic.com/pricing",
    "google": "https://ai.google.dev/gemini-api/docs/pricing",
    "mistral": "https://mistral.ai/pricing#api-pricing",
    "deepseek": "https://api-docs.deepseek.com/quick_start/pricing",
    "xai": "https://docs.x.ai/docs/models",
    "cohere": "https://cohere.com/pricing",
    "groq": "https://groq.com/pricing",
    "together": "https://www.together.ai/pricing",
    "fireworks": "https://fireworks.ai/pricing",
    "bedrock": "https://aws.amazon.com/bedrock/pricing/",
    "azure": "https://azure.microsoft.com/en-us/pricing/details/cognitive-services/openai-service/",
}

BATCH_SOURCES = {
    "openai": "https://platform.openai.com/docs/guides/batch",
    "anthropic": "https://docs.anthropic.com/en/docs/build-with-claude/batch-processing",
    "google": "https://developers.googleblog.com/scale-your-ai-workloads-batch-mode-gemini-api",
}

MISTRAL_CACHE_SOURCE = "https://docs.mistral.ai/studio-api/conversations/advanced/prompt-caching"

MISTRAL_CACHE_NOTE = (
    "cached_input is 10% of the input price, as Mistral bills cached prompt tokens: "
    + MISTRAL_CACHE_SOURCE
)

ONE_HOUR_NOTE = (
    "cache_write_1h is 2 times the input price, as Anthropic bills 1-hour cache writes"
)


def m(name, provider, key=None, aliases=(), omit=(), note=None, batch=True, correct=None):
    """Return the selection record of one model: Lookout name, provider, LiteLLM key.

    correct maps a field to the provider's published per-million price where LiteLLM's
    differs; note must then say where that price is published.
    """
    return {
        "correct": dict(correct or {}),
        "batch": batch,
        "name": name,
        "provider": provider,
        "key": key or name,
        "aliases": list(aliases),
        "omit": list(omit),
        "note": note,
    }


SELECTION = [
    # OpenAI
    m("gpt-5", "openai"),
    m("gpt-5-mini", "openai"),
    m("gpt-5-nano", "openai"),
    m("gpt-5.1", "openai"),
    m("gpt-5.2", "openai"),
    m("gpt-5-chat-latest", "openai"),
    m("gpt-4.1", "openai"),
    m("gpt-4.1-mini", "openai"),
    m("gpt-4.1-nano", "openai"),
    m("gpt-4o", "openai"),
    m("gpt-4o-2024-05-13", "openai"),
    m("gpt-4o-2024-08-06", "openai"),
    m("gpt-4o-2024-11-20", "openai"),
    m("gpt-4o-mini", "openai"),
    m("gpt-4o-mini-2024-07-18", "openai"),
    m("o1", "openai"),
    m("o1-mini", "openai"),
    m("o3", "openai"),
    m("o3-mini", "openai"),
    m("o3-pro", "openai"),
    m("o4-mini", "openai"),
    m("gpt-4-turbo", "openai"),
    m("gpt-4-turbo-2024-04-09", "openai"),
    m("gpt-4-1106-preview", "openai", aliases=["gpt4_1106_preview"]),
    m("gpt-4-0125-preview", "openai"),
    m("gpt-4", "openai", aliases=["gpt4"]),
    m("gpt-4-0613", "openai"),
    m("gpt-4-0314", "openai"),
    m("gpt-4-32k", "openai"),
    m("gpt-3.5-turbo", "openai"),
    m("gpt-3.5-turbo-0125", "openai"),
    m("gpt-3.5-turbo-1106", "openai"),
    m("gpt-3.5-turbo-0613", "openai"),
    m("gpt-3.5-turbo-16k", "openai"),
    m("gpt-3.5-turbo-instruct", "openai", aliases=["gpt35_turbo_instruct"]),
    m("text-embedding-3-small", "openai"),
    m("text-embedding-3-large", "openai"),
    m("text-embedding-ada-002", "openai", aliases=["ada-002"]),
    m("ft:gpt-4o-2024-08-06", "openai"),
    m("ft:gpt-4o-mini-2024-07-18", "openai"),
    m("ft:gpt-4.1-2025-04-14", "openai"),
    m("ft:gpt-4.1-mini-2025-04-14", "openai"),
    m("ft:gpt-4.1-nano-2025-04-14", "openai"),
    m("ft:o4-mini-2025-04-16", "openai"),
    m("ft:gpt-4-0613", "openai"),
    m("ft:gpt-3.5-turbo", "openai"),
    m("ft:gpt-3.5-turbo-0125", "openai"),
    m("ft:gpt-3.5-turbo-1106", "openai"),
    m("ft:gpt-3.5-turbo-0613", "openai"),
    # Anthropic
    m("claude-opus-4-6", "anthropic"),
    m("claude-opus-4-5", "anthropic"),
    m("claude-opus-4-1", "anthropic"),
    m(
        "claude-opus-4-20250514",
        "anthropic",
        aliases=["claude-opus-4-0", "claude-opus-4", "claude-4-opus-20250514"],
    ),
    m("claude-sonnet-4-6", "anthropic"),
    m("claude-sonnet-4-5", "anthropic"),
    m(
        "claude-sonnet-4-20250514",
        "anthropic",
        aliases=["claude-sonnet-4-0", "claude-sonnet-4", "claude-4-sonnet-20250514"],
    ),
    m("claude-haiku-4-5", "anthropic"),
    m("claude-3-7-sonnet-20250219", "anthropic", aliases=["claude-3-7-sonnet-latest"]),
    m("claude-3-5-sonnet-20241022", "anthropic", aliases=["claude-3-5-sonnet-latest"]),
    m("claude-3-5-sonnet-20240620", "anthropic"),
    m("claude-3-5-haiku-20241022", "anthropic", aliases=["claude-3-5-haiku-latest"]),
    m("claude-3-opus-20240229", "anthropic", aliases=["claude-3-opus-latest"]),
    m("claude-3-haiku-20240307", "anthropic"),
    m(
        "claude-2.1",
        "anthropic",
        key="anthropic.claude-v2:1",
        aliases=["claude-2", "claude-2.0"],
        batch=False,
        note="Anthropic's API price list no longer shows Claude 2; this is the Amazon"
        " Bedrock on-demand price of claude-v2:1 in LiteLLM",
    ),
    # Google Gemini API (AI Studio)
    m("gemini-2.5-pro", "google", key="gemini/gemini-2.5-pro"),
    m("gemini-2.5-pro-preview-05-06", "google", key="gemini/gemini-2.5-pro-preview-05-06"),
    m("gemini-2.5-pro-preview-06-05", "google", key="gemini/gemini-2.5-pro-preview-06-05"),
    m("gemini-2.5-flash", "google", key="gemini/gemini-2.5-flash"),
    m("gemini-2.5-flash-lite", "google", key="gemini/gemini-2.5-flash-lite"),
    m("gemini-2.0-flash", "google", key="gemini/gemini-2.0-flash", aliases=["gemini-2.0-flash-001"]),
    m(
        "gemini-2.0-flash-lite",
        "google",
        key="gemini/gemini-2.0-flash-lite",
        aliases=["gemini-2.0-flash-lite-001"],
    ),
    # Mistral
    m("mistral-large-latest", "mistral", key="mistral/mistral-large-latest"),
    m("mistral-large-2411", "mistral", key="mistral/mistral-large-2411"),
    m("mistral-medium-latest", "mistral", key="mistral/mistral-medium-latest"),
    m("mistral-medium-2505", "mistral", key="mistral/mistral-medium-2505"),
    m("mistral-small-latest", "mistral", key="mistral/mistral-small-latest"),
    m("magistral-medium-latest", "mistral", key="mistral/magistral-medium-latest"),
    m("magistral-small-latest", "mistral", key="mistral/magistral-small-latest"),
    m("codestral-latest", "mistral", key="mistral/codestral-latest"),
    m("devstral-medium-latest", "mistral", key="mistral/devstral-medium-latest"),
    m("open-mistral-nemo", "mistral", key="mistral/open-mistral-nemo"),
    # DeepSeek
    m(
        "deepseek-chat",
        "deepseek",
        key="deepseek/deepseek-chat",
        omit=["cache_write"],
        note="DeepSeek bills cache misses at the input price and lists no cache-write"
        " price, so LiteLLM's cache-write price of 0 is left out",
    ),
    m("deepseek-reasoner", "deepseek", key="deepseek/deepseek-reasoner"),
    # xAI
    m("grok-4", "xai", key="xai/grok-4", aliases=["grok-4-0709", "grok-4-latest"]),
    m("grok-4-fast-reasoning", "xai", key="xai/grok-4-fast-reasoning"),
    m("grok-4-fast-non-reasoning", "xai", key="xai/grok-4-fast-non-reasoning"),
    m("grok-4-1-fast-reasoning", "xai", key="xai/grok-4-1-fast-reasoning"),
    m("grok-4-1-fast-non-reasoning", "xai", key="xai/grok-4-1-fast-non-reasoning"),
    m("grok-3", "xai", key="xai/grok-3", aliases=["grok-3-latest"]),
    m("grok-3-mini", "xai", key="xai/grok-3-mini", aliases=["grok-3-mini-latest"]),
    m("grok-code-fast-1", "xai", key="xai/grok-code-fast-1"),
    # Cohere
    m("command-a-03-2025", "cohere", aliases=["command-a"]),
    m("command-r-08-2024", "cohere"),
    m("command-r", "cohere"),
    m("command-r-plus-08-2024", "cohere"),
    m("command-r-plus", "cohere"),
    m(
        "command-r7b-12-2024",
        "cohere",
        correct={"input": "0.0375", "output": "0.15"},
        note=(
            "LiteLLM swaps the input and output prices; Cohere publishes 0.0375 USD input"
            " and 0.15 USD output per million tokens: https://cohere.com/pricing"
        ),
    ),
    # Groq
    m("groq/llama-3.3-70b-versatile", "groq"),
    m("groq/llama-3.1-8b-instant", "groq"),
    m("groq/openai/gpt-oss-120b", "groq"),
    m("groq/openai/gpt-oss-20b", "groq"),
    m("groq/meta-llama/llama-4-maverick-17b-128e-instruct", "groq"),
    m("groq/meta-llama/llama-4-scout-17b-16e-instruct", "groq"),
    m("groq/qwen/qwen3-32b", "groq"),
    m("groq/moonshotai/kimi-k2-instruct-0905", "groq"),
    # Together AI
    m("together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo", "together"),
    m("together_ai/meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", "together"),
    m("together_ai/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "together"),
    m("together_ai/meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "together"),
    m("together_ai/deepseek-ai/DeepSeek-V3", "together"),
    m("together_ai/deepseek-ai/DeepSeek-R1", "together"),
    m("together_ai/openai/gpt-oss-120b", "together"),
    # Fireworks AI
    m("fireworks_ai/accounts/fireworks/models/llama-v3p3-70b-instruct", "fireworks"),
    m("fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct", "fireworks"),
    m("fireworks_ai/accounts/fireworks/models/llama4-maverick-instruct-basic", "fireworks"),
    m("fireworks_ai/accounts/fireworks/models/deepseek-v3", "fireworks"),
    m("fireworks_ai/accounts/fireworks/models/deepseek-r1", "fireworks"),
    m("fireworks_ai/accounts/fireworks/models/gpt-oss-120b", "fireworks"),
    m("fireworks_ai/accounts/fireworks/models/qwen3-coder-480b-a35b-instruct", "fireworks"),
    # Amazon Bedrock on-demand. The us., eu., apac., jp. and au. keys are cross-region inference
    # profiles.
    m("bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock", key="anthropic.claude-sonnet-4-5-20250929-v1:0"),
    m("bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock", key="us.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    m("bedrock/eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock", key="eu.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    m("bedrock/jp.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock", key="jp.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    m("bedrock/au.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock", key="au.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    m("bedrock/anthropic.claude-sonnet-4-20250514-v1:0", "bedrock", key="anthropic.claude-sonnet-4-20250514-v1:0"),
    m("bedrock/anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock", key="anthropic.claude-haiku-4-5-20251001-v1:0"),
    m("bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock", key="us.anthropic.claude-haiku-4-5-20251001-v1:0"),
    m("bedrock/eu.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock", key="eu.anthropic.claude-haiku-4-5-20251001-v1:0"),
    m("bedrock/apac.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock", key="apac.anthropic.claude-haiku-4-5-20251001-v1:0"),
    m("bedrock/jp.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock", key="jp.anthropic.claude-haiku-4-5-20251001-v1:0"),
    m("bedrock/au.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock", key="au.anthropic.claude-haiku-4-5-20251001-v1:0"),
    m("bedrock/anthropic.claude-opus-4-1-20250805-v1:0", "bedrock", key="anthropic.claude-opus-4-1-20250805-v1:0"),
    m("bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0", "bedrock", key="anthropic.claude-3-7-sonnet-20250219-v1:0"),
    m("bedrock/anthropic.claude-3-5-haiku-20241022-v1:0", "bedrock", key="anthropic.claude-3-5-haiku-20241022-v1:0"),
    m("bedrock/anthropic.claude-3-haiku-20240307-v1:0", "bedrock", key="anthropic.claude-3-haiku-20240307-v1:0"),
    m("bedrock/meta.llama3-3-70b-instruct-v1:0", "bedrock", key="meta.llama3-3-70b-instruct-v1:0"),
    m("bedrock/meta.llama4-maverick-17b-instruct-v1:0", "bedrock", key="meta.llama4-maverick-17b-instruct-v1:0"),
    # Azure OpenAI (global standard deployments)
    m("azure/gpt-5", "azure"),
    m("azure/gpt-5-mini", "azure"),
    m("azure/gpt-5-nano", "azure"),
    m("azure/gpt-4.1", "azure"),
    m("azure/gpt-4.1-mini", "azure"),
    m("azure/gpt-4.1-nano", "azure"),
    m("azure/gpt-4o", "azure"),
    m("azure/gpt-4o-2024-05-13", "azure"),
    m("azure/gpt-4o-2024-08-06", "azure"),
    m("azure/gpt-4o-2024-11-20", "azure"),
    m("azure/gpt-4o-mini", "azure"),
    m("azure/gpt-4o-mini-2024-07-18", "azure"),
]

FIELDS = [
    ("input", "input_cost_per_token"),
    ("output", "output_cost_per_token"),
    ("cached_input", "cache_read_input_token_cost"),
    ("cache_write", "cache_creation_input_token_cost"),
    ("cache_write_1h", "cache_creation_input_token_cost_above_1hr"),
    ("reasoning", "output_cost_per_reasoning_token"),
    ("batch_input", "input_cost_per_token_batches"),
    ("batch_output", "output_cost_per_token_batches"),
]

LONG_CONTEXT_FIELDS = [
    ("input", "input_cost_per_token_above_200k_tokens"),
    ("output", "output_cost_per_token_above_200k_tokens"),
    ("cached_input", "cache_read_input_token_cost_above_200k_tokens"),
    ("cache_write", "cache_creation_input_token_cost_above_200k_tokens"),
    ("cache_write_1h", "cache_creation_input_token_cost_above_1hr_above_200k_tokens"),
]


def per_million(value):
    """Return a per-token price as an exact per-million decimal string."""
    if value is None:
        return None
    text = format(Decimal(value).scaleb(6).normalize(), "f")
    return text


def entry(spec, source, commit, date):
    """Return the price table entry of one selected model."""
    provider = spec["provider"]
    prices = {}
    derived = []
    for field, key in FIELDS:
        prices[field] = per_million(source.get(key))
    if prices["reasoning"] == prices["output"]:
        prices["reasoning"] = None
    for field in spec["omit"]:
        prices[field] = None
    for field, price in spec["correct"].items():
        prices[field] = price
    notes = [spec["note"]] if spec["note"] else []

    if provider == "anthropic" and prices["cache_write"] is not None:
        two_times = format((Decimal(prices["input"]) * 2).normalize(), "f")
        if prices["cache_write_1h"] != two_times:
            if prices["cache_write_1h"] is not None:
                notes.append(
                    "LiteLLM lists a 1-hour cache write of "
                    + prices["cache_write_1h"]
                    + " per million, which is not 2 times the input price"
                )
            prices["cache_write_1h"] = two_times
            derived.append("cache_write_1h")
            notes.append(ONE_HOUR_NOTE)
    if provider == "mistral" and prices["cached_input"] is None:
        tenth = Decimal(prices["input"]) * Decimal("0.1")
        prices["cached_input"] = format(tenth.normalize(), "f")
        derived.append("cached_input")
        notes.append(MISTRAL_CACHE_NOTE)
    if spec["batch"] and provider in BATCH_SOURCES and prices["batch_input"] is None:
        half = Decimal("0.5")
        prices["batch_input"] = format((Decimal(prices["input"]) * half).normalize(), "f")
        prices["batch_output"] = format((Decimal(prices["output"]) * half).normalize(), "f")
        derived += ["batch_input", "batch_output"]
        notes.append("batch prices are 50% of the standard prices: " + BATCH_SOURCES[provider])

    result = {"provider": provider}
    result.update(prices)
    long_context = {k: per_million(source.get(v)) for k, v in LONG_CONTEXT_FIELDS}
    if long_context["input"] is not None and long_context["output"] is not None:
        if provider == "anthropic" and long_context["cache_write"] is not None:
            if long_context["cache_write_1h"] is None:
                doubled = Decimal(long_context["input"]) * 2
                long_context["cache_write_1h"] = format(doubled.normalize(), "f")
                derived.append("long_context.cache_write_1h")
        result["long_context"] = {"above_input_tokens": 200000, **long_context}
    if spec["aliases"]:
        result["aliases"] = spec["aliases"]
    result["effective_date"] = date
    result["source"] = (
        f"LiteLLM model_prices_and_context_window.json (MIT), commit {commit[:12]},"
        f" {date}, key {spec['key']}; {SOURCES[provider]}"
    )
    if spec["correct"]:
        result["source"] += "; " + ", ".join(sorted(spec["correct"])) + " corrected: " + spec["note"]
    result["litellm_key"] = spec["key"]
    if derived:
        result["derived"] = derived
    if spec["omit"]:
        result["omitted"] = spec["omit"]
    if spec["correct"]:
        result["corrected"] = sorted(spec["correct"])
    if notes:
        result["note"] = "; ".join(notes)
    return result


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: generate_prices.py LITELLM_JSON COMMIT YYYY-MM-DD")
    path, commit, date = sys.argv[1:]
    with open(path, encoding="utf-8") as f:
        litellm = json.load(f, parse_float=Decimal, parse_int=Decimal)
    models = {}
    for spec in SELECTION:
        source = litellm.get(spec["key"])
        if not isinstance(source, dict):
            sys.exit(f"LiteLLM table {path} has no key {spec['key']} for model {spec['name']}")
        if "input_cost_per_token" not in source or "output_cost_per_token" not in source:
            sys.exit(f"LiteLLM key {spec['key']} has no per-token input and output price")
        models[spec["name"]] = entry(spec, source, commit, date)
    table = {
        "currency": "USD",
        "unit": "USD per 1,000,000 tokens, as decimal strings",
        "generated_by": "tools/pricing/generate_prices.py",
        "models": models,
    }
    json.dump(table, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
