package dev.lookout.store.payload;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Payload store in a local folder, by default {@code <data>/payloads}: one file per call at {@code
 * YYYY-MM-DD/HH/<request_id>.json.gz}. A file is written under a temporary name and then renamed,
 * so a crash never leaves a half-written object under its key.
 */
public final class LocalPayloadStore implements PayloadStore {
  private final Path root;

  /** Opens the store in {@code root}, creating the folder when it does not exist. */
  public LocalPayloadStore(Path root) {
    this.root = root.toAbsolutePath();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new PayloadStoreException(
          "Creating the payload folder " + this.root + " failed: " + e + "; check --data", e);
    }
  }

  /** Returns the folder of payloads under a data folder. */
  public static Path folderIn(Path dataDir) {
    return dataDir.resolve("payloads");
  }

  @Override
  public void put(String key, byte[] object) {
    Path target = file(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
      Files.write(temporary, object);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new PayloadStoreException("Writing the payload " + target + " failed: " + e, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    Path file = file(key);
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PayloadStoreException("Reading the payload " + file + " failed: " + e, e);
    }
  }

  @Override
  public List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
      for (Path folder : folders) {
        try {
          days.add(LocalDate.parse(folder.getFileName().toString()));
        } catch (DateTimeParseException e) {
          // Not a day folder; retention leaves it alone.
        }
      }
    } catch (IOException e) {
      throw new PayloadStoreException("Listing the payload folder " + root + " failed: " + e, e);
    }
    days.sort(Comparator.naturalOrder());
    return days;
  }

  @Override
  public long deleteDay(LocalDate day) {
    Path folder = root.resolve(day.toString());
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    long[] deleted = {0};
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isRegularFile(path) && path.toString().endsWith(PayloadKeys.SUFFIX)) {
          deleted[0]++;
        }
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new PayloadStoreException("Deleting the payload folder " + folder + " failed: " + e, e);
    }
    return deleted[0];
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public void close() {}

  private Path file(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("Payload key '" + key + "' leaves the payload folder");
    }
    return file;
  }
}
