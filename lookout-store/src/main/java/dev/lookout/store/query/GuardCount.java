package dev.lookout.store.query;

import java.time.Instant;

/**
 * How many calls one guard acted on in one time bucket, for one action and reason.
 *
 * @param start start of the bucket, UTC
 * @param guard guard name, for example {@code pii} or {@code injection}
 * @param direction {@code input} or {@code output}
 * @param action {@code block}, {@code redact} or {@code detect}
 * @param reason the guard's reason without its measured value, for example {@code pii:EMAIL} or
 *     {@code injection:score}
 * @param calls calls with at least one such action
 */
public record GuardCount(
    Instant start, String guard, String direction, String action, String reason, long calls) {}
