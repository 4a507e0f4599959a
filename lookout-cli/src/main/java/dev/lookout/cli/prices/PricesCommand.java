package dev.lookout.cli.prices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lookout.core.pricing.LongContextPrice;
import dev.lookout.core.pricing.ModelPrice;
import dev.lookout.core.pricing.PriceTable;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lookout prices [MODEL]}: the prices a model resolves to and where they come from, or every
 * entry of the table when no model is given. Exits with status 1 when MODEL has no price.
 */
@Command(
    name = "prices",
    mixinStandardHelpOptions = true,
    description = "Show model prices in USD per million tokens and their source.")
public final class PricesCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "MODEL",
      description = "Model name as a request or response names it (default: all models).")
  String model;

  @Mixin PriceTableOptions tableOptions = new PriceTableOptions();

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.isJson(tableOptions.format);
    PriceTable table = loadTable();
    PrintWriter out = spec.commandLine().getOut();
    if (model == null) {
      printAll(table, json, out);
      return 0;
    }
    Optional<ModelPrice> price = table.find(model);
    if (price.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "No price is listed for model '"
                  + model
                  + "'; run 'lookout prices' to list the models, or add it with --prices FILE");
      return 1;
    }
    if (json) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("requested_model", model);
      fields.putAll(PriceFields.of(price.get(), table.aliasesOf(price.get().model())));
      out.println(JSON.writeValueAsString(fields));
    } else {
      out.println("requested: " + model);
      for (Map.Entry<String, Object> field :
          PriceFields.of(price.get(), table.aliasesOf(price.get().model())).entrySet()) {
        if (field.getValue() instanceof Map<?, ?> tier) {
          // The long-context tier, one indented line per price.
          out.println(field.getKey() + ":");
          for (Map.Entry<?, ?> part : tier.entrySet()) {
            out.println("  " + part.getKey() + ": " + display(part.getValue()));
          }
        } else {
          out.println(field.getKey() + ": " + display(field.getValue()));
        }
      }
    }
    out.flush();
    return 0;
  }

  private PriceTable loadTable() {
    return tableOptions.load(spec.commandLine());
  }

  private static void printAll(PriceTable table, boolean json, PrintWriter out) throws Exception {
    if (json) {
      List<Map<String, Object>> models = new ArrayList<>();
      for (ModelPrice price : table.models()) {
        models.add(PriceFields.of(price, table.aliasesOf(price.model())));
      }
      out.println(JSON.writeValueAsString(Map.of("models", models)));
      out.flush();
      return;
    }
    String row = "%-60s %-10s %10s %10s %10s %10s %10s %10s %10s  %s%n";
    out.printf(
        row,
        "MODEL",
        "PROVIDER",
        "INPUT",
        "OUTPUT",
        "CACHED",
        "WRITE_5M",
        "WRITE_1H",
        "BATCH_IN",
        "BATCH_OUT",
        "LONG_CONTEXT");
    for (ModelPrice price : table.models()) {
      out.printf(
          row,
          price.model(),
          display(price.provider()),
          plain(price.input()),
          plain(price.output()),
          plain(price.cachedInput()),
          plain(price.cacheWrite()),
          plain(price.cacheWriteOneHour()),
          plain(price.batchInput()),
          plain(price.batchOutput()),
          longContext(price.longContext()));
    }
    out.printf("%d models, USD per million tokens; '-' means not listed.%n", table.models().size());
    out.flush();
  }

  private static String longContext(LongContextPrice tier) {
    if (tier == null) {
      return "-";
    }
    return ">"
        + tier.aboveInputTokens()
        + ": "
        + plain(tier.input())
        + " / "
        + plain(tier.output());
  }

  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.toPlainString();
  }

  private static String display(Object value) {
    return value == null ? "-" : value.toString();
  }
}
