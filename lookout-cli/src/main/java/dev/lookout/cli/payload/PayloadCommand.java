package dev.lookout.cli.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.StoreOptions;
import dev.lookout.cli.gateway.GatewayApiClient;
import dev.lookout.cli.gateway.TokenOption;
import dev.lookout.cli.serve.GatewayDiscovery;
import dev.lookout.store.payload.Payload;
import dev.lookout.store.payload.PayloadKeys;
import dev.lookout.store.payload.PayloadStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lookout payload REQUEST_ID}: prints the stored request and response bodies of one call as
 * JSON. Asks the running gateway when there is one, else reads the payload store itself.
 */
@Command(
    name = "payload",
    mixinStandardHelpOptions = true,
    description = "Print the stored request and response bodies of one call as JSON.")
public final class PayloadCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "REQUEST_ID", description = "The call's x-lookout-request-id.")
  String requestId;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description = "Ask this running gateway instead of reading the payload store.")
  String gateway;

  @Mixin StoreOptions store = new StoreOptions();

  @Mixin TokenOption token = new TokenOption();

  @Override
  public Integer call() throws Exception {
    PayloadKeys.of(requestId);
    ServeConfig config = gateway == null ? store.load() : null;
    Optional<String> url =
        gateway != null ? Optional.of(gateway) : GatewayDiscovery.find(config.dataDir());
    JsonNode payload =
        url.isPresent()
            ? new GatewayApiClient(url.get(), token.credential(store.config))
                .getJson(
                    "/api/v1/calls/" + requestId + "/payload",
                    "the payload of request " + requestId)
            : read(config);
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(payload));
    return 0;
  }

  private JsonNode read(ServeConfig config) {
    StoreOptions.quietStoreLogs();
    try (PayloadStore payloads =
        config.payloads().openStore(StoreOptions.existingDataDir(config))) {
      return payloads
          .get(PayloadKeys.of(requestId))
          .map(Payload::decode)
          .map(Payload::toJson)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "No payload is stored for request "
                          + requestId
                          + " in "
                          + payloads.location()
                          + "; its call was not captured (capture off or sampled out), its"
                          + " payload was dropped or failed to store, or retention deleted it"));
    }
  }
}
