package org.gradphoto.delivery.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.delivery.application.port.in.BuildPackagesUseCase;
import org.gradphoto.delivery.application.port.in.BuildPackagesUseCase.Outcome;
import org.gradphoto.delivery.application.port.in.SchoolPackageUseCase;
import org.gradphoto.delivery.application.port.in.StudentDownloadsUseCase.DownloadLink;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.CollectionRepository;
import org.gradphoto.delivery.application.port.out.DownloadLinks;
import org.gradphoto.delivery.application.port.out.EventPublisher;
import org.gradphoto.delivery.application.port.out.IdNumbers;
import org.gradphoto.delivery.application.port.out.PackageArchiver;
import org.gradphoto.delivery.application.port.out.PackageRepository;
import org.gradphoto.delivery.application.port.out.RosterLines;
import org.gradphoto.delivery.application.port.out.UnitOfWork;
import org.gradphoto.delivery.domain.DeliveryRefusal;
import org.gradphoto.delivery.domain.DeliveryRefusal.Reason;
import org.gradphoto.delivery.domain.MissingStudent;
import org.gradphoto.delivery.domain.MissingStudents;
import org.gradphoto.delivery.domain.NamingConvention;
import org.gradphoto.delivery.domain.PackageBuild;
import org.gradphoto.delivery.domain.PackageEntry;
import org.gradphoto.delivery.domain.PackagePlan;
import org.gradphoto.delivery.domain.PackagePlanner;
import org.gradphoto.delivery.domain.PackageStatus;
import org.gradphoto.delivery.domain.RosterLine;
import org.gradphoto.delivery.domain.SchoolPackage;
import org.gradphoto.delivery.domain.StudentCollection;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.value.Ids;

/**
 * School packages: a request queues one; the packaging worker plans it (who is in, how files are
 * named), streams the ZIP to storage outside any transaction, then in one transaction marks the
 * package ready, locks its collections as delivered and emits PhotosDelivered.
 */
@ApplicationScoped
class SchoolPackageService implements SchoolPackageUseCase, BuildPackagesUseCase {
  private final CollectionRepository collections;
  private final RosterLines rosterLines;
  private final PackageRepository packages;
  private final PackageArchiver archiver;
  private final DownloadLinks links;
  private final IdNumbers idNumbers;
  private final EventPublisher events;
  private final UnitOfWork uow;
  private final Blocking blocking;
  private final Duration linkTtl;
  private final Duration lease;

  SchoolPackageService(
      CollectionRepository collections,
      RosterLines rosterLines,
      PackageRepository packages,
      PackageArchiver archiver,
      DownloadLinks links,
      IdNumbers idNumbers,
      EventPublisher events,
      UnitOfWork uow,
      Blocking blocking,
      @ConfigProperty(name = "gradphoto.delivery.package-link-ttl", defaultValue = "PT15M")
          Duration linkTtl,
      @ConfigProperty(name = "gradphoto.delivery.package-lease", defaultValue = "PT10M")
          Duration lease) {
    this.collections = collections;
    this.rosterLines = rosterLines;
    this.packages = packages;
    this.archiver = archiver;
    this.links = links;
    this.idNumbers = idNumbers;
    this.events = events;
    this.uow = uow;
    this.blocking = blocking;
    this.linkTtl = linkTtl;
    this.lease = lease;
  }

  @Override
  public Uni<SchoolPackage> request(
      Actor actor, String schoolCode, UUID batchId, NamingConvention naming) {
    requireSchool(actor, schoolCode);
    requireMayRequest(actor);
    return uow.transaction(
        () ->
            packages
                .ofBatch(schoolCode, batchId)
                .chain(
                    existing -> {
                      Optional<SchoolPackage> pending =
                          existing.stream().filter(p -> p.status().isPending()).findFirst();
                      if (pending.isPresent()) {
                        return Uni.createFrom().item(pending.get());
                      }
                      return collections
                          .ofBatch(schoolCode, batchId)
                          .chain(
                              batch -> {
                                if (batch.stream().noneMatch(c -> c.status().hasStandardPhoto())) {
                                  throw new DeliveryRefusal(Reason.NOTHING_TO_DELIVER);
                                }
                                SchoolPackage pkg =
                                    SchoolPackage.requested(
                                        Ids.newId(),
                                        schoolCode,
                                        batchId,
                                        naming,
                                        actor.id(),
                                        Instant.now());
                                return packages.save(pkg).replaceWith(pkg);
                              });
                    }));
  }

  @Override
  public Uni<SchoolPackage> get(Actor actor, UUID packageId) {
    return uow.transaction(() -> packages.find(packageId)).map(p -> visible(actor, p));
  }

  @Override
  public Uni<List<SchoolPackage>> ofBatch(Actor actor, String schoolCode, UUID batchId) {
    requireSchool(actor, schoolCode);
    return uow.transaction(() -> packages.ofBatch(schoolCode, batchId))
        .map(
            list ->
                list.stream()
                    .sorted(Comparator.comparing(SchoolPackage::requestedAt).reversed())
                    .toList());
  }

  @Override
  public Uni<DownloadLink> download(Actor actor, UUID packageId) {
    return get(actor, packageId)
        .chain(
            p -> {
              if (p.status() != PackageStatus.READY) {
                throw new DeliveryRefusal(Reason.PACKAGE_NOT_READY, Map.of("status", p.status()));
              }
              return links.link(
                  p.objectKey(), p.fileName(), p.fileName(), "application/zip", linkTtl);
            });
  }

