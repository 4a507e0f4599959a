package dev.lookout.cli.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read to the end and discarded, except for its size, its first bytes, which hold
 * an error body's code, and its last bytes, which tell whether a stream ended with {@code data:
 * [DONE]}.
 *
 * @param bytes body size in bytes
 * @param head the first {@value #HEAD_BYTES} bytes at most, decoded as UTF-8
 * @param tail the last {@value #TAIL_BYTES} bytes at most, decoded as UTF-8
 */
record DiscardedBody(long bytes, String head, String tail) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final int HEAD_BYTES = 512;
  static final int TAIL_BYTES = 64;

  /** Returns a body handler that reads every byte and keeps only the tail. */
  static HttpResponse.BodyHandler<DiscardedBody> handler() {
    return responseInfo -> new TailSubscriber();
  }

  boolean endsWithDone() {
    return tail.strip().endsWith("data: [DONE]");
  }

  /**
   * Returns the {@code error.code} of an OpenAI-style error body, such as {@code input_blocked}, or
   * null when the first {@value #HEAD_BYTES} bytes hold none. The head is read token by token, so a
   * body cut inside a long message still gives a code that comes before the cut.
   */
  String errorCode() {
    try (JsonParser parser = JSON.createParser(head)) {
      int depth = 0;
      boolean inError = false;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
          inError = inError && depth >= 2;
        } else if (token == JsonToken.FIELD_NAME && depth == 1) {
          inError = parser.currentName().equals("error");
        } else if (token == JsonToken.FIELD_NAME
            && depth == 2
            && inError
            && parser.currentName().equals("code")) {
          return parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
      }
    } catch (IOException e) {
      // Not JSON, or cut before the code: there is no code to show.
    }
    return null;
  }

  private static final class TailSubscriber implements HttpResponse.BodySubscriber<DiscardedBody> {
    private final CompletableFuture<DiscardedBody> result = new CompletableFuture<>();
    private final byte[] head = new byte[HEAD_BYTES];
    private final byte[] tail = new byte[TAIL_BYTES];
    private long bytes;

    @Override
    public CompletionStage<DiscardedBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        while (buffer.hasRemaining()) {
          byte value = buffer.get();
          if (bytes < HEAD_BYTES) {
            head[(int) bytes] = value;
          }
          tail[(int) (bytes % TAIL_BYTES)] = value;
          bytes++;
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      int kept = (int) Math.min(bytes, TAIL_BYTES);
      byte[] ordered = new byte[kept];
      for (int i = 0; i < kept; i++) {
        ordered[i] = tail[(int) ((bytes - kept + i) % TAIL_BYTES)];
      }
      // A cut may fall inside a multi-byte character; UTF-8 decoding replaces it.
      String start = new String(head, 0, (int) Math.min(bytes, HEAD_BYTES), StandardCharsets.UTF_8);
      result.complete(new DiscardedBody(bytes, start, new String(ordered, StandardCharsets.UTF_8)));
    }
  }
}
