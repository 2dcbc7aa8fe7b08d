package org.gradphoto.review.domain;

/** A reason as given on one decision: its code and the sentence the student reads. */
public record GivenReason(String code, String message) {}
