package dev.lookout.store.payload;

import java.net.URI;
import java.time.Duration;

/**
 * Location and client settings of an {@link S3PayloadStore}. Credentials come from the AWS SDK's
 * default provider chain (environment, system properties, profile files, container and instance
 * roles).
 *
 * @param endpoint endpoint of an S3-compatible service, or null for AWS's own endpoint of {@code
 *     region}
 * @param region signing region, for example {@code us-east-1}
 * @param bucket bucket name; it must exist
 * @param prefix key prefix without leading or trailing slash, may be empty
 * @param pathStyle whether to address the bucket in the path ({@code http://host/bucket/key}), as
 *     most S3-compatible services need, instead of the host name
 * @param checksumsWhenRequired whether to compute and validate checksums only when an operation
 *     requires them, which services that do not support the SDK's default CRC checksums need
 * @param callTimeout max time of one S3 call, retries included; a slower put spills to local disk
 */
public record S3Settings(
    URI endpoint,
    String region,
    String bucket,
    String prefix,
    boolean pathStyle,
    boolean checksumsWhenRequired,
    Duration callTimeout) {

  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

  public S3Settings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          "payloads.bucket must be set when payloads.store is s3, for example lookout-payloads");
    }
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException(
          "payloads.region must be set when payloads.store is s3, for example us-east-1");
    }
    prefix = prefix == null ? "" : stripSlashes(prefix);
    if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException(
          "payloads.call_timeout must be positive, got " + callTimeout + "; for example 10s");
    }
  }

  /** Returns {@code prefix + "/" + key}, or the key alone when the prefix is empty. */
  String objectKey(String key) {
    return prefix.isEmpty() ? key : prefix + "/" + key;
  }

  private static String stripSlashes(String text) {
    String value = text.strip();
    while (value.startsWith("/")) {
      value = value.substring(1);
    }
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    return value;
  }
}
