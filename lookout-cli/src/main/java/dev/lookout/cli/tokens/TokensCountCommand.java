package dev.lookout.cli.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.input.InputFile;
import dev.lookout.core.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  /** Largest file counted: 1 GiB, within the 2 GB that one Java string can hold as Latin-1. */
  private static final long MAX_BYTES = 1L << 30;

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
    int count;
    if (request == null) {
      count = counter.countText(model, text);
    } else if (request.has("system")) {
      // Only Anthropic's Messages API puts the system prompt beside the messages.
      count = counter.countMessagesRequest(model, request);
    } else {
      count = counter.countChatRequest(model, request);
    }
    spec.commandLine().getOut().println(count);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private String read() throws IOException {
    if (file.equals(STDIN)) {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path path = Path.of(file);
    String expected = "a text file or a chat request JSON file";
    try {
      InputFile.requireFile("FILE", path, expected);
      // Files.readString reads at most 2 GB and fails past that with an unclear error.
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new IllegalArgumentException(
            "FILE "
                + path.toAbsolutePath()
                + " has "
                + size
                + " bytes, more than "
                + MAX_BYTES
                + " this command counts; split it and add the counts");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), InputFile.readFailed("FILE", path, e).getMessage());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
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
