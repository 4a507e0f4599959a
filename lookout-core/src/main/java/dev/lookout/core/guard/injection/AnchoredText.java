package dev.lookout.core.guard.injection;

import java.util.Arrays;

/**
 * A text with the positions of its adjacent char pairs, so that many short anchors are found in it
 * without one scan of the whole text per anchor. The phrase signals look for more than 140 anchors
 * in each window of a prompt, and one scan for each cost more than building this index once.
 */
final class AnchoredText {
  private static final int BUCKETS = 1024;

  private final String text;

  /** The first position of each bucket's char pairs, or -1. Built on first use. */
  private int[] first;

  /** The next position, ascending, whose char pair falls in the same bucket, or -1. */
  private int[] next;

  AnchoredText(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** Returns the start of the first occurrence of {@code anchor}, or -1 when there is none. */
  int indexOf(String anchor) {
    if (anchor.length() < 2) {
      return text.indexOf(anchor);
    }
    if (first == null) {
      index();
    }
    return advance(anchor, first[bucket(anchor.charAt(0), anchor.charAt(1))]);
  }

  /** Returns the start of the next occurrence of {@code anchor} after {@code at}, or -1. */
  int indexOf(String anchor, int at) {
    if (anchor.length() < 2) {
      return text.indexOf(anchor, at + 1);
    }
    return advance(anchor, next[at]);
  }

  boolean contains(String anchor) {
    return indexOf(anchor) >= 0;
  }

  private int advance(String anchor, int at) {
    while (at >= 0 && !text.startsWith(anchor, at)) {
      at = next[at];
    }
    return at;
  }

  private void index() {
    first = new int[BUCKETS];
    Arrays.fill(first, -1);
    next = new int[Math.max(text.length(), 1)];
    for (int at = text.length() - 2; at >= 0; at--) {
      int bucket = bucket(text.charAt(at), text.charAt(at + 1));
      next[at] = first[bucket];
      first[bucket] = at;
    }
  }

  private static int bucket(char a, char b) {
    return (a * 31 + b) & (BUCKETS - 1);
  }
}
