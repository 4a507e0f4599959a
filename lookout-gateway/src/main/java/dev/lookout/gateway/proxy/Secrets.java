package dev.lookout.gateway.proxy;

import java.util.regex.Pattern;

/**
 * Removes API keys from text that Lookout stores or logs, such as an upstream error message that
 * quotes the key it rejected.
 */
public final class Secrets {
  /** OpenAI and Anthropic key shapes ({@code sk-...}, {@code sk-ant-...}) and bearer tokens. */
  private static final Pattern KEY =
      Pattern.compile("(?i)(sk-[A-Za-z0-9_\\-*]{6,}|bearer\\s+[A-Za-z0-9._\\-~+/]{6,}=*)");

  private Secrets() {}

  /** Returns {@code text} with every key-like token replaced by {@code [REDACTED_KEY]}. */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    return KEY.matcher(text).replaceAll("[REDACTED_KEY]");
  }
}
