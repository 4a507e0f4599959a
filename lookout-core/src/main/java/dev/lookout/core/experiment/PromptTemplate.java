package dev.lookout.core.experiment;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a variant's template: each {@code {{name}}} (spaces inside the braces allowed) is
 * replaced by the variable's value. Example: {@code "Answer in {{lang}}."} with {@code lang=French}
 * renders {@code "Answer in French."}.
 */
public final class PromptTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  private PromptTemplate() {}

  /**
   * Returns the rendered text.
   *
   * @throws IllegalArgumentException if a placeholder has no variable; the message names it
   */
  public static String render(String template, Map<String, String> variables) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = variables.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "Template variable '"
                + name
                + "' has no value; send it in the x-lookout-variables header or the request's"
                + " metadata, known variables: "
                + new java.util.TreeSet<>(variables.keySet()));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
