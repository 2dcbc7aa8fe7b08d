package org.gradphoto.delivery.adapter.out.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A bounded pipe between the thread writing a ZIP and the thread uploading it: at most {@code
 * depth} chunks are in flight, so memory stays flat however large the ZIP grows. A writer that
 * fails makes the reader fail too, never see a clean end of stream (which would store a truncated
 * package).
 */
final class ChunkPipe {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> queue;
  private final int chunkSize;
  private volatile Throwable writerFailure;
  private volatile boolean readerGone;

  ChunkPipe(int chunkSize, int depth) {
    this.chunkSize = chunkSize;
    this.queue = new ArrayBlockingQueue<>(depth);
  }

  /** Marks the writing side failed; the reader throws instead of ending cleanly. */
  void fail(Throwable cause) {
    writerFailure = cause;
    queue.clear();
    queue.offer(END);
  }

  /** The uploader stopped (done or failed): a blocked writer gives up instead of waiting. */
  void stopReading() {
    readerGone = true;
    queue.clear();
  }

  OutputStream sink() {
    return new OutputStream() {
      private byte[] buf = new byte[chunkSize];
      private int len;

      @Override
      public void write(int b) throws IOException {
        if (len == buf.length) {
          flushChunk();
        }
        buf[len++] = (byte) b;
      }

      @Override
      public void write(byte[] b, int off, int n) throws IOException {
        while (n > 0) {
          if (len == buf.length) {
            flushChunk();
          }
          int k = Math.min(n, buf.length - len);
          System.arraycopy(b, off, buf, len, k);
          len += k;
          off += k;
          n -= k;
        }
      }

      private void flushChunk() throws IOException {
        put(len == buf.length ? buf : java.util.Arrays.copyOf(buf, len));
        buf = new byte[chunkSize];
        len = 0;
      }

      @Override
      public void close() throws IOException {
        if (len > 0) {
          flushChunk();
        }
        put(END);
      }
    };
  }

  InputStream source() {
    return new InputStream() {
      private byte[] chunk;
      private int pos;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
          return 0;
        }
        while (!ended && (chunk == null || pos == chunk.length)) {
          try {
            chunk = queue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("upload interrupted");
          }
          pos = 0;
          if (chunk == END) {
            ended = true;
          }
        }
        if (writerFailure != null) {
          throw new IOException("the package writer failed", writerFailure);
        }
        if (ended) {
          return -1;
        }
        int k = Math.min(n, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, k);
        pos += k;
        return k;
      }

      @Override
      public void close() {
        stopReading();
      }
    };
  }

  private void put(byte[] chunk) throws IOException {
    try {
      while (!queue.offer(chunk, 200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (readerGone) {
          throw new IOException("the upload stopped reading");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("package writing interrupted");
    }
  }
}
