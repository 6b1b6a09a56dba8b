package dev.opensessions.protocol;

import java.util.List;

/** What scripts pushed onto a session; {@code status}, {@code progress} and {@code notification} may be null. */
public record MetadataView(StatusView status, ProgressView progress, List<LogView> logs, LogView notification) {
}
