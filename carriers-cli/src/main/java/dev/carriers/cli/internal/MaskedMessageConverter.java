package dev.carriers.cli.internal;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import dev.carriers.DatabaseUrl;

/**
 * Logback converter {@code %maskedMessage}: the log message and its stack trace with every password
 * in a URL masked ({@link DatabaseUrl#mask}), so that no library's log line can print one.
 *
 * <p>Stateless; thread-safe. Logback instantiates it from {@code logback.xml}.
 */
public final class MaskedMessageConverter extends ThrowableHandlingConverter {

  /** Creates the converter; logback calls this. */
  public MaskedMessageConverter() {
  }

  @Override
  public String convert(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      text.append(CoreConstants.LINE_SEPARATOR).append(ThrowableProxyUtil.asString(throwable));
    }
    return DatabaseUrl.mask(text.toString());
  }
}
