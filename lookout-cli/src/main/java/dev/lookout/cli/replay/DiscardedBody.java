package dev.lookout.cli.replay;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read to the end and discarded, except for its size and its last bytes, which tell
 * whether a stream ended with {@code data: [DONE]}.
 *
 * @param bytes body size in bytes
 * @param tail the last {@value #TAIL_BYTES} bytes at most, decoded as UTF-8
 */
record DiscardedBody(long bytes, String tail) {
  static final int TAIL_BYTES = 64;

  /** Returns a body handler that reads every byte and keeps only the tail. */
  static HttpResponse.BodyHandler<DiscardedBody> handler() {
    return responseInfo -> new TailSubscriber();
  }

  boolean endsWithDone() {
    return tail.strip().endsWith("data: [DONE]");
  }

  private static final class TailSubscriber implements HttpResponse.BodySubscriber<DiscardedBody> {
    private final CompletableFuture<DiscardedBody> result = new CompletableFuture<>();
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
          tail[(int) (bytes % TAIL_BYTES)] = buffer.get();
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
      // The first kept byte may fall inside a multi-byte character; UTF-8 decoding replaces it.
      result.complete(new DiscardedBody(bytes, new String(ordered, StandardCharsets.UTF_8)));
    }
  }
}
