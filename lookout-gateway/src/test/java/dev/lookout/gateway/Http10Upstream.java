package dev.lookout.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider on 127.0.0.1 that replies to every request in HTTP/1.0, as Python's {@code
 * http.server} does: the body has no length and no chunks, so only the connection's close ends it.
 * A client therefore reads that close as a clean end of the response.
 */
final class Http10Upstream implements AutoCloseable {
  private final ServerSocket server;
  private final String contentType;
  private final byte[] body;
  private final int pieceBytes;
  private final long gapMillis;
  private final boolean endless;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private Http10Upstream(
      String contentType, String body, int pieceBytes, long gapMillis, boolean endless)
      throws IOException {
    this.contentType = contentType;
    this.body = body.getBytes(StandardCharsets.UTF_8);
    this.pieceBytes = pieceBytes;
    this.gapMillis = gapMillis;
    this.endless = endless;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept, "http10-upstream-accept").start();
  }

  /**
   * Starts a provider whose event stream never ends: each response writes {@code event} every
   * {@code gapMillis} ms until the client closes the connection.
   */
  static Http10Upstream endlessStream(String event, long gapMillis) throws IOException {
    int eventBytes = event.getBytes(StandardCharsets.UTF_8).length;
    return new Http10Upstream("text/event-stream", event, eventBytes, gapMillis, true);
  }

  /**
   * Starts a provider whose responses write {@code body} as {@code contentType} in pieces of {@code
   * pieceBytes} bytes, one every {@code gapMillis} ms, and then close the connection.
   */
  static Http10Upstream slowBody(String contentType, String body, int pieceBytes, long gapMillis)
      throws IOException {
    return new Http10Upstream(contentType, body, pieceBytes, gapMillis, false);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        daemon(() -> respond(socket), "http10-upstream-response").start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void respond(Socket socket) {
    try (socket) {
      skipRequest(socket);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.0 200 OK\r\ncontent-type: " + contentType + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      do {
        for (int from = 0; from < body.length; from += pieceBytes) {
          out.write(body, from, Math.min(pieceBytes, body.length - from));
          out.flush();
          Thread.sleep(gapMillis);
        }
      } while (endless);
    } catch (IOException e) {
      // The gateway closed the connection: the response is over.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  /** Reads the request's head and its body of Content-Length bytes. */
  private static void skipRequest(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    long length = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring("content-length:".length()).trim());
      }
    }
    // The bodies here are ASCII JSON, so characters and bytes count alike.
    while (length > 0 && in.read() >= 0) {
      length--;
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
