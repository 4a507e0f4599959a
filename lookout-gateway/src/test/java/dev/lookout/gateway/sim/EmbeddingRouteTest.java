package dev.lookout.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.tokens.TokenCounter;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingRouteTest {
  static Vertx vertx;
  static UpstreamSimulator simulator;
  static SimClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(
                vertx,
                SimulatorSettings.defaults().withTiming(0, 0),
                List.of(TrafficRecord.of("p", "r", "text-embedding-3-small")))
            .await();
    client = new SimClient(simulator.baseUrl());
  }

  @AfterAll
  static void stop() {
    simulator.close().await();
    vertx.close().await();
  }

  @Test
  void vectorHas384Dimensions() throws Exception {
    JsonNode body = embed("{\"model\":\"text-embedding-3-small\",\"input\":\"hello\"}");

    assertThat(body.at("/data/0/embedding").size()).isEqualTo(384);
  }

  @Test
  void vectorHasUnitLength() throws Exception {
    JsonNode vector =
        embed("{\"model\":\"text-embedding-3-small\",\"input\":\"hello\"}").at("/data/0/embedding");
    double sumOfSquares = 0;
    for (JsonNode component : vector) {
      sumOfSquares += component.asDouble() * component.asDouble();
    }

    assertThat(Math.sqrt(sumOfSquares)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void sameInputSameVector() throws Exception {
    String request = "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\",\"a\"]}";
    JsonNode data = embed(request).get("data");

    assertThat(data).hasSize(3);
    assertThat(data.get(0).get("embedding")).isEqualTo(data.get(2).get("embedding"));
    assertThat(data.get(0).get("embedding")).isNotEqualTo(data.get(1).get("embedding"));
    assertThat(data.get(2).get("index").asInt()).isEqualTo(2);
  }

  @Test
  void dimensionsFieldIsHonoured() throws Exception {
    JsonNode body =
        embed("{\"model\":\"text-embedding-3-small\",\"input\":\"hello\",\"dimensions\":64}");

    assertThat(body.at("/data/0/embedding").size()).isEqualTo(64);
  }

  @Test
  void base64MatchesFloats() throws Exception {
    JsonNode floats = embed("{\"model\":\"m\",\"input\":\"hello\"}").at("/data/0/embedding");
    String encoded =
        embed("{\"model\":\"m\",\"input\":\"hello\",\"encoding_format\":\"base64\"}")
            .at("/data/0/embedding")
            .asText();
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(bytes.remaining()).isEqualTo(384 * Float.BYTES);
    assertThat(bytes.getFloat(0)).isEqualTo(floats.get(0).floatValue());
  }

  @Test
  void usageCountsInputTokens() throws Exception {
    JsonNode body = embed("{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}");
    int expected = TokenCounter.create().countText("text-embedding-3-small", "hello world");

    assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(expected);
    assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(expected);
  }

  @Test
  void missingInputIs400() throws Exception {
    HttpResponse<String> response = client.post("/v1/embeddings", "{\"model\":\"m\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(response).at("/error/param").asText()).isEqualTo("input");
  }

  @Test
  void tooManyDimensionsIs400() throws Exception {
    HttpResponse<String> response =
        client.post("/v1/embeddings", "{\"model\":\"m\",\"input\":\"x\",\"dimensions\":0}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(response).at("/error/param").asText()).isEqualTo("dimensions");
  }

  private static JsonNode embed(String request) throws Exception {
    HttpResponse<String> response = client.post("/v1/embeddings", request);
    assertThat(response.statusCode()).isEqualTo(200);
    return SimClient.json(response);
  }
}
