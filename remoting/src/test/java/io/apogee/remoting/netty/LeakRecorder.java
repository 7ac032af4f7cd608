package io.apogee.remoting.netty;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects Netty's "LEAK:" reports so a test can assert that no buffer was left unreleased. */
public final class LeakRecorder extends AppenderBase<ILoggingEvent> {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getFormattedMessage().contains("LEAK")) {
            LEAKS.add(event.getFormattedMessage());
        }
    }

    public static List<String> leaks() {
        return List.copyOf(LEAKS);
    }
}
