package dev.lookout.core.guard.pii.tagger;

import dev.lookout.core.guard.pii.PiiType;

/**
 * Token labels in the BIO scheme: {@code B_} starts an entity, {@code I_} continues the entity of
 * the token before, and {@link #O} is outside every entity.
 */
enum Tag {
  O(null),
  B_PERSON(PiiType.PERSON),
  I_PERSON(PiiType.PERSON),
  B_ADDRESS(PiiType.ADDRESS),
  I_ADDRESS(PiiType.ADDRESS),
  B_LOCATION(PiiType.LOCATION),
  I_LOCATION(PiiType.LOCATION);

  static final Tag[] ALL = values();

  private final PiiType type;

  Tag(PiiType type) {
    this.type = type;
  }

  /** Returns the entity type, or {@code null} for {@link #O}. */
  PiiType type() {
    return type;
  }

  boolean begins() {
    return name().startsWith("B_");
  }

  boolean continues() {
    return name().startsWith("I_");
  }

  static Tag begin(PiiType type) {
    return valueOf("B_" + type.name());
  }

  static Tag inside(PiiType type) {
    return valueOf("I_" + type.name());
  }
}
