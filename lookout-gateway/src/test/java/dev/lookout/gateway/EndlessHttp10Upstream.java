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
 * A provider on 127.0.0.1 that replies to every request with an HTTP/1.0 event stream that never
 * ends, as Python's {@code http.server} does: the body has no length and no chunks, so only the
 * connection's close ends it. A client therefore reads that close as a clean end of the response.
 */
final class EndlessHttp10Upstream implements AutoCloseable {
  private final ServerSocket server;
  private final String event;
  private final long gapMillis;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** Starts serving; each response writes {@code event} every {@code gapMillis} ms. */
  EndlessHttp10Upstream(String event, long gapMillis) throws IOException {
    this.event = event;
    this.gapMillis = gapMillis;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept, "endless-upstream-accept").start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        daemon(() -> respond(socket), "endless-upstream-stream").start();
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
          "HTTP/1.0 200 OK\r\ncontent-type: text/event-stream\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
      while (true) {
        out.write(bytes);
        out.flush();
        Thread.sleep(gapMillis);
      }
    } catch (IOException e) {
      // The gateway closed the connection: the stream is over.
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
