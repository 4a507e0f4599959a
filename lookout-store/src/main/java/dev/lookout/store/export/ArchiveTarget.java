package dev.lookout.store.export;

import dev.lookout.store.StoreException;
import dev.lookout.store.payload.S3PayloadStore;
import dev.lookout.store.payload.S3Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Destination of exported files: a local folder or an S3 prefix. Files keep their paths relative to
 * the export folder, for example {@code date=2026-12-04/data_0.parquet}.
 */
public interface ArchiveTarget {

  /** Returns whether the target has files under {@code relativeFolder} already. */
  boolean has(String relativeFolder);

  /** Copies {@code files}, relative to {@code folder}, to the target under the same paths. */
  void put(Path folder, List<Path> files);

  /** Returns the target for messages, for example {@code s3://bucket/prefix}. */
  String location();

  /**
   * Returns the target of {@code text}: {@code s3://bucket/prefix}, with the endpoint and client
   * settings of {@code s3}, or a local folder.
   *
   * @param s3 endpoint, region, path style and checksum settings, or null for AWS defaults
   */
  static ArchiveTarget of(String text, S3Settings s3) {
    if (!text.startsWith("s3://")) {
      return new FolderTarget(Path.of(text));
    }
    String location = text.substring("s3://".length());
    int slash = location.indexOf('/');
    String bucket = slash < 0 ? location : location.substring(0, slash);
    String prefix = slash < 0 ? "" : location.substring(slash + 1);
    return new S3Target(
        new S3Settings(
            s3 == null ? null : s3.endpoint(),
            s3 == null ? "us-east-1" : s3.region(),
            bucket,
            prefix,
            s3 != null && s3.pathStyle(),
            s3 != null && s3.checksumsWhenRequired(),
            S3Settings.DEFAULT_CALL_TIMEOUT.multipliedBy(6)));
  }

  /** A local folder. */
  record FolderTarget(Path root) implements ArchiveTarget {
    @Override
    public boolean has(String relativeFolder) {
      return Files.isDirectory(root.resolve(relativeFolder));
    }

    @Override
    public void put(Path folder, List<Path> files) {
      try {
        for (Path file : files) {
          Path target = root.resolve(file.toString());
          Files.createDirectories(target.getParent());
          Files.copy(folder.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new StoreException("Copying the export to " + root + " failed: " + e, e);
      }
    }

    @Override
    public String location() {
      return root.toAbsolutePath().toString();
    }
  }

  /** An S3 prefix. */
  record S3Target(S3Settings settings) implements ArchiveTarget {
    @Override
    public boolean has(String relativeFolder) {
      try (S3Client client = S3PayloadStore.newClient(settings)) {
        return client
            .listObjectsV2(
                request ->
                    request.bucket(settings.bucket()).prefix(key(relativeFolder) + "/").maxKeys(1))
            .hasContents();
      } catch (SdkException e) {
        throw new StoreException("Listing " + location() + " failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void put(Path folder, List<Path> files) {
      try (S3Client client = S3PayloadStore.newClient(settings)) {
        for (Path file : files) {
          String key = key(file.toString().replace('\\', '/'));
          client.putObject(
              request -> request.bucket(settings.bucket()).key(key),
              RequestBody.fromFile(folder.resolve(file)));
        }
      } catch (SdkException e) {
        throw new StoreException("Uploading the export to " + location() + " failed: " + e, e);
      }
    }

    @Override
    public String location() {
      return "s3://"
          + settings.bucket()
          + (settings.prefix().isEmpty() ? "" : "/" + settings.prefix());
    }

    private String key(String relative) {
      return settings.prefix().isEmpty() ? relative : settings.prefix() + "/" + relative;
    }
  }
}
