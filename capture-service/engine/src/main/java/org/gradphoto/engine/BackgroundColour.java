package org.gradphoto.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An sRGB background colour, written {@code "#64C5FF"} in profiles. */
public record BackgroundColour(int red, int green, int blue) {
  public BackgroundColour {
    if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
      throw new IllegalArgumentException("colour channels are 0–255");
    }
  }

  /** Parses {@code #RRGGBB}. */
  @JsonCreator
  public static BackgroundColour parse(String hex) {
    if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("colour must be #RRGGBB: " + hex);
    }
    int v = Integer.parseInt(hex.substring(1), 16);
    return new BackgroundColour(v >> 16, (v >> 8) & 0xff, v & 0xff);
  }

  @JsonValue
  public String hex() {
    return String.format("#%02X%02X%02X", red, green, blue);
  }
}
