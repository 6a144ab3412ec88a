package dev.weft.conformance.cpython;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the loop's default exception handler logs, for as long as this is open: CPython's tests patch
 * {@code asyncio.base_events.logger}; Weft's default handler logs through {@code System.Logger} {@code dev.weft}, which
 * the JDK backs with {@code java.util.logging}, so a handler on that logger sees each record.
 */
final class EventsLogRecords extends Handler implements AutoCloseable {
    /** Held strongly: java.util.logging keeps its loggers only weakly. */
    private static final Logger LOGGER = Logger.getLogger("dev.weft");

    private final List<LogRecord> records = new ArrayList<>();

    EventsLogRecords() {
        LOGGER.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** The records so far, oldest first. */
    synchronized List<LogRecord> records() {
        return new ArrayList<>(records);
    }

    /** The last record: what CPython's {@code log.error.assert_called_with} looks at. */
    synchronized LogRecord last() {
        if (records.isEmpty()) {
            throw new AssertionError("nothing was logged");
        }
        return records.get(records.size() - 1);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
