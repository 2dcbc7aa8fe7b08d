package org.gradphoto.review.application.port.out;

import java.util.List;
import org.gradphoto.review.domain.SpecWindows;

/** The spec profiles' geometry windows, as data. */
public interface SpecProfiles {
  /** The named profile, or the default profile when the id is unknown. */
  SpecWindows windows(String profileId);

  List<SpecWindows> all();
}
