package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.gradphoto.identity.domain.School;
import org.gradphoto.kernel.security.Actor;

/** Schools: registered by staff, searched by name by students choosing theirs (mode A). */
public interface SchoolsUseCase {
  /** Creates the school or renames it; a school admin only for a school of their token. */
  Uni<School> register(Actor actor, School school);

  Uni<School> get(String code);

  /** Schools whose name or code contains the text, at most {@code limit}. */
  Uni<List<School>> search(String text, int limit);
}
