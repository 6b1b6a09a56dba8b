package dev.opensessions.application.port.in;

/** Whether the changes a caller made are committed to the state store, so an acknowledgement may be sent. */
public sealed interface CommitOutcome {

    /** Written and committed: the change survives a crash of the server. */
    record Committed() implements CommitOutcome {
    }

    /**
     * Not stored: the change is held in memory and written once the store works again, but a crash before
     * then loses it. {@code diskFull} tells a full disk from any other failure to write.
     */
    record NotStored(boolean diskFull, String reason) implements CommitOutcome {
    }
}
