package dev.opensessions.application.port.in;

/** What became of a reorder request. */
public sealed interface ReorderOutcome {

    record Reordered() implements ReorderOutcome {
    }

    /** No displayed session has that name. */
    record UnknownSession() implements ReorderOutcome {
    }
}
