package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.record.CallRecord;
import dev.lookout.gateway.proxy.CallFinisher;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Free text a caller sends beside the prompt (metadata keys, the template header, the model name)
 * is stored and logged only after the storage redactor.
 */
class StorageRedactionTest {
  @TempDir Path data;

  private static String chatBasic() throws Exception {
    return Files.readString(SharedData.path("fixtures/openai/chat_basic.json"));
  }

  @Test
  void metadataKeysAreRedacted() throws Exception {
    try (RedactingGateway gateway = new RedactingGateway(data)) {
      gateway.upstream.respond(200, "application/json", chatBasic());

      HttpResponse<String> response =
          gateway.post(
              "{\"model\":\"gpt-4o\",\"metadata\":{\"alice@example.com\":\"x\","
                  + "\"bob@example.com\":\"y\",\"team\":\"carol@example.com\"},"
                  + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
      CallRecord record = gateway.awaitRecord();
      JsonNode stored = gateway.storedRequest();

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(record.metadata())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("[EMAIL]", "x", "[EMAIL]#2", "y", "team", "[EMAIL]"));
      assertThat(stored.path("metadata").has("[EMAIL]")).isTrue();
      assertThat(stored.path("metadata").has("[EMAIL]#2")).isTrue();
      assertThat(stored.toString()).doesNotContain("alice@example.com");
      assertThat(stored.toString()).doesNotContain("bob@example.com");
      assertThat(gateway.upstream.lastBody()).contains("alice@example.com");
    }
  }

  @Test
  void templateHeaderIsRedacted() throws Exception {
    try (RedactingGateway gateway = new RedactingGateway(data)) {
      gateway.upstream.respond(200, "application/json", chatBasic());

      gateway.post(RedactingGateway.chat(false), "x-lookout-template", "faq-alice@example.com");
      CallRecord record = gateway.awaitRecord();

      assertThat(record.promptTemplate()).isEqualTo("faq-[EMAIL]");
    }
  }

  @Test
  void templateVersionHeaderIsRedacted() throws Exception {
    try (RedactingGateway gateway = new RedactingGateway(data)) {
      gateway.upstream.respond(200, "application/json", chatBasic());

      gateway.post(
          RedactingGateway.chat(false), "x-lookout-template-version", "v1 bob@example.com");
      CallRecord record = gateway.awaitRecord();

      assertThat(record.templateVersion()).isEqualTo("v1 [EMAIL]");
    }
  }

  @Test
  void unpricedModelNameIsRedactedInRecordAndLog() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(CallFinisher.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    log.addAppender(appender);
    try (RedactingGateway gateway = new RedactingGateway(data)) {
      gateway.upstream.respond(
          200,
          "application/json",
          "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"house-dave@example.com\","
              + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
              + "\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}");

      gateway.post(
          "{\"model\":\"house-dave@example.com\","
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
      CallRecord record = gateway.awaitRecord();

      assertThat(record.model()).isEqualTo("house-[EMAIL]");
      assertThat(record.responseModel()).isEqualTo("house-[EMAIL]");
      assertThat(record.costUsd()).isNull();
      assertThat(appender.list)
          .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("'house-[EMAIL]'"));
      assertThat(appender.list)
          .allSatisfy(
              event -> assertThat(event.getFormattedMessage()).doesNotContain("dave@example.com"));
    } finally {
      log.detachAppender(appender);
    }
  }
}
