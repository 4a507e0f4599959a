package dev.lookout.cli.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lookout tokens count --model M [FILE|-]}: prints the token count of a plain text, or of a
 * chat request when the input is a JSON object with a {@code messages} array (messages and tool
 * definitions, as OpenAI counts {@code prompt_tokens}).
 */
@Command(
    name = "count",
    mixinStandardHelpOptions = true,
    description = "Print the token count of a text or of a chat request JSON.")
public final class TokensCountCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STDIN = "-";

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "Model whose tokenizer to use (o200k_base for models it cannot place).")
  String model;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "File to count, or - for standard input (default: -).")
  String file = STDIN;

  /** Standard input, replaceable in tests. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    String text = read();
    TokenCounter counter = TokenCounter.create();
    JsonNode request = chatRequest(text);
    int count =
        request != null ? counter.countChatRequest(model, request) : counter.countText(model, text);
    spec.commandLine().getOut().println(count);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private String read() throws IOException {
    if (file.equals(STDIN)) {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "FILE: file not found: " + file);
    }
  }

  /** Returns {@code text} parsed as a chat request, or null when it is not one. */
  private static JsonNode chatRequest(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(trimmed);
      return node != null && node.path("messages").isArray() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
