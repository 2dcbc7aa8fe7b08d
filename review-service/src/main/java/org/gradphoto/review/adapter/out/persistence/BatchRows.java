package org.gradphoto.review.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The per-batch count queries of the progress view: optionally limited to the staff's schools. */
final class BatchRows {
  private BatchRows() {}

  /**
   * Runs {@code hql} (which must use {@code :schools} when {@code schools} is not null) with the
   * given parameters and answers its rows.
   */
  static Uni<List<Object[]>> select(String hql, Set<String> schools, Map<String, Object> params) {
    return Panache.getSession()
        .chain(
            s -> {
              var q = s.createSelectionQuery(hql, Object[].class);
              params.forEach(q::setParameter);
              if (schools != null) {
                q.setParameter("schools", schools);
              }
              return q.getResultList();
            });
  }

  static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
