package dev.lookout.gateway;

import dev.lookout.store.payload.CaptureMode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests against a {@link RedactingGateway} that stores payloads in full, so the stored response is
 * exactly what the output guards let through to the client.
 */
abstract class FullCaptureGatewayTest {
  @TempDir Path data;
  RedactingGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new RedactingGateway(data, CaptureMode.FULL);
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }
}
