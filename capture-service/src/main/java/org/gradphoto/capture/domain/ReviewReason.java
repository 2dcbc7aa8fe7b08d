package org.gradphoto.capture.domain;

/** Why a reviewer rejected the submitted photo: a code and the sentence the student reads. */
public record ReviewReason(String code, String message) {}
