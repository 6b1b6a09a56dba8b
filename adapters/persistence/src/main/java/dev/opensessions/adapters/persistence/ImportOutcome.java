package dev.opensessions.adapters.persistence;

/** What importing the legacy session-order file did; the server logs it. */
public sealed interface ImportOutcome {

    /** The file's names are now the stored order; {@code skipped} entries were not valid session names. */
    record Imported(int ordered, int hidden, int skipped) implements ImportOutcome {
    }

    /** Nothing was read or changed, for the reason given (already done, order already stored, no file). */
    record NothingToImport(String reason) implements ImportOutcome {
    }

    /** The file exists but could not be used; nothing was changed and the import will be tried again. */
    record Unreadable(String reason) implements ImportOutcome {
    }
}
