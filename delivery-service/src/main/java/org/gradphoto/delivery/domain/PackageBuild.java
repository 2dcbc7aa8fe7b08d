package org.gradphoto.delivery.domain;

import java.util.UUID;

/**
 * One builder's hold on a package. The build id is new for every claim: it names the ZIP this
 * builder writes, so two builders of the same package never touch each other's object, and it is
 * what the builder shows to renew its lease or record the outcome, so a builder that lost the
 * package to another cannot finish it.
 */
public record PackageBuild(SchoolPackage pkg, UUID buildId) {}
