package dev.lookout.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.fixtures.RecordedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Model name resolution, user price files, merging and configured aliases. */
class PriceResolutionTest {
  private static final PriceTable TABLE = PriceTable.builtIn();

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0,"
        + " bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "us.anthropic.claude-sonnet-4-20250514-v1:0, bedrock/anthropic.claude-sonnet-4-20250514-v1:0",
    "apac.anthropic.claude-haiku-4-5-20251001-v1:0,"
        + " bedrock/apac.anthropic.claude-haiku-4-5-20251001-v1:0",
    "jp.anthropic.claude-sonnet-4-5-20250929-v1:0,"
        + " bedrock/jp.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "apac.anthropic.claude-3-haiku-20240307-v1:0, bedrock/anthropic.claude-3-haiku-20240307-v1:0",
    "anthropic.claude-3-haiku-20240307-v1:0, bedrock/anthropic.claude-3-haiku-20240307-v1:0",
    "gemini/gemini-2.5-flash, gemini-2.5-flash",
    "google/gemini-2.0-flash-001, gemini-2.0-flash",
    "mistral/mistral-large-latest, mistral-large-latest",
    "deepseek/deepseek-chat, deepseek-chat",
    "xai/grok-4, grok-4",
    "command-a, command-a-03-2025",
    "azure/gpt-4o, azure/gpt-4o",
    "azure/gpt-4o-2024-05-13, azure/gpt-4o-2024-05-13",
    "azure/gpt-5-2025-08-07, azure/gpt-5",
    "together/meta-llama/Llama-3.3-70B-Instruct-Turbo,"
        + " together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo",
    "accounts/fireworks/models/llama-v3p3-70b-instruct,"
        + " fireworks_ai/accounts/fireworks/models/llama-v3p3-70b-instruct",
    "groq/llama-3.3-70b-versatile, groq/llama-3.3-70b-versatile",
    "claude-sonnet-4-5@20250929, claude-sonnet-4-5",
    "openai/ft:gpt-4.1-2025-04-14:acme::x1, ft:gpt-4.1-2025-04-14",
  })
  void resolvedNameMatches(String requested, String entry) {
    assertThat(TABLE.resolvedName(requested)).contains(entry);
  }

  @Test
  void bedrockProfileKeepsOwnPrice() {
    ModelPrice profile = TABLE.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();

    assertThat(profile.input()).isEqualByComparingTo("3.3");
  }

  @Test
  void prefixedSnapshotPrefersListedSnapshotOverUndatedEntry() throws IOException {
    Path file =
        write(
            "prices.json",
            "{\"models\": {\"azure/m\": {\"input\": \"1\", \"output\": \"1\"},"
                + " \"m-2025-01-01\": {\"input\": \"2\", \"output\": \"2\"}}}");

    assertThat(PriceTable.load(file).resolvedName("azure/m-2025-01-01")).contains("m-2025-01-01");
  }

  @Test
  void prefixedSnapshotFallsBackToUndatedEntry() throws IOException {
    Path file =
        write("prices.json", "{\"models\": {\"azure/m\": {\"input\": \"1\", \"output\": \"1\"}}}");

    assertThat(PriceTable.load(file).resolvedName("azure/m-2025-01-01")).contains("azure/m");
  }

  @Test
  void groqRouteNameWithoutPrefixIsUnknown() {
    assertThat(TABLE.find("openai/gpt-oss-120b")).isEmpty();
  }

  @Test
  void aliasResolvesDeploymentName() {
    PriceTable table = TABLE.withAliases(Map.of("prod-chat", "azure/gpt-4o"));

    assertThat(table.resolvedName("prod-chat")).contains("azure/gpt-4o");
    assertThat(table.resolvedName("azure/prod-chat")).contains("azure/gpt-4o");
  }

  @Test
  void aliasToUnknownModelIsRejected() {
    Map<String, String> aliases = Map.of("prod-chat", "azure/gpt-9");

    assertThatThrownBy(() -> TABLE.withAliases(aliases))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'prod-chat'")
        .hasMessageContaining("'azure/gpt-9'");
  }

  @Test
  void liteLlmCopyLoads() throws IOException {
    PriceTable litellm =
        PriceTable.load(RecordedFixtures.dataDir().resolve("pricing/litellm_model_prices.json"));

    assertThat(litellm.models().size()).isGreaterThan(1900);
    assertThat(litellm.find("gpt-4o").orElseThrow().input()).isEqualByComparingTo("2.5");
    assertThat(litellm.find("sample_spec")).isEmpty();
    assertThat(litellm.find("dall-e-3")).isEmpty();
    assertThat(litellm.find("gemini/gemini-2.5-pro").orElseThrow().longContext().aboveInputTokens())
        .isEqualTo(200_000);
    assertThat(litellm.find("gpt-4o-mini").orElseThrow().batchInput())
        .isEqualByComparingTo("0.075");
  }

  @Test
  void liteLlmBadPriceNamesFileAndKey() throws IOException {
    Path file =
        write(
            "litellm.json",
            "{\"my-model\": {\"mode\": \"chat\", \"litellm_provider\": \"openai\","
                + " \"input_cost_per_token\": \"cheap\", \"output_cost_per_token\": 1e-6}}");

    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'my-model'")
        .hasMessageContaining("input_cost_per_token");
  }

  @Test
  void lookoutBadPriceNamesFileAndKey() throws IOException {
    Path file = write("prices.json", "{\"models\": {\"my-model\": {\"input\": \"1\"}}}");

    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'my-model'")
        .hasMessageContaining("missing 'output'");
  }

  @Test
  void unknownFormatIsRejected() throws IOException {
    Path file = write("other.json", "{\"name\": \"not prices\"}");

    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither Lookout's format");
  }

  @Test
  void invalidJsonIsRejected() throws IOException {
    Path file = write("broken.json", "{\"models\": ");

    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void userTableOverridesBuiltIn() throws IOException {
    Path file =
        write(
            "prices.json",
            "{\"models\": {\"gpt-4\": {\"input\": \"1\", \"output\": \"2\"},"
                + " \"in-house-llm\": {\"input\": \"0.5\", \"output\": \"0.5\"}}}");

    PriceTable merged = PriceTable.load(file).mergedOver(TABLE);

    assertThat(merged.find("gpt-4").orElseThrow().input()).isEqualByComparingTo("1");
    assertThat(merged.find("gpt4").orElseThrow().input()).isEqualByComparingTo("1");
    assertThat(merged.find("in-house-llm")).isPresent();
    assertThat(merged.find("gpt-4o").orElseThrow().input()).isEqualByComparingTo("2.5");
  }

  @Test
  void mergedLiteLlmOverridesBuiltIn() throws IOException {
    Path file =
        write(
            "litellm.json",
            "{\"gpt-4o\": {\"mode\": \"chat\", \"litellm_provider\": \"openai\","
                + " \"input_cost_per_token\": 2e-6, \"output_cost_per_token\": 8e-6}}");

    PriceTable merged = PriceTable.load(file).mergedOver(TABLE);

    assertThat(merged.find("gpt-4o").orElseThrow().input()).isEqualByComparingTo("2");
    assertThat(merged.find("gpt-4o").orElseThrow().output()).isEqualByComparingTo("8");
  }

  /** Returns the built-in table with an entry whose alias is the built-in name gpt-4o. */
  private PriceTable tableWithGpt4oAlias() throws IOException {
    Path file =
        write(
            "prices.json",
            "{\"models\": {\"in-house-llm\": {\"input\": \"0.5\", \"output\": \"0.5\","
                + " \"aliases\": [\"gpt-4o\"]}}}");
    return PriceTable.load(file).mergedOver(TABLE);
  }

  @Test
  void userAliasTakesBuiltInName() throws IOException {
    assertThat(tableWithGpt4oAlias().resolvedName("gpt-4o")).contains("in-house-llm");
  }

  @Test
  void userAliasKeepsOtherBuiltIns() throws IOException {
    assertThat(tableWithGpt4oAlias().resolvedName("gpt-4o-mini")).contains("gpt-4o-mini");
  }

  @Test
  void liteLlmEntryWithoutModeIsChat() throws IOException {
    Path file =
        write(
            "litellm.json",
            "{\"in-house-llm\": {\"input_cost_per_token\": 1e-6,"
                + " \"output_cost_per_token\": 3e-6}}");

    PriceTable table = PriceTable.load(file);

    assertThat(table.find("in-house-llm").orElseThrow().output()).isEqualByComparingTo("3");
  }

  @Test
  void liteLlmHugePriceIsRejected() throws IOException {
    Path file =
        write(
            "litellm.json",
            "{\"edge\": {\"mode\": \"chat\", \"input_cost_per_token\": 5e24,"
                + " \"output_cost_per_token\": 0}}");

    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it must be between 0 and 1000000");
  }

  @Test
  void tinyExponentIsRejected() throws IOException {
    Path file =
        write(
            "prices.json",
            "{\"models\": {\"m1\": {\"input\": \"1E-2147483647\", \"output\": \"1\"}}}");

    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("with at most 24 decimal places");
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
