package org.gradphoto.engine;

import java.util.Optional;

/** One engine for all test classes: loading models once keeps the suite fast. */
final class EngineSupport {
  private static PhotoEngine engine;

  private EngineSupport() {}

  static synchronized PhotoEngine engine() {
    if (engine == null) {
      engine = PhotoEngine.load(2);
    }
    return engine;
  }

  static Standardizer.Outcome run(byte[] input) throws InputRejectedException {
    SpecProfile p = SpecProfile.defaultProfile();
    return engine().run(input, p, Optional.empty(), p.backgrounds().get(0));
  }
}
