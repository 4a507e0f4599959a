package dev.lookout.core.sse;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} field, or null for unnamed events
 * @param data the {@code data:} lines joined with newlines
 */
public record SseEvent(String event, String data) {}
