package dev.opensessions.adapters.persistence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Brings the TypeScript era's {@code session-order.json} (a JSON array of names, or
 * {@code {"order":[...],"hidden":[...]}}) into the session order store, once per tmux server and only
 * while that store holds no order.
 */
public final class SessionOrderFileImport {

    static final String IMPORT_NAME = "session-order.json";
    // The real file lists a few dozen names; anything this large is not that file.
    static final long MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final SessionOrderStore store;
    private final ImportLedger ledger;

    public SessionOrderFileImport(Path file, SessionOrderStore store, ImportLedger ledger) {
        this.file = Objects.requireNonNull(file, "file");
        this.store = Objects.requireNonNull(store, "store");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * Imports the file when due. A missing, unreadable or malformed file changes nothing.
     *
     * @throws dev.opensessions.application.port.out.StoreException when the store or ledger fails
     */
    public ImportOutcome run() {
        if (ledger.isDone(IMPORT_NAME)) {
            return new ImportOutcome.NothingToImport(file + " was already imported for this tmux server");
        }
        if (!store.load().equals(SessionOrder.empty())) {
            return new ImportOutcome.NothingToImport("a session order is already stored; " + file + " is ignored");
        }
        if (!Files.exists(file)) {
            return new ImportOutcome.NothingToImport("there is no " + file);
        }
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new ImportOutcome.Unreadable(file + " is larger than " + MAX_BYTES + " bytes");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException malformed) {
            return new ImportOutcome.Unreadable(file + " is not valid JSON: " + malformed.getOriginalMessage());
        } catch (IOException failure) {
            return new ImportOutcome.Unreadable("cannot read " + file + ": " + failure);
        }
        return importFrom(root);
    }

    private ImportOutcome importFrom(JsonNode root) {
        JsonNode order;
        JsonNode hidden;
        if (root != null && root.isArray()) {
            order = root;
            hidden = JSON.createArrayNode();
        } else if (root != null && root.isObject()) {
            order = root.path("order");
            hidden = root.path("hidden");
        } else {
            return unexpectedShape();
        }
        if (!(order.isArray() || order.isMissingNode()) || !(hidden.isArray() || hidden.isMissingNode())) {
            return unexpectedShape();
        }
        List<SessionName> orderNames = new ArrayList<>();
        List<SessionName> hiddenNames = new ArrayList<>();
        int skipped = collect(order, orderNames) + collect(hidden, hiddenNames);
        SessionOrder imported = new SessionOrder(orderNames, Set.copyOf(hiddenNames));
        store.save(imported);
        ledger.markDone(IMPORT_NAME);
        return new ImportOutcome.Imported(imported.order().size(), imported.hidden().size(), skipped);
    }

    private ImportOutcome unexpectedShape() {
        return new ImportOutcome.Unreadable(file + " holds neither a JSON array of session names nor"
                + " {\"order\": [...], \"hidden\": [...]}");
    }

    /** Adds the valid session names, returning how many entries were skipped. */
    private static int collect(JsonNode names, List<SessionName> into) {
        int skipped = 0;
        for (JsonNode name : names) {
            if (name.isTextual() && isSessionName(name.textValue())) {
                into.add(SessionName.of(name.textValue()));
            } else {
                skipped++;
            }
        }
        return skipped;
    }

    private static boolean isSessionName(String text) {
        try {
            SessionName.of(text);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
