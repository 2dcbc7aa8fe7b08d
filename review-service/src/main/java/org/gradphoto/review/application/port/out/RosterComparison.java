package org.gradphoto.review.application.port.out;

import io.smallrye.mutiny.Uni;
import org.gradphoto.review.domain.Comparison;
import org.gradphoto.review.domain.Roster;
import org.gradphoto.review.domain.Submission;

/**
 * The information comparison after a pass (信息比对): checks the passed submission against the roster
 * record. The default adapter compares what the two events say; another adapter could ask an
 * external registry.
 */
public interface RosterComparison {
  Uni<Comparison> compare(Roster roster, Submission submission);
}
