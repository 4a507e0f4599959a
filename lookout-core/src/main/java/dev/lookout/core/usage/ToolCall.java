package dev.lookout.core.usage;

/**
 * One tool (function) call the model asked for.
 *
 * @param id the provider's call id ({@code call_...}, {@code toolu_...}); may be empty, as Gemini
 *     sends it
 * @param name the function name
 * @param arguments the arguments as the provider sent them: a JSON text, possibly partial when a
 *     stream ended early
 */
public record ToolCall(String id, String name, String arguments) {}
