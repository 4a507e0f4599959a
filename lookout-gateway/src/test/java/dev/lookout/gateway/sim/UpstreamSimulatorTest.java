package dev.lookout.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.tokens.TokenCounter;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UpstreamSimulatorTest {
  static final String MODEL = "gpt-4o-mini";
  static final List<TrafficRecord> RECORDS =
      List.of(
          TrafficRecord.of(
              "Name three primary colours.",
              "Red, blue and yellow are the three primary colours of paint.",
              "gpt-4o-2024-05-13"),
          TrafficRecord.of(
              "Write a haiku about the sea.",
              "Grey waves fold and break\nsalt wind over the harbour\ngulls argue, then rest",
              "claude-3-5-sonnet-20240620"),
          TrafficRecord.of("Say hi.", "Hi! \uD83D\uDE00 How can I help?", null),
          TrafficRecord.of(
              "Name three primary colours.",
              "Cyan, magenta and yellow are the primaries of printing inks.",
              "claude-3-5-sonnet-20240620"));

  static Vertx vertx;
  static UpstreamSimulator simulator;
  static SimClient client;
  static TokenCounter counter = TokenCounter.create();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    simulator =
        UpstreamSimulator.start(vertx, SimulatorSettings.defaults().withTiming(0, 0), RECORDS)
            .await();
    client = new SimClient(simulator.baseUrl());
  }

  @AfterAll
  static void stop() {
    simulator.close().await();
    vertx.close().await();
  }

  @Test
  void chatReturnsRecordedResponse() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions", SimClient.chatBody(MODEL, "Name three primary colours."));
    JsonNode body = SimClient.json(response);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.at("/object").asText()).isEqualTo("chat.completion");
    assertThat(body.at("/model").asText()).isEqualTo(MODEL);
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo(RECORDS.get(0).response());
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void chatAnswersWithModelsOwnRecord() throws Exception {
    String request =
        SimClient.chatBody("claude-3-5-sonnet-20240620", "Name three primary colours.");
    JsonNode body = SimClient.json(client.post("/v1/chat/completions", request));

    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo(RECORDS.get(3).response());
  }

  @Test
  void chatAnswersUndatedModelWithSnapshot() throws Exception {
    String request = SimClient.chatBody("azure/claude-3-5-sonnet", "Name three primary colours.");
    JsonNode body = SimClient.json(client.post("/v1/chat/completions", request));

    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo(RECORDS.get(3).response());
  }

  @Test
  void chatUsageMatchesTokenCounter() throws Exception {
    String request = SimClient.chatBody(MODEL, "Write a haiku about the sea.");
    JsonNode usage = SimClient.json(client.post("/v1/chat/completions", request)).get("usage");
    JsonNode messages = SimClient.MAPPER.readTree(request).get("messages");
    int promptTokens = counter.countChatPrompt(MODEL, messages);
    int completionTokens = counter.countText(MODEL, RECORDS.get(1).response());

    assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(promptTokens);
    assertThat(usage.get("completion_tokens").asInt()).isEqualTo(completionTokens);
    assertThat(usage.get("total_tokens").asInt()).isEqualTo(promptTokens + completionTokens);
  }

  @Test
  void unknownPromptPicksStableRecord() throws Exception {
    String request = SimClient.chatBody(MODEL, "A prompt that no record has.");
    String first =
        SimClient.json(client.post("/v1/chat/completions", request))
            .at("/choices/0/message/content")
            .asText();
    String second =
        SimClient.json(client.post("/v1/chat/completions", request))
            .at("/choices/0/message/content")
            .asText();

    assertThat(first).isEqualTo(second);
    assertThat(RECORDS).extracting(TrafficRecord::response).contains(first);
  }

  @Test
  void streamReassemblesResponse() throws Exception {
    String request = streamRequest("Write a haiku about the sea.", false);
    HttpResponse<String> response = client.post("/v1/chat/completions", request);
    List<String> events = SimClient.eventData(response.body());

    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(chatText(events)).isEqualTo(RECORDS.get(1).response());
    assertThat(events).last().isEqualTo("[DONE]");
  }

  @Test
  void streamStartsWithRoleAndEndsWithStop() throws Exception {
    List<String> events =
        SimClient.eventData(
            client.post("/v1/chat/completions", streamRequest("Say hi.", false)).body());
    JsonNode first = SimClient.MAPPER.readTree(events.get(0));
    JsonNode finish = SimClient.MAPPER.readTree(events.get(events.size() - 2));

    assertThat(first.at("/object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(chatText(events)).isEqualTo(RECORDS.get(2).response());
  }

  @Test
  void streamOmitsUsageByDefault() throws Exception {
    List<String> events =
        SimClient.eventData(
            client.post("/v1/chat/completions", streamRequest("Say hi.", false)).body());

    assertThat(events).noneMatch(data -> data.contains("\"usage\""));
  }

  @Test
  void streamSendsUsageWhenRequested() throws Exception {
    String request = streamRequest("Name three primary colours.", true);
    List<String> events = SimClient.eventData(client.post("/v1/chat/completions", request).body());
    JsonNode usageChunk = SimClient.MAPPER.readTree(events.get(events.size() - 2));
    JsonNode messages = SimClient.MAPPER.readTree(request).get("messages");

    assertThat(usageChunk.get("choices")).isEmpty();
    assertThat(usageChunk.at("/usage/prompt_tokens").asInt())
        .isEqualTo(counter.countChatPrompt(MODEL, messages));
    assertThat(usageChunk.at("/usage/completion_tokens").asInt())
        .isEqualTo(counter.countText(MODEL, RECORDS.get(0).response()));
    assertThat(chatText(events)).isEqualTo(RECORDS.get(0).response());
    assertThat(events).last().isEqualTo("[DONE]");
  }

  @Test
  void legacyCompletionReturnsText() throws Exception {
    String request = "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Say hi.\"}";
    JsonNode body = SimClient.json(client.post("/v1/completions", request));

    assertThat(body.at("/object").asText()).isEqualTo("text_completion");
    assertThat(body.at("/choices/0/text").asText()).isEqualTo(RECORDS.get(2).response());
    assertThat(body.at("/usage/prompt_tokens").asInt())
        .isEqualTo(counter.countText("gpt-3.5-turbo-instruct", "Say hi."));
  }

  @Test
  void legacyStreamReassemblesText() throws Exception {
    String request =
        "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Say hi.\",\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true}}";
    List<String> events = SimClient.eventData(client.post("/v1/completions", request).body());
    StringBuilder text = new StringBuilder();
    for (String data : events.subList(0, events.size() - 2)) {
      text.append(SimClient.MAPPER.readTree(data).at("/choices/0/text").asText());
    }
    JsonNode usageChunk = SimClient.MAPPER.readTree(events.get(events.size() - 2));

    assertThat(text.toString()).isEqualTo(RECORDS.get(2).response());
    assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isPositive();
    assertThat(events).last().isEqualTo("[DONE]");
  }

  @Test
  void modelsListsRecordModels() throws Exception {
    JsonNode body = SimClient.json(client.get("/v1/models"));

    assertThat(body.get("data"))
        .extracting(model -> model.get("id").asText())
        .containsExactly("claude-3-5-sonnet-20240620", "gpt-4o-2024-05-13");
  }

  @Test
  void unknownModelIs404() throws Exception {
    HttpResponse<String> response = client.get("/v1/models/no-such-model");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(SimClient.json(response).at("/error/param").asText()).isEqualTo("model");
  }

  @Test
  void unknownPathIs404() throws Exception {
    assertThat(client.post("/v1/nothing", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void malformedJsonIs400() throws Exception {
    HttpResponse<String> response = client.post("/v1/chat/completions", "{\"model\": ");
    JsonNode error = SimClient.json(response).get("error");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("message").asText()).startsWith("Invalid JSON");
  }

  @Test
  void missingModelIs400() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(response).at("/error/param").asText()).isEqualTo("model");
  }

  @Test
  void missingMessagesIs400() throws Exception {
    HttpResponse<String> response = client.post("/v1/chat/completions", "{\"model\":\"gpt-4o\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(response).at("/error/param").asText()).isEqualTo("messages");
  }

  @Test
  void statusHeaderInjectsError() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions",
            SimClient.chatBody(MODEL, "Say hi."),
            Map.of("x-sim-status", "429"));
    JsonNode error = SimClient.json(response).get("error");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(error.get("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(response.headers().firstValue("retry-after")).hasValue("1");
  }

  @Test
  void serverErrorHasServerErrorType() throws Exception {
    HttpResponse<String> response =
        client.post("/v1/embeddings", "{}", Map.of("x-sim-status", "500"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(SimClient.json(response).at("/error/type").asText()).isEqualTo("server_error");
  }

  @Test
  void invalidHeaderIs400() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions",
            SimClient.chatBody(MODEL, "Say hi."),
            Map.of("x-sim-ttft-ms", "-5"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(response).at("/error/param").asText()).isEqualTo("x-sim-ttft-ms");
  }

  @Test
  void chunkIntervalKeepsStreamWhole() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions",
            streamRequest("Write a haiku about the sea.", false),
            Map.of("x-sim-chunk-interval-ms", "1"));
    List<String> events = SimClient.eventData(response.body());

    assertThat(chatText(events)).isEqualTo(RECORDS.get(1).response());
    assertThat(events).last().isEqualTo("[DONE]");
  }

  @Test
  void negativeChunkIntervalIs400() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions",
            streamRequest("Say hi.", false),
            Map.of("x-sim-chunk-interval-ms", "-1"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(response).at("/error/param").asText())
        .isEqualTo("x-sim-chunk-interval-ms");
  }

  @Test
  void delayHeaderDelaysAnswer() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions",
            SimClient.chatBody(MODEL, "Say hi."),
            Map.of("x-sim-delay-ms", "200"));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
  }

  @Test
  void ttftHeaderDelaysFirstChunk() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions",
            streamRequest("Say hi.", false),
            Map.of("x-sim-ttft-ms", "150", "x-sim-tokens-per-second", "1000"));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(chatText(SimClient.eventData(response.body()))).isEqualTo(RECORDS.get(2).response());
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
  }

  @Test
  void anyAuthorizationIsAccepted() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1/chat/completions",
            SimClient.chatBody(MODEL, "Say hi."),
            Map.of("authorization", "Basic bm90LWEta2V5"));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static String streamRequest(String prompt, boolean includeUsage) throws Exception {
    ObjectNode request = (ObjectNode) SimClient.MAPPER.readTree(SimClient.chatBody(MODEL, prompt));
    request.put("stream", true);
    if (includeUsage) {
      request.putObject("stream_options").put("include_usage", true);
    }
    return request.toString();
  }

  /** Joins the delta contents of the chunks, skipping [DONE]. */
  static String chatText(List<String> events) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String data : events) {
      if (!data.equals("[DONE]")) {
        text.append(SimClient.MAPPER.readTree(data).at("/choices/0/delta/content").asText());
      }
    }
    return text.toString();
  }
}
