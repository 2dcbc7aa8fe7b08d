package org.gradphoto.review.application.port.in;

import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.ReviewTask;
import org.gradphoto.review.domain.SpecWindows;

/** A task with what a reviewer needs beside it: its collection and the spec windows to draw. */
public record TaskDetails(ReviewTask task, CollectionReview collection, SpecWindows profile) {}
