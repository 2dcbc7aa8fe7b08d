package org.gradphoto.engine.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * The three models, loaded once from the jar. OpenCV {@link Net}s are not thread-safe, so each
 * caller borrows a {@link Models} set from a small pool ({@link #borrow()}), created lazily up to
 * {@code poolSize} sets; extra callers wait.
 */
public final class Vision {
  private static final String DIR = "/org/gradphoto/engine/models/";

  private final byte[] detector;
  private final byte[] landmarks;
  private final byte[] segmenter;
  private final BlockingQueue<Models> idle;
  private final AtomicInteger created = new AtomicInteger();
  private final int poolSize;

  /** One thread's set of networks. */
  public final class Models implements AutoCloseable {
    private final FaceDetector faceDetector;
    private final FaceLandmarker faceLandmarker;
    private final PersonSegmenter personSegmenter;

    private Models() {
      faceDetector = new FaceDetector(net(detector));
      faceLandmarker = new FaceLandmarker(net(landmarks));
      personSegmenter = new PersonSegmenter(net(segmenter));
    }

    public List<FaceBox> detectFaces(Mat bgr) {
      return faceDetector.detect(bgr);
    }

    public FaceMesh landmarks(Mat bgr, FaceBox face) {
      return faceLandmarker.landmarks(bgr, face);
    }

    /** Person probability at 256×256 for the whole of {@code bgr}. */
    public Mat personMask(Mat bgr) {
      return personSegmenter.segment(bgr);
    }

    /** Returns the set to the pool. */
    @Override
    public void close() {
      idle.offer(this);
    }
  }

  public Vision(int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1");
    }
    this.poolSize = poolSize;
    this.idle = new ArrayBlockingQueue<>(poolSize);
    this.detector = resource("face_detection_full_range.tflite");
    this.landmarks = resource("face_landmark.tflite");
    this.segmenter = resource("selfie_segmentation.tflite");
    idle.add(new Models()); // fail fast if a model does not load
    created.set(1);
  }

  /** A model set for the calling thread; close it to give it back. */
  public Models borrow() {
    Models m = idle.poll();
    if (m != null) {
      return m;
    }
    if (created.incrementAndGet() <= poolSize) {
      return new Models();
    }
    created.decrementAndGet();
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a model set", e);
    }
  }

  private static Net net(byte[] model) {
    MatOfByte buf = new MatOfByte(model);
    Net net = Dnn.readNetFromTFLite(buf);
    buf.release();
    if (net.empty()) {
      throw new IllegalStateException("model did not load");
    }
    return net;
  }

  private static byte[] resource(String name) {
    try (InputStream in = Vision.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("model " + name + " missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
