package org.gradphoto.identity.domain;

import java.text.Normalizer;

/** How names are compared: full-width forms folded, spaces and middle dots ignored. */
public final class Names {
  private Names() {}

  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
    return n.replaceAll("[\\s·•・.]", "");
  }

  public static boolean same(String a, String b) {
    String x = normalise(a);
    return !x.isEmpty() && x.equals(normalise(b));
  }
}
