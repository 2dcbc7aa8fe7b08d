package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Student accounts, one per WeChat openid (stored hashed for lookup and sealed). */
public interface StudentAccounts {
  Uni<UUID> findOrCreate(String openIdHash, String openIdSealed);
}
