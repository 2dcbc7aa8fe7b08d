package org.gradphoto.review.adapter.in.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.security.Actors;
import org.gradphoto.review.application.port.in.WithdrawSubmissionUseCase;
import org.gradphoto.review.domain.CollectionState;

/** What a student asks of review (student tokens from identity-service): withdrawing a photo. */
@Path("/students/me/collections")
@RolesAllowed(Actor.STUDENT)
public class StudentResource {
  private final WithdrawSubmissionUseCase withdrawals;
  private final SecurityIdentity identity;

  StudentResource(WithdrawSubmissionUseCase withdrawals, SecurityIdentity identity) {
    this.withdrawals = withdrawals;
    this.identity = identity;
  }

  /** The answer to a withdrawal: what was taken back, and where the collection stands now. */
  public record WithdrawalView(
      UUID collectionId,
      UUID attemptId,
      Instant withdrawnAt,
      String state,
      String stateLabel,
      String nextStep) {}

  /**
   * Withdraws the photo waiting for review while no reviewer has claimed it; 409 {@code
   * ALREADY_CLAIMED} once one has, 409 {@code NOTHING_TO_WITHDRAW} when none waits.
   */
  @POST
  @Path("/{collectionId}/withdrawal")
  @WithTransaction
  public Uni<WithdrawalView> withdraw(@PathParam("collectionId") UUID collectionId) {
    UUID student = UUID.fromString(Actors.of(identity).id());
    return withdrawals
        .withdraw(student, collectionId)
        .map(
            w ->
                new WithdrawalView(
                    w.collectionId(),
                    w.attemptId(),
                    w.withdrawnAt(),
                    CollectionState.AWAITING_PHOTO.name(),
                    CollectionState.AWAITING_PHOTO.label(),
                    "照片已撤回，可以重新拍摄，或再次提交原来的照片。"));
  }
}
