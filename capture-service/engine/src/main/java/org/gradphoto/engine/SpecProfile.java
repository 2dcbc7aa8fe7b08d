package org.gradphoto.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A photo specification as data: output size and density, allowed background colours, geometry
 * windows (output pixels from the top edge) and the file-size window. Profiles ship as JSON
 * resources; see {@link #named(String)}.
 *
 * @param id stable name, e.g. {@code chsi-graduation}
 * @param title human-readable name
 * @param widthPx output width
 * @param heightPx output height
 * @param dpi written into the JPEG's JFIF density
 * @param backgrounds allowed background colours; the first is the default
 * @param headTopPx window for the top of the hair
 * @param eyeLinePx window for the eye line
 * @param faceWidthPx window for the cheek-to-cheek width
 * @param centreTolerancePx how far the face centre may sit from the horizontal middle
 * @param fileSizeKb window for the JPEG file size, in KiB (1024 bytes)
 * @param minJpegQuality lowest JPEG quality factor allowed
 */
public record SpecProfile(
    String id,
    String title,
    int widthPx,
    int heightPx,
    int dpi,
    List<BackgroundColour> backgrounds,
    Window headTopPx,
    Window eyeLinePx,
    Window faceWidthPx,
    double centreTolerancePx,
    Window fileSizeKb,
    int minJpegQuality) {

  /** Ids of the profiles shipped in the jar. */
  public static final List<String> SHIPPED =
      List.of(
          "chsi-graduation",
          "chsi-graduation-white",
          "chsi-graduation-grey",
          "one-inch",
          "small-two-inch",
          "two-inch");

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** A closed interval. */
  public record Window(double min, double max) {
    public Window {
      if (!(min <= max)) {
        throw new IllegalArgumentException("window min > max");
      }
    }

    public boolean contains(double v) {
      return v >= min && v <= max;
    }

    public double middle() {
      return (min + max) / 2;
    }

    @Override
    public String toString() {
      return fmt(min) + "–" + fmt(max);
    }

    private static String fmt(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
  }

  public SpecProfile {
    backgrounds = List.copyOf(backgrounds);
    if (id == null
        || id.isBlank()
        || widthPx < 16
        || heightPx < 16
        || widthPx > 4000
        || heightPx > 4000
        || dpi < 1
        || dpi > 65535
        || backgrounds.isEmpty()
        || minJpegQuality < 1
        || minJpegQuality > 100
        || centreTolerancePx < 0) {
      throw new IllegalArgumentException("invalid spec profile " + id);
    }
    if (headTopPx.max() >= eyeLinePx.min()
        || eyeLinePx.max() > heightPx
        || faceWidthPx.max() > widthPx) {
      throw new IllegalArgumentException("inconsistent geometry windows in profile " + id);
    }
  }

  /** The diploma electronic registration profile (480×640, light blue). */
  public static SpecProfile defaultProfile() {
    return named("chsi-graduation");
  }

  /** A profile shipped in the jar, by id (see {@link #SHIPPED}). */
  public static SpecProfile named(String id) {
    if (!SHIPPED.contains(id)) {
      throw new IllegalArgumentException("unknown profile " + id + "; shipped: " + SHIPPED);
    }
    try (InputStream in = SpecProfile.class.getResourceAsStream("profiles/" + id + ".json")) {
      return fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a profile from JSON (the shape of the shipped ones). */
  public static SpecProfile fromJson(InputStream json) throws IOException {
    return JSON.readValue(json, SpecProfile.class);
  }

  /** Reads a profile from a JSON string. */
  public static SpecProfile fromJson(String json) throws IOException {
    return JSON.readValue(json, SpecProfile.class);
  }

  /** True when the colour is one the profile allows. */
  public boolean allows(BackgroundColour colour) {
    return backgrounds.contains(colour);
  }
}
