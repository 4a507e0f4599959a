package dev.lookout.store.export;

import java.util.Locale;

/** File format of an export. */
public enum ExportFormat {
  /** Apache Parquet, compressed with Snappy, DuckDB's default. */
  PARQUET("parquet", "parquet"),
  /** One JSON object per line. */
  JSONL("json", "json");

  private final String duckDbFormat;
  private final String extension;

  ExportFormat(String duckDbFormat, String extension) {
    this.duckDbFormat = duckDbFormat;
    this.extension = extension;
  }

  String duckDbFormat() {
    return duckDbFormat;
  }

  /** Returns the file extension DuckDB gives the files, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * Parses {@code parquet} or {@code jsonl}.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static ExportFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--format must be parquet or jsonl, got '" + text + "'", e);
    }
  }
}
