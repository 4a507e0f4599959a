package dev.lookout.cli.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokensCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  @Test
  void countsChatRequestFile() throws Exception {
    Path file = dir.resolve("request.json");
    Files.writeString(
        file,
        "{\"messages\": [{\"role\": \"user\", \"content\": \"What is 4200 + 42?\"}],"
            + " \"model\": \"gpt-4o\"}");

    int exit = run(null, "count", "--model", "gpt-4o", file.toString());

    // OpenAI reported prompt_tokens 16 for this request (recorded chat_basic response).
    assertThat(exit).isZero();
    assertThat(out.toString().strip()).isEqualTo("16");
  }

  @Test
  void countsAnthropicSystemPrompt() throws Exception {
    Path file = dir.resolve("messages.json");
    Files.writeString(
        file,
        "{\"system\": \"Answer in one word.\","
            + " \"messages\": [{\"role\": \"user\", \"content\": \"What is 4200 + 42?\"}]}");
    // The same prompt as chat messages: 16 for the user message, 3 + 1 + 5 for the system one.
    run(null, "count", "--model", "gpt-4o", file.toString());

    assertThat(out.toString().strip()).isEqualTo("25");
  }

  @Test
  void countsPlainTextFromStdin() {
    int exit = run("hello world", "count", "--model", "gpt-4o", "-");

    // o200k_base encodes "hello world" as "hello" and " world".
    assertThat(exit).isZero();
    assertThat(out.toString().strip()).isEqualTo("2");
  }

  @Test
  void jsonWithoutMessagesCountsAsText() {
    int exit = run("{\"a\": 1}", "count", "--model", "gpt-4o");

    assertThat(exit).isZero();
    assertThat(Integer.parseInt(out.toString().strip())).isGreaterThan(0);
  }

  @Test
  void missingFileFails() {
    int exit = run(null, "count", "--model", "gpt-4o", dir.resolve("none.txt").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist; pass a text file");
  }

  @Test
  void folderFails() {
    run(null, "count", "--model", "gpt-4o", dir.toString());

    assertThat(err.toString()).contains("is a folder; pass a text file");
  }

  @Test
  void binaryFileFails() throws Exception {
    Path binary = dir.resolve("blob.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    run(null, "count", "--model", "gpt-4o", binary.toString());

    assertThat(err.toString()).contains("is not valid UTF-8");
  }

  private int run(String stdin, String... args) {
    TokensCountCommand count = new TokensCountCommand();
    if (stdin != null) {
      count.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == TokensCountCommand.class
                ? type.cast(count)
                : CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine command = new CommandLine(new TokensCommand(), factory);
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