  @Override
  public Uni<List<MissingStudent>> missing(Actor actor, String schoolCode, UUID batchId) {
    requireSchool(actor, schoolCode);
    return uow.transaction(() -> batchAndRoster(schoolCode, batchId))
        .map(b -> MissingStudents.of(b.collections(), b.roster()));
  }

  private record BatchAndRoster(List<StudentCollection> collections, List<RosterLine> roster) {}

  private Uni<BatchAndRoster> batchAndRoster(String schoolCode, UUID batchId) {
    return collections
        .ofBatch(schoolCode, batchId)
        .chain(c -> rosterLines.ofBatch(schoolCode, batchId).map(r -> new BatchAndRoster(c, r)));
  }

  @Override
  public Uni<Optional<PackageBuild>> claimNext() {
    return uow.transaction(() -> packages.claimNext(lease));
  }

  @Override
  public Uni<Outcome> build(PackageBuild build) {
    SchoolPackage pkg = build.pkg();
    Instant started = Instant.now();
    return uow.transaction(() -> batchAndRoster(pkg.schoolCode(), pkg.batchId()))
        .map(
            b ->
                PackagePlanner.plan(
                    build,
                    b.collections(),
                    b.roster(),
                    c -> idNumbers.open(c.idNumberSealed()),
                    Instant.now()))
        .chain(
            plan ->
                archiver
                    .archive(plan, new Renewal(build))
                    .chain(archived -> finish(build, plan, archived)))
        .invoke(
            outcome ->
                Log.infof(
                    "package %s build %s: %s in %d ms",
                    pkg.packageId(),
                    build.buildId(),
                    outcome,
                    Duration.between(started, Instant.now()).toMillis()))
        .onFailure()
        .recoverWithUni(e -> failed(build, e));
  }

  private Uni<Outcome> failed(PackageBuild build, Throwable e) {
    SchoolPackage pkg = build.pkg();
    if (e instanceof PackageArchiver.LeaseLost) {
      Log.warnf("package %s build %s lost its lease; stopped", pkg.packageId(), build.buildId());
      return Uni.createFrom().item(Outcome.LOST);
    }
    Log.errorf(Redacted.of(e), "package %s build %s failed", pkg.packageId(), build.buildId());
    return uow.transaction(() -> packages.settle(build, pkg.failed(e.getClass().getSimpleName())))
        .map(owned -> owned ? Outcome.FAILED : Outcome.LOST);
  }

  private Uni<Outcome> finish(
      PackageBuild build, PackagePlan plan, PackageArchiver.Archived archived) {
    Instant now = Instant.now();
    SchoolPackage pkg = build.pkg();
    List<UUID> ids = plan.entries().stream().map(PackageEntry::collectionId).toList();
    SchoolPackage ready =
        pkg.ready(
            plan.objectKey(),
            plan.fileName(),
            plan.entries().size(),
            plan.missing().size(),
            archived.sizeBytes(),
            archived.sha256(),
            now);
    // The outcome, the collections and the event in one transaction, and only for the build that
    // still holds the package: two builders never both deliver it.
    return uow.transaction(
            () ->
                packages
                    .settle(build, ready)
                    .chain(
                        owned ->
                            !owned
                                ? Uni.createFrom().item(false)
                                : collections
                                    .markDelivered(ids, pkg.packageId(), now)
                                    .chain(
                                        () ->
                                            events.photosDelivered(
                                                new PhotosDelivered(
                                                    pkg.packageId(),
                                                    pkg.schoolCode(),
                                                    pkg.batchId(),
                                                    ids,
                                                    plan.objectKey(),
                                                    now)))
                                    .replaceWith(true)))
        .chain(
            owned ->
                owned
                    ? Uni.createFrom().item(Outcome.BUILT)
                    : archiver.discard(plan.objectKey()).replaceWith(Outcome.LOST));
  }

  /**
   * Renews the build's lease from the archiving thread once a third of it has passed, so a long
   * build keeps its package and a builder that lost it stops between two photos.
   */
  private final class Renewal implements PackageArchiver.Lease {
    private final PackageBuild build;
    private Instant renewedAt = Instant.EPOCH;

    Renewal(PackageBuild build) {
      this.build = build;
    }

    @Override
    public void stillHeld() {
      Instant now = Instant.now();
      if (Duration.between(renewedAt, now).compareTo(lease.dividedBy(3)) < 0) {
        return;
      }
      boolean held = blocking.await(() -> uow.transaction(() -> packages.renew(build, lease)));
      if (!held) {
        throw new PackageArchiver.LeaseLost(
            "package " + build.pkg().packageId() + " is no longer build " + build.buildId());
      }
      renewedAt = now;
    }
  }

  /**
   * A package locks the collections it holds as delivered: a read-only school account follows and
   * downloads packages but never requests one.
   */
  private static void requireMayRequest(Actor actor) {
    if (!actor.isOperator() && !actor.is(Actor.SCHOOL_ADMIN)) {
      throw new DeliveryRefusal(Reason.READ_ONLY_ACCOUNT);
    }
  }

  private static void requireSchool(Actor actor, String schoolCode) {
    if (!actor.mayActFor(schoolCode)) {
      throw new DeliveryRefusal(Reason.SCHOOL_NOT_ALLOWED);
    }
  }

  private static SchoolPackage visible(Actor actor, Optional<SchoolPackage> p) {
    return p.filter(x -> actor.mayActFor(x.schoolCode()))
        .orElseThrow(() -> new DeliveryRefusal(Reason.PACKAGE_NOT_FOUND));
  }
}
