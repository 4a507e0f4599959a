package dev.lookout.cli.replay;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of a {@link Replayer}.
 *
 * @param gateway base URL of the gateway, such as {@code http://127.0.0.1:8080}; requests go to
 *     {@code <gateway>/v1/chat/completions}
 * @param rate requests per second, paced by intended send time; 0 sends as fast as the concurrency
 *     allows
 * @param concurrency maximum requests in flight, at least 1
 * @param streamRatio fraction of requests sent with {@code "stream": true}, from 0 to 1
 * @param users number of distinct {@code user} values ({@code user-0} ...), 0 to send none
 * @param limit maximum records to send, 0 for all
 * @param model model for every request, or null to use each record's model
 * @param apiKey bearer token for the {@code Authorization} header
 * @param timeout time limit of one request, headers and body together
 */
public record ReplaySettings(
    URI gateway,
    double rate,
    int concurrency,
    double streamRatio,
    int users,
    int limit,
    String model,
    String apiKey,
    Duration timeout) {

  /** Model used when neither the record nor the settings name one. */
  public static final String DEFAULT_MODEL = "gpt-4o-mini";

  /** Bearer token sent when the environment has no {@code OPENAI_API_KEY}. */
  public static final String PLACEHOLDER_API_KEY = "sk-lookout-demo";

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field, its value and the allowed range
   */
  public ReplaySettings {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = gateway.getScheme() == null ? "" : gateway.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || gateway.getHost() == null) {
      throw new IllegalArgumentException(
          "gateway "
              + gateway
              + " is not an http or https URL with a host: use a URL such as"
              + " http://127.0.0.1:8080");
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "rate " + rate + " is invalid: use requests per second >= 0 (0 = no pacing)");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException(
          "concurrency " + concurrency + " is invalid: use 1 or more");
    }
    if (!(streamRatio >= 0 && streamRatio <= 1)) {
      throw new IllegalArgumentException(
          "streamRatio " + streamRatio + " is invalid: use a fraction from 0 to 1");
    }
    if (users < 0) {
      throw new IllegalArgumentException("users " + users + " is negative: use 0 or more");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + " is negative: use 0 (all) or more");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout " + timeout + " is invalid: use a positive time");
    }
  }

  /**
   * Returns settings with the defaults for everything but the gateway: no pacing, 16 in flight,
   * half of the requests streamed, no user ids, all records, each record's model, the key from
   * {@code OPENAI_API_KEY} (or the placeholder) and a 120-second timeout.
   */
  public static ReplaySettings defaults(URI gateway) {
    return new ReplaySettings(
        gateway, 0, 16, 0.5, 0, 0, null, apiKeyFromEnvironment(), Duration.ofSeconds(120));
  }

  /** Returns {@code OPENAI_API_KEY} from the environment, or {@link #PLACEHOLDER_API_KEY}. */
  public static String apiKeyFromEnvironment() {
    String key = System.getenv("OPENAI_API_KEY");
    return key == null || key.isBlank() ? PLACEHOLDER_API_KEY : key;
  }

  /** Returns the chat completions URL; a gateway URL that ends in {@code /v1} is not doubled. */
  public URI chatCompletionsUri() {
    String base = gateway.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String path = base.endsWith("/v1") ? "/chat/completions" : "/v1/chat/completions";
    return URI.create(base + path);
  }
}
