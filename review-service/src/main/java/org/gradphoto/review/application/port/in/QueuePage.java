package org.gradphoto.review.application.port.in;

import java.util.List;
import org.gradphoto.review.domain.ReviewTask;

/** One page of the queue and how many tasks match in all. */
public record QueuePage(List<ReviewTask> tasks, long total) {}
