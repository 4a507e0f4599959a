package dev.lookout.store.payload;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3Proxy on 127.0.0.1 over an in-memory blob store, which keeps its objects across {@link
 * #stop()} and {@link #start()} so a test can simulate an outage.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "lookout-test";
  public static final String SECRET_KEY = "lookout-test-secret";
  public static final String BUCKET = "payloads";

  private final BlobStoreContext context;
  private final int port;
  private S3Proxy proxy;

  public S3ProxyServer() throws Exception {
    // The SDK's default credentials chain reads these system properties.
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    context =
        ContextBuilder.newBuilder("transient")
            .credentials(ACCESS_KEY, SECRET_KEY)
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    context.getBlobStore().createContainerInLocation(null, BUCKET);
    port = freePort();
    start();
  }

  public void start() throws Exception {
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(endpoint())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
  }

  public void stop() throws Exception {
    proxy.stop();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public BlobStore blobs() {
    return context.getBlobStore();
  }

  public S3Settings settings(String prefix) {
    return new S3Settings(
        endpoint(), "us-east-1", BUCKET, prefix, true, true, Duration.ofSeconds(2));
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
