package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.store.payload.CaptureMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadConfigTest {
  @TempDir Path dir;

  private PayloadConfig load(String yaml, Map<String, String> env, ServeOptions flags)
      throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    flags.config = file;
    return new ConfigLoader(env).load(flags).payloads();
  }

  private PayloadConfig load(String yaml) throws Exception {
    return load(yaml, Map.of(), new ServeOptions());
  }

  @Test
  void defaultIsRedactedLocal() throws Exception {
    PayloadConfig config = load("");

    assertThat(config.capture().mode()).isEqualTo(CaptureMode.REDACTED);
    assertThat(config.capture().sampleRate()).isEqualTo(1.0);
    assertThat(config.s3()).isNull();
    assertThat(config.retention().active()).isFalse();
  }

  @Test
  void unquotedOffIsOff() throws Exception {
    assertThat(load("capture:\n  mode: off\n").capture().mode()).isEqualTo(CaptureMode.OFF);
  }

  @Test
  void flagBeatsFileAndEnv() throws Exception {
    ServeOptions flags = new ServeOptions();
    flags.capture = "full";
    flags.captureSampleRate = 0.25;
    PayloadConfig config =
        load(
            "capture:\n  mode: off\n  sample_rate: 0.5\n", Map.of("LOOKOUT_CAPTURE", "off"), flags);

    assertThat(config.capture().mode()).isEqualTo(CaptureMode.FULL);
    assertThat(config.capture().sampleRate()).isEqualTo(0.25);
  }

  @Test
  void envBeatsFile() throws Exception {
    PayloadConfig config =
        load("capture:\n  mode: off\n", Map.of("LOOKOUT_CAPTURE", "full"), new ServeOptions());

    assertThat(config.capture().mode()).isEqualTo(CaptureMode.FULL);
  }

  @Test
  void templateOverrideApplies() throws Exception {
    PayloadConfig config =
        load("capture:\n  mode: redacted\n  templates:\n    legal:\n      mode: off\n");

    assertThat(config.capture().decide("legal", "0193a1b2-0000-7000-8000-000000000000"))
        .isEqualTo(CaptureMode.OFF);
    assertThat(config.capture().decide("other", "0193a1b2-0000-7000-8000-000000000000"))
        .isEqualTo(CaptureMode.REDACTED);
  }

  @Test
  void s3SectionIsRead() throws Exception {
    PayloadConfig config =
        load(
            "payloads:\n  store: s3\n  endpoint: http://127.0.0.1:9000\n  bucket: b\n"
                + "  prefix: /p/\n  checksums: when_required\n");

    assertThat(config.s3().bucket()).isEqualTo("b");
    assertThat(config.s3().prefix()).isEqualTo("p");
    assertThat(config.s3().pathStyle()).isTrue();
    assertThat(config.s3().checksumsWhenRequired()).isTrue();
    assertThat(config.s3().region()).isEqualTo("us-east-1");
  }

  @Test
  void retentionPeriodsAreRead() throws Exception {
    PayloadConfig config = load("retention:\n  records: 400d\n  payloads: 30d\n");

    assertThat(config.retention().records()).isEqualTo(Duration.ofDays(400));
    assertThat(config.retention().payloads()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void invalidModeNamesSetting() {
    assertThatThrownBy(() -> load("capture:\n  mode: some\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capture.mode")
        .hasMessageContaining("some");
  }

  @Test
  void rateAboveOneIsRejected() {
    assertThatThrownBy(() -> load("capture:\n  sample_rate: 1.5\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capture.sample_rate");
  }

  @Test
  void s3WithoutBucketIsRejected() {
    assertThatThrownBy(() -> load("payloads:\n  store: s3\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payloads.bucket");
  }

  @Test
  void shortRetentionIsRejected() {
    assertThatThrownBy(() -> load("retention:\n  payloads: 2h\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention.payloads");
  }

  @Test
  void endpointWithSpacesNamesKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> load("payloads:\n  store: s3\n  bucket: b\n  endpoint: not a url\n"))
        .hasMessageContaining("payloads.endpoint must be a URL");
  }

  @Test
  void archiveToFtpRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> load("retention:\n  archive_to: ftp://x/y\n"))
        .hasMessageContaining("retention.archive_to must be a folder or s3://");
  }
}
