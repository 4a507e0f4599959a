package dev.lookout.store.payload;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Payload store in an S3 bucket or any S3-compatible service (MinIO, Ceph, R2, S3Proxy), through
 * the AWS SDK v2 with its URL-connection HTTP client. Objects are {@code
 * <prefix>/YYYY-MM-DD/HH/<request_id>.json.gz} with content encoding gzip.
 */
public final class S3PayloadStore implements PayloadStore {
  /** Max keys per DeleteObjects call, fixed by the S3 API. */
  private static final int MAX_DELETE_KEYS = 1000;

  private static final int NOT_IMPLEMENTED = 501;

  private final S3Settings settings;
  private final S3Client client;

  /** Creates the client; nothing is sent until the first call. */
  public S3PayloadStore(S3Settings settings) {
    this.settings = settings;
    this.client = newClient(settings);
  }

  /** Returns an S3 client for {@code settings}; the caller closes it. */
  public static S3Client newClient(S3Settings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .forcePathStyle(settings.pathStyle())
            .overrideConfiguration(
                config ->
                    config
                        .apiCallTimeout(settings.callTimeout())
                        .apiCallAttemptTimeout(settings.callTimeout()));
    if (settings.checksumsWhenRequired()) {
      builder
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  @Override
  public void put(String key, byte[] object) {
    String objectKey = settings.objectKey(key);
    try {
      client.putObject(
          request ->
              request
                  .bucket(settings.bucket())
                  .key(objectKey)
                  .contentType("application/json")
                  .contentEncoding("gzip"),
          RequestBody.fromBytes(object));
    } catch (SdkException e) {
      throw failure("Uploading", objectKey, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    String objectKey = settings.objectKey(key);
    try {
      ResponseBytes<GetObjectResponse> bytes =
          client.getObjectAsBytes(request -> request.bucket(settings.bucket()).key(objectKey));
      return Optional.of(bytes.asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("Downloading", objectKey, e);
    }
  }

  @Override
  public List<LocalDate> days() {
    String dayPrefix = settings.objectKey("");
    List<LocalDate> days = new ArrayList<>();
    try {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder()
              .bucket(settings.bucket())
              .prefix(dayPrefix)
              .delimiter("/")
              .build();
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
        for (CommonPrefix common : page.commonPrefixes()) {
          String name = common.prefix().substring(dayPrefix.length());
          name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
          try {
            days.add(LocalDate.parse(name));
          } catch (DateTimeParseException e) {
            // Not a day prefix; retention leaves it alone.
          }
        }
      }
    } catch (SdkException e) {
      throw failure("Listing", dayPrefix, e);
    }
    days.sort(null);
    return days;
  }

  @Override
  public long deleteDay(LocalDate day) {
    String dayPrefix = settings.objectKey(day + "/");
    long deleted = 0;
    try {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(dayPrefix).build();
      List<ObjectIdentifier> batch = new ArrayList<>();
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
        for (S3Object object : page.contents()) {
          batch.add(ObjectIdentifier.builder().key(object.key()).build());
          if (batch.size() == MAX_DELETE_KEYS) {
            deleted += delete(batch);
          }
        }
      }
      deleted += delete(batch);
    } catch (SdkException e) {
      throw failure("Deleting", dayPrefix, e);
    }
    return deleted;
  }

  private long delete(List<ObjectIdentifier> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    List<ObjectIdentifier> keys = List.copyOf(batch);
    batch.clear();
    try {
      client.deleteObjects(
          request ->
              request.bucket(settings.bucket()).delete(Delete.builder().objects(keys).build()));
    } catch (S3Exception e) {
      if (e.statusCode() != NOT_IMPLEMENTED) {
        throw e;
      }
      // Some S3-compatible services (S3Proxy 2.6.0) reject the checksum header the SDK sends with
      // DeleteObjects, so fall back to one DeleteObject per key.
      for (ObjectIdentifier key : keys) {
        client.deleteObject(request -> request.bucket(settings.bucket()).key(key.key()));
      }
    }
    return keys.size();
  }

  @Override
  public String location() {
    return "s3://"
        + settings.bucket()
        + (settings.prefix().isEmpty() ? "" : "/" + settings.prefix());
  }

  @Override
  public void close() {
    client.close();
  }

  private PayloadStoreException failure(String action, String objectKey, SdkException e) {
    return new PayloadStoreException(
        action
            + " s3://"
            + settings.bucket()
            + "/"
            + objectKey
            + " failed: "
            + e.getMessage()
            + "; check payloads.endpoint, payloads.bucket and the AWS credentials",
        e);
  }
}
