package dev.opensessions.application.port.out;

import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionName;

import java.util.Map;

/** Keeps what scripts pushed (status pill, progress, logs, notification) per session name. */
public interface MetadataStore {

    Map<SessionName, SessionMetadata> loadAll();

    /** Replaces the session's metadata; an empty value removes it. */
    void save(SessionName session, SessionMetadata metadata);
}
