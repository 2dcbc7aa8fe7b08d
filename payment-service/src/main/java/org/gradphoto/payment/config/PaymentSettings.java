package org.gradphoto.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long orders wait, and how the order is described on the payer's WeChat bill. */
@ConfigMapping(prefix = "gradphoto.payment")
public interface PaymentSettings {

  /** An unpaid order is closed this long after it was created (also its WeChat time_expire). */
  @WithDefault("PT30M")
  Duration closeUnpaidAfter();

  /** An unpaid order is queried at WeChat Pay once it is this old (late or lost notifications). */
  @WithDefault("PT2M")
  Duration reconcileAfter();

  /** Prefix of the order description shown on the payer's bill, followed by the batch name. */
  @WithDefault("毕业证照采集")
  String description();
}
