package dev.lookout.cli.sim;

import dev.lookout.gateway.sim.TrafficFile;
import dev.lookout.gateway.sim.TrafficRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled demo traffic: 2000 AlpacaEval prompts with the responses of four models
 * (gpt-4o-2024-05-13, gpt-4o-mini-2024-07-18, claude-3-5-sonnet-20240620 and gpt-4-1106-preview),
 * read from the classpath resource {@value #RESOURCE}. Its README states the source, licence and
 * sampling.
 */
public final class DemoTraffic {
  public static final String RESOURCE = "/demo/traffic.jsonl";

  private DemoTraffic() {}

  /**
   * Reads every record of the bundled sample; each call reads the resource again.
   *
   * @throws IOException when the resource is missing from the jar or a line is invalid
   */
  public static List<TrafficRecord> load() throws IOException {
    InputStream in = DemoTraffic.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IOException(
          "classpath resource "
              + RESOURCE
              + " not found: the lookout-cli jar is incomplete, rebuild it with ./mvnw package");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return TrafficFile.read(reader, "classpath:" + RESOURCE);
    }
  }
}
