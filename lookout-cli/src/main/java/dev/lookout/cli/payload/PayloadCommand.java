package dev.lookout.cli.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.StoreOptions;
import dev.lookout.cli.gateway.GatewayCredential;
import dev.lookout.cli.gateway.TokenOption;
import dev.lookout.cli.serve.GatewayDiscovery;
import dev.lookout.store.payload.Payload;
import dev.lookout.store.payload.PayloadKeys;
import dev.lookout.store.payload.PayloadStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        url.isPresent() ? fetch(url.get().trim(), token.credential(store.config)) : read(config);
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
                          + "; its call was not captured (capture off or sampled out), or"
                          + " retention deleted it"));
    }
  }

  private JsonNode fetch(String base, GatewayCredential credential) throws InterruptedException {
    String root = base.replaceAll("/+$", "");
    URI gatewayUri;
    try {
      gatewayUri = URI.create(root);
    } catch (IllegalArgumentException e) {
      // Not a URI at all; reported below like one without a scheme or host.
      gatewayUri = null;
    }
    if (gatewayUri == null || gatewayUri.getScheme() == null || gatewayUri.getHost() == null) {
      throw new IllegalArgumentException(
          "--gateway must be a URL such as http://127.0.0.1:8080, got '" + base + "'");
    }
    URI uri = URI.create(root + "/api/v1/calls/" + requestId + "/payload");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
    credential.authorization().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot reach the gateway at "
              + root
              + " ("
              + e
              + "); check that lookout serve runs there, or pass --data DIR",
          e);
    }
    if (response.statusCode() == 401) {
      throw credential.rejected(root);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "The gateway at " + root + " sent HTTP " + response.statusCode() + " without JSON", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalArgumentException(
          "The gateway at "
              + root
              + " has no payload for "
              + requestId
              + ": "
              + body.path("error").path("message").asText("HTTP " + response.statusCode()));
    }
    return body;
  }
}
