package org.gradphoto.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradphoto.engine.io.JpegWriter;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The output image and its encoding: the source resampled into the spec frame, and the JPEG with
 * the report (or the report alone when a finding blocks the output).
 */
final class Rendering {
  private Rendering() {}

  /** Output-size image: output pixel (u, v) shows source (x0 + (u + ½)/s, y0 + (v + ½)/s). */
  static Mat resample(Mat src, double s, double x0, double y0, int outW, int outH) {
    int ix0 = Standardizer.clamp((int) Math.floor(x0) - 2, 0, src.cols() - 1);
    int iy0 = Standardizer.clamp((int) Math.floor(y0) - 2, 0, src.rows() - 1);
    int ix1 = Standardizer.clamp((int) Math.ceil(x0 + outW / s) + 2, ix0 + 1, src.cols());
    int iy1 = Standardizer.clamp((int) Math.ceil(y0 + outH / s) + 2, iy0 + 1, src.rows());
    Mat crop = src.submat(iy0, iy1, ix0, ix1);
    Mat base = crop;
    double ax = 1;
    double ay = 1;
    int f = (int) Math.floor(1 / s);
    if (f >= 2) {
      // Area-average big reductions first; a plain warp would alias (moiré, false sharpness).
      Size sz =
          new Size(
              Math.max(1, Math.round(crop.cols() / (double) f)),
              Math.max(1, Math.round(crop.rows() / (double) f)));
      base = new Mat();
      Imgproc.resize(crop, base, sz, 0, 0, Imgproc.INTER_AREA);
      ax = sz.width / crop.cols();
      ay = sz.height / crop.rows();
    }
    Mat m = new Mat(2, 3, CvType.CV_64F);
    m.put(
        0,
        0,
        ax / s,
        0,
        (x0 - ix0 + 0.5 / s) * ax - 0.5,
        0,
        ay / s,
        (y0 - iy0 + 0.5 / s) * ay - 0.5);
    Mat out = new Mat();
    Imgproc.warpAffine(
        base,
        out,
        m,
        new Size(outW, outH),
        (s > 1 ? Imgproc.INTER_CUBIC : Imgproc.INTER_LINEAR) | Imgproc.WARP_INVERSE_MAP,
        Core.BORDER_REPLICATE);
    if (base != crop) {
      base.release();
    }
    crop.release();
    m.release();
    return out;
  }

  /** Output pixels whose source pixel exists. */
  static Rect validRect(Mat src, double s, double x0, double y0, int outW, int outH) {
    int u0 = Standardizer.clamp((int) Math.ceil(-x0 * s), 0, outW - 1);
    int v0 = Standardizer.clamp((int) Math.ceil(-y0 * s), 0, outH - 1);
    int u1 = Standardizer.clamp((int) Math.floor((src.cols() - x0) * s), u0 + 1, outW);
    int v1 = Standardizer.clamp((int) Math.floor((src.rows() - y0) * s), v0 + 1, outH);
    return new Rect(u0, v0, u1 - u0, v1 - v0);
  }

  /** The report alone, for a photo with a finding that blocks the output. */
  static StandardizeResult withoutPhoto(SpecProfile p, List<PhotoFinding> findings, Geometry g) {
    return new StandardizeResult(null, null, new Report(p.id(), false, g, findings, null));
  }

  static StandardizeResult encode(
      SpecProfile p,
      Mat composed,
      Cutout cutout,
      List<PhotoFinding> findings,
      Geometry g,
      Map<String, Double> metrics) {
    JpegWriter.Encoded jpeg =
        JpegWriter.encode(
            composed,
            p.dpi(),
            p.minJpegQuality(),
            (int) Math.ceil(p.fileSizeKb().min() * 1024),
            (int) Math.floor(p.fileSizeKb().max() * 1000));
    List<PhotoFinding> all = new ArrayList<>(findings);
    if (!jpeg.inWindow()) {
      all.add(
          PhotoChecks.finding(
              FindingCode.FILE_SIZE_OUT_OF_SPEC,
              Severity.WARN,
              Standardizer.round1(jpeg.bytes().length / 1024.0),
              p.fileSizeKb().toString(),
              "KB"));
    }
    metrics.put("jpegQuality", (double) jpeg.quality());
    boolean accepted = all.stream().noneMatch(f -> f.severity() == Severity.REJECT);
    Report report =
        new Report(
            p.id(),
            accepted,
            g,
            all,
            new OutputInfo(
                p.widthPx(), p.heightPx(), p.dpi(), jpeg.quality(), jpeg.bytes().length));
    return new StandardizeResult(jpeg.bytes(), cutout, report);
  }
}
