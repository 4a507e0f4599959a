package dev.lookout.cli.prices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.LookoutCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PricesCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  @Test
  void jsonShowsResolvedEntry() throws Exception {
    int exit = run("claude-sonnet-4-5-20250929", "--format", "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    assertThat(exit).isZero();
    assertThat(json.path("requested_model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(json.path("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(json.path("input").asText()).isEqualTo("3");
    assertThat(json.path("long_context").path("above_input_tokens").asLong()).isEqualTo(200_000);
    assertThat(json.path("source").asText()).contains("LiteLLM");
  }

  @Test
  void tableListsAllModels() {
    int exit = run();

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("groq/llama-3.3-70b-versatile");
    assertThat(out.toString()).contains("gemini-2.5-pro");
  }

  @Test
  void unknownModelFails() {
    int exit = run("gpt-5.6-sol");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("No price is listed for model 'gpt-5.6-sol'");
  }

  @Test
  void pricesFileOverridesBuiltIn() throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(
        file,
        "{\"models\": {\"gpt-4o\": {\"input\": \"1\", \"output\": \"2\", \"source\": \"us\"}}}");

    run("gpt-4o", "--prices", file.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    assertThat(json.path("input").asText()).isEqualTo("1");
    assertThat(json.path("source").asText()).isEqualTo("us");
  }

  @Test
  void tableShowsLongContextLines() {
    run("claude-sonnet-4-5");

    assertThat(out.toString()).contains("\n  above_input_tokens: 200000\n");
  }

  @Test
  void configAliasResolves() throws Exception {
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, "model_aliases:\n  prod-chat: azure/gpt-4o\n");

    run("prod-chat", "--config", config.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    assertThat(json.path("model").asText()).isEqualTo("azure/gpt-4o");
  }

  @Test
  void configPricesApply() throws Exception {
    Path prices = dir.resolve("prices.json");
    Files.writeString(prices, "{\"models\": {\"gpt-4o\": {\"input\": \"1\", \"output\": \"2\"}}}");
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, "prices: " + prices + "\n");

    run("gpt-4o", "--config", config.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    assertThat(json.path("input").asText()).isEqualTo("1");
  }

  @Test
  void missingConfigIsNamed() {
    run("gpt-4o", "--config", dir.resolve("absent.yaml").toString());

    assertThat(err.toString()).contains("absent.yaml does not exist");
  }

  @Test
  void invalidPricesFileFails() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"models\": {\"m\": {\"input\": 1, \"output\": \"2\"}}}");

    int exit = run("gpt-4o", "--prices", file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Price file " + file);
  }

  @Test
  void invalidFormatFails() {
    CommandLine command = LookoutCommand.commandLine();
    command.setErr(new PrintWriter(err, true));

    int exit = command.execute("prices", "gpt-4o", "--format", "yaml");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("lookout: --format must be table or json, got 'yaml'\n");
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new PricesCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
