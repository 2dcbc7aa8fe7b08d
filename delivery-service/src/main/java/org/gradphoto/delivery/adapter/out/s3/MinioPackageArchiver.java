package org.gradphoto.delivery.adapter.out.s3;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.PackageArchiver;
import org.gradphoto.delivery.domain.PackageEntry;
import org.gradphoto.delivery.domain.PackagePlan;

/**
 * Writes the package ZIP straight into storage: photos are fetched a few at a time ahead of the
 * writer, checked against the SHA-256 recorded when they were pinned, and stored uncompressed
 * (JPEGs do not shrink); the ZIP flows through a bounded pipe into a multipart upload. Memory use
 * does not depend on the number of photos.
 */
@ApplicationScoped
class MinioPackageArchiver implements PackageArchiver {
  private static final int PART_SIZE = 5 * 1024 * 1024;
  private static final int CHUNK = 256 * 1024;

  private final MinioClients s3;
  private final Blocking blocking;
  private final int parallelism;
  private final ExecutorService fetchers;
  private final ExecutorService uploader;

  MinioPackageArchiver(
      MinioClients s3,
      Blocking blocking,
      @ConfigProperty(name = "gradphoto.delivery.package-fetch-parallelism", defaultValue = "8")
          int parallelism) {
    this.s3 = s3;
    this.blocking = blocking;
    this.parallelism = parallelism;
    this.fetchers = Executors.newFixedThreadPool(parallelism, r -> daemon(r, "package-fetch"));
    this.uploader = Executors.newCachedThreadPool(r -> daemon(r, "package-upload"));
  }

  @Override
  public Uni<Archived> archive(PackagePlan plan, Lease lease) {
    return blocking.call(() -> write(plan, lease));
  }

  @Override
  public Uni<Void> discard(String objectKey) {
    return blocking.call(
        () -> {
          removeQuietly(s3.config.packagesBucket(), objectKey);
          return null;
        });
  }

  /** Blocking: builds and uploads the whole package, or fails and leaves no object behind. */
  Archived write(PackagePlan plan, Lease lease) {
    s3.ready();
    String bucket = s3.config.packagesBucket();
    ChunkPipe pipe = new ChunkPipe(CHUNK, 8);
    Future<?> upload =
        uploader.submit(
            () -> {
              try {
                s3.client.putObject(
                    PutObjectArgs.builder().bucket(bucket).object(plan.objectKey()).stream(
                            pipe.source(), -1L, (long) PART_SIZE)
                        .contentType("application/zip")
                        .build());
                return null;
              } finally {
                pipe.stopReading();
              }
            });
    MessageDigest sha = sha256();
    Counting counting = new Counting(pipe.sink());
    try {
      ZipOutputStream zip =
          new ZipOutputStream(
              new BufferedOutputStream(new DigestOutputStream(counting, sha), 64 * 1024));
      writePhotos(zip, plan.entries(), lease);
      lease.stillHeld();
      writeManifests(zip, plan);
      zip.close();
      upload.get();
    } catch (Exception e) {
      pipe.fail(e);
      upload.cancel(true);
      removeQuietly(bucket, plan.objectKey());
      if (e instanceof LeaseLost lost) {
        throw lost;
      }
      throw new IllegalStateException("package " + plan.pkg().packageId() + " not written", e);
    }
    return new Archived(counting.count, HexFormat.of().formatHex(sha.digest()));
  }

  private void writePhotos(ZipOutputStream zip, List<PackageEntry> entries, Lease lease)
      throws IOException, InterruptedException, ExecutionException {
    Deque<Future<byte[]>> ahead = new ArrayDeque<>();
    int next = 0;
    int window = parallelism * 2;
    for (PackageEntry entry : entries) {
      lease.stillHeld();
      while (next < entries.size() && ahead.size() < window) {
        PackageEntry e = entries.get(next++);
        ahead.add(fetchers.submit(() -> fetch(e)));
      }
      byte[] bytes = ahead.removeFirst().get();
      if (!entry.sha256().equals(HexFormat.of().formatHex(sha256().digest(bytes)))) {
        throw new IllegalStateException(
            "pinned photo of collection " + entry.collectionId() + " changed since completion");
      }
      stored(zip, "photos/" + entry.fileName(), bytes);
    }
  }

  private void writeManifests(ZipOutputStream zip, PackagePlan plan) throws IOException {
    List<List<String>> manifest = plan.entries().stream().map(ManifestFiles::row).toList();
    List<List<String>> missing = plan.missing().stream().map(ManifestFiles::row).toList();
    deflated(zip, "manifest.csv", ManifestFiles.csv(ManifestFiles.MANIFEST_HEADER, manifest));
    deflated(zip, "manifest.xlsx", ManifestFiles.xlsx(manifest, missing));
    deflated(zip, "missing.csv", ManifestFiles.csv(ManifestFiles.MISSING_HEADER, missing));
  }

  private byte[] fetch(PackageEntry e) throws Exception {
    try (GetObjectResponse in =
        s3.client.getObject(
            GetObjectArgs.builder()
                .bucket(s3.config.packagesBucket())
                .object(e.objectKey())
                .build())) {
      return in.readAllBytes();
    }
  }

  private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  private static void deflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private void removeQuietly(String bucket, String key) {
    try {
      s3.client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (Exception ignored) {
      // Nothing was stored, or it is gone already.
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @PreDestroy
  void stop() {
    fetchers.shutdownNow();
    uploader.shutdownNow();
  }

  /** Counts the bytes of the ZIP as they go out. */
  private static final class Counting extends java.io.FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
