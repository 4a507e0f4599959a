package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.gateway.guard.GuardSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardConfigTest {
  private static final ConfigFile.Injection INJECTION_OFF =
      new ConfigFile.Injection(false, null, null);
  private static final ConfigFile.Pii PII_INPUT_OFF =
      new ConfigFile.Pii(null, "off", null, null, null, null, null);

  @Test
  void templateTurnsInputGuardsOff() {
    ConfigFile.Guards guards =
        new ConfigFile.Guards(
            null, null, Map.of("faq", new ConfigFile.Guards(INJECTION_OFF, PII_INPUT_OFF, null)));

    GuardSettings settings = GuardConfig.from(guards, Map.of());

    assertThat(settings.forTemplate("faq").input().active()).isFalse();
  }

  @Test
  void otherTemplatesKeepGlobalGuards() {
    ConfigFile.Guards guards =
        new ConfigFile.Guards(
            null, null, Map.of("faq", new ConfigFile.Guards(INJECTION_OFF, PII_INPUT_OFF, null)));

    GuardSettings settings = GuardConfig.from(guards, Map.of());

    assertThat(settings.forTemplate("support").input().active()).isTrue();
  }

  @Test
  void templateKeepsUnsetKeys() {
    ConfigFile.Injection global = new ConfigFile.Injection(true, 0.9, true);
    ConfigFile.Injection template = new ConfigFile.Injection(null, 0.7, null);

    assertThat(GuardConfig.merge(global, template))
        .isEqualTo(new ConfigFile.Injection(true, 0.7, true));
  }

  @Test
  void templatePiiNeedsGlobalPii() {
    ConfigFile.Pii globalOff = new ConfigFile.Pii(false, null, null, null, null, null, null);
    ConfigFile.Pii templateOn = new ConfigFile.Pii(true, "redact", null, null, null, null, null);
    ConfigFile.Guards guards =
        new ConfigFile.Guards(
            null, globalOff, Map.of("faq", new ConfigFile.Guards(null, templateOn, null)));

    assertThatThrownBy(() -> GuardConfig.from(guards, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("guards.templates.faq.pii");
  }

  @Test
  void nestedTemplatesAreRejected() {
    ConfigFile.Guards nested =
        new ConfigFile.Guards(null, null, Map.of("inner", new ConfigFile.Guards(null, null, null)));
    ConfigFile.Guards guards = new ConfigFile.Guards(null, null, Map.of("faq", nested));

    assertThatThrownBy(() -> GuardConfig.from(guards, Map.of()))
        .hasMessageContaining("templates cannot nest");
  }

  @Test
  void templateThresholdErrorNamesTemplateKey() {
    ConfigFile.Injection bad = new ConfigFile.Injection(null, -0.1, null);
    ConfigFile.Guards guards =
        new ConfigFile.Guards(null, null, Map.of("faq", new ConfigFile.Guards(bad, null, null)));

    assertThatThrownBy(() -> GuardConfig.from(guards, Map.of()))
        .hasMessageStartingWith("guards.templates.faq.injection.threshold");
  }

  @Test
  void templateTypeErrorNamesTemplateKey() {
    ConfigFile.Pii bad = new ConfigFile.Pii(null, null, null, null, null, List.of("X"), null);
    ConfigFile.Guards guards =
        new ConfigFile.Guards(null, null, Map.of("faq", new ConfigFile.Guards(null, bad, null)));

    assertThatThrownBy(() -> GuardConfig.from(guards, Map.of()))
        .hasMessageStartingWith("guards.templates.faq.pii.types");
  }

  @Test
  void unknownPhoneRegionNamesKey() {
    ConfigFile.Pii bad = new ConfigFile.Pii(null, null, null, null, null, null, List.of("XX"));
    ConfigFile.Guards guards = new ConfigFile.Guards(null, bad, null);

    assertThatThrownBy(() -> GuardConfig.from(guards, Map.of()))
        .hasMessageStartingWith("guards.pii.phone_regions has an unknown region 'XX'");
  }

  @Test
  void emptyPhoneRegionsAreRejected() {
    ConfigFile.Pii bad = new ConfigFile.Pii(null, null, null, null, null, null, List.of());
    ConfigFile.Guards guards = new ConfigFile.Guards(null, bad, null);

    assertThatThrownBy(() -> GuardConfig.from(guards, Map.of()))
        .hasMessageContaining("pii.phone_regions is empty");
  }

  @Test
  void templateKeepsGlobalPhoneRegions() {
    ConfigFile.Pii global = new ConfigFile.Pii(null, null, null, null, null, null, List.of("VN"));
    ConfigFile.Pii template = new ConfigFile.Pii(null, "redact", null, null, null, null, null);

    assertThat(GuardConfig.merge(global, template, "faq").phoneRegions()).containsExactly("VN");
  }

  @Test
  void storageReadsTemplatePhoneRegions() {
    ConfigFile.Pii global =
        new ConfigFile.Pii(null, "redact", null, null, null, null, List.of("US"));
    ConfigFile.Pii turkish = new ConfigFile.Pii(null, null, null, null, null, null, List.of("TR"));
    ConfigFile.Guards guards =
        new ConfigFile.Guards(
            null, global, Map.of("tr-bot", new ConfigFile.Guards(null, turkish, null)));
    GuardSettings settings = GuardConfig.from(guards, Map.of());

    assertThat(settings.storageRedactor().apply("Telefon: 0501 234 40 22"))
        .isEqualTo("Telefon: [PHONE]");
  }
}
