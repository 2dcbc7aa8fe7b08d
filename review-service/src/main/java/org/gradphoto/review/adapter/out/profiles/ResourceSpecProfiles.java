package org.gradphoto.review.adapter.out.profiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.gradphoto.review.application.port.out.SpecProfiles;
import org.gradphoto.review.domain.SpecWindows;

/**
 * The spec profiles' geometry windows from {@code spec-profiles.json} on the class path (the same
 * figures as the photo engine's profiles; the first entry is the default profile).
 */
@ApplicationScoped
class ResourceSpecProfiles implements SpecProfiles {
  private final List<SpecWindows> profiles;

  ResourceSpecProfiles() {
    try (InputStream in =
        ResourceSpecProfiles.class.getClassLoader().getResourceAsStream("spec-profiles.json")) {
      if (in == null) {
        throw new IllegalStateException("spec-profiles.json is missing from the class path");
      }
      profiles =
          List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<SpecWindows>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SpecWindows windows(String profileId) {
    return profiles.stream()
        .filter(p -> p.id().equals(profileId))
        .findFirst()
        .orElse(profiles.get(0));
  }

  @Override
  public List<SpecWindows> all() {
    return profiles;
  }
}
