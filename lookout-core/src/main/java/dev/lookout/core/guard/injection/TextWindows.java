package dev.lookout.core.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping windows over a text: {@code [0, window)}, {@code [stride, stride + window)}, and so
 * on, with the last window ending at the text's end so the tail is never scanned with less context
 * than {@code window} chars. A text of at most {@code window} chars is one window.
 */
final class TextWindows {
  private TextWindows() {}

  /** Returns the windows of {@code text} as {@code {start, end}} pairs. */
  static List<int[]> spans(String text, int window, int stride) {
    List<int[]> spans = new ArrayList<>();
    int length = text.length();
    if (length <= window) {
      spans.add(new int[] {0, length});
      return spans;
    }
    for (int start = 0; ; start += stride) {
      int end = Math.min(start + window, length);
      int from = end == length ? length - window : start;
      // Start after a surrogate pair's second half so no window begins with half a code point.
      if (Character.isLowSurrogate(text.charAt(from))) {
        from++;
      }
      spans.add(new int[] {from, end});
      if (end == length) {
        return spans;
      }
    }
  }
}
