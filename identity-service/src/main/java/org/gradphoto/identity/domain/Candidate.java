package org.gradphoto.identity.domain;

/** A roster entry that matched what a student typed, with its batch and school name. */
public record Candidate(RosterEntry entry, Batch batch, String schoolName) {}
