package dev.lookout.gateway;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of one gateway, validated when built. Every message names the setting as it appears in
 * {@code lookout.yaml} and the value that was rejected.
 *
 * @param host interface to bind, {@code 127.0.0.1} by default so nothing is exposed by accident
 * @param port TCP port; 0 picks a free port (tests)
 * @param upstream base URL of the provider, for example {@code https://api.openai.com}
 * @param upstreamTimeout how long to wait for the provider's response headers, and then for each
 *     further chunk of its body
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param shutdownGrace how long calls in flight may run on after a stop request
 * @param injectStreamUsage whether to ask the provider for usage on streams whose client did not
 *     ({@code stream_options.include_usage}); the extra usage chunk is removed before the client
 *     sees the stream
 * @param anthropicUpstream base URL for Anthropic's {@code /v1/messages}, for example {@code
 *     https://api.anthropic.com}
 * @param maxInFlight calls in flight above which new calls get 503 {@code gateway_overloaded}
 * @param maxBufferedBodyBytes request body bytes that the calls in flight may hold in memory
 *     together; a call that would pass it gets 503 {@code gateway_busy}
 */
public record GatewaySettings(
    String host,
    int port,
    URI upstream,
    Duration upstreamTimeout,
    long maxBodyBytes,
    Duration shutdownGrace,
    boolean injectStreamUsage,
    URI anthropicUpstream,
    int maxInFlight,
    long maxBufferedBodyBytes) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final URI DEFAULT_UPSTREAM = URI.create("https://api.openai.com");
  public static final URI DEFAULT_ANTHROPIC_UPSTREAM = URI.create("https://api.anthropic.com");
  public static final Duration DEFAULT_UPSTREAM_TIMEOUT = Duration.ofSeconds(600);
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

  /**
   * Calls in flight above which new calls get 503 at once. Each call keeps two connections and
   * their buffers open. On the launcher's 256 MiB heap about 8,000 streams in flight ran it out of
   * memory, while 5,000 open streams fit with room to spare.
   */
  public static final int DEFAULT_MAX_IN_FLIGHT = 6000;

  /**
   * Returns the default of {@code max_buffered_body_bytes}: an eighth of the JVM's maximum heap.
   * Each body byte held costs several heap bytes while the body is parsed, guarded and captured
   * (its buffer, the decoded text, the JSON tree, the guards' copies and the redacted payload). On
   * the launcher's 256 MiB heap, four concurrent 9.3 MB bodies full of personal data passed with
   * input redaction on, and six ran it out of memory. An eighth admits three such bodies.
   */
  public static long defaultMaxBufferedBodyBytes() {
    return Runtime.getRuntime().maxMemory() / 8;
  }

  /** Settings with the default cap on request body bytes held in memory. */
  public GatewaySettings(
      String host,
      int port,
      URI upstream,
      Duration upstreamTimeout,
      long maxBodyBytes,
      Duration shutdownGrace,
      boolean injectStreamUsage,
      URI anthropicUpstream,
      int maxInFlight) {
    this(
        host,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        defaultMaxBufferedBodyBytes());
  }

  /** Settings with the default caps on calls in flight and on request body bytes in memory. */
  public GatewaySettings(
      String host,
      int port,
      URI upstream,
      Duration upstreamTimeout,
      long maxBodyBytes,
      Duration shutdownGrace,
      boolean injectStreamUsage,
      URI anthropicUpstream) {
    this(
        host,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        DEFAULT_MAX_IN_FLIGHT,
        defaultMaxBufferedBodyBytes());
  }

  public GatewaySettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty; use 127.0.0.1 or 0.0.0.0");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    validateUpstream("upstream", upstream);
    validateUpstream("anthropic_upstream", anthropicUpstream);
    if (upstreamTimeout == null || upstreamTimeout.isNegative() || upstreamTimeout.isZero()) {
      throw new IllegalArgumentException(
          "upstream_timeout must be positive, got " + upstreamTimeout + "; for example 600s");
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException(
          "max_body_bytes must be positive, got " + maxBodyBytes + "; the default is 10485760");
    }
    if (maxInFlight <= 0) {
      throw new IllegalArgumentException(
          "max_in_flight must be positive, got " + maxInFlight + "; the default is 6000");
    }
    if (maxBufferedBodyBytes <= 0) {
      throw new IllegalArgumentException(
          "max_buffered_body_bytes must be positive, got "
              + maxBufferedBodyBytes
              + "; the default is an eighth of the maximum heap");
    }
    if (shutdownGrace == null || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException(
          "shutdown_grace must be zero or more, got " + shutdownGrace + "; for example 30s");
    }
  }

  /** Returns the defaults: {@code 127.0.0.1:8080} in front of {@code https://api.openai.com}. */
  public static GatewaySettings defaults() {
    return new GatewaySettings(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_UPSTREAM,
        DEFAULT_UPSTREAM_TIMEOUT,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_SHUTDOWN_GRACE,
        true,
        DEFAULT_ANTHROPIC_UPSTREAM);
  }

  public GatewaySettings withMaxInFlight(int value) {
    return new GatewaySettings(
        host,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        value,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withMaxBufferedBodyBytes(long value) {
    return new GatewaySettings(
        host,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        value);
  }

  public GatewaySettings withHost(String value) {
    return new GatewaySettings(
        value,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withPort(int value) {
    return new GatewaySettings(
        host,
        value,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withUpstream(URI value) {
    return new GatewaySettings(
        host,
        port,
        value,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withUpstreamTimeout(Duration value) {
    return new GatewaySettings(
        host,
        port,
        upstream,
        value,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withMaxBodyBytes(long value) {
    return new GatewaySettings(
        host,
        port,
        upstream,
        upstreamTimeout,
        value,
        shutdownGrace,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withShutdownGrace(Duration value) {
    return new GatewaySettings(
        host,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        value,
        injectStreamUsage,
        anthropicUpstream,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withInjectStreamUsage(boolean value) {
    return new GatewaySettings(
        host,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        value,
        anthropicUpstream,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  public GatewaySettings withAnthropicUpstream(URI value) {
    return new GatewaySettings(
        host,
        port,
        upstream,
        upstreamTimeout,
        maxBodyBytes,
        shutdownGrace,
        injectStreamUsage,
        value,
        maxInFlight,
        maxBufferedBodyBytes);
  }

  /** Returns the upstream URL for logs and messages, without any user name or password in it. */
  public String upstreamForDisplay() {
    return Upstreams.display(upstream);
  }

  private static void validateUpstream(String setting, URI upstream) {
    if (upstream == null) {
      throw new IllegalArgumentException(
          setting + " must be set, for example https://api.openai.com");
    }
    String scheme = upstream.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || upstream.getHost() == null) {
      throw new IllegalArgumentException(
          setting
              + " must be an http or https URL with a host, got '"
              + upstream
              + "'; for example https://api.openai.com");
    }
  }
}
