package dev.opensessions.sidebar.model;

import dev.opensessions.domain.sidebar.AgentScope;

import java.util.Objects;
import java.util.Optional;

/**
 * The per-pane state of the agents panel and the modals.
 *
 * @param focus      the panel that has the keyboard
 * @param scope      what the agents panel lists
 * @param agentIndex the selected agent row in the agents panel; clamped to the rows when used, because
 *                   the rows change with every snapshot
 * @param modal      the open modal, null when none
 * @param waits      how long the described session's agents waited for the user, null before it is asked
 */
public record PanelUi(Panel focus, AgentScope scope, int agentIndex, Modal modal, SessionWaits waits) {

    public PanelUi {
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(scope, "scope");
        if (agentIndex < 0) {
            throw new IllegalArgumentException("agentIndex < 0");
        }
    }

    public static PanelUi initial(AgentScope scope) {
        return new PanelUi(Panel.SESSIONS, scope, 0, null, null);
    }

    public Optional<Modal> openModal() {
        return Optional.ofNullable(modal);
    }

    public PanelUi withFocus(Panel value) {
        return new PanelUi(value, scope, agentIndex, modal, waits);
    }

    /** The other scope; the selection starts again at the top, since the rows are different ones. */
    public PanelUi withScopeToggled() {
        return new PanelUi(focus, scope.other(), 0, modal, waits);
    }

    public PanelUi withAgentIndex(int value) {
        return new PanelUi(focus, scope, Math.max(0, value), modal, waits);
    }

    /** Opens {@code value}, or closes the modal when it is null. */
    public PanelUi withModal(Modal value) {
        return new PanelUi(focus, scope, agentIndex, value, waits);
    }

    public PanelUi withWaits(SessionWaits value) {
        return new PanelUi(focus, scope, agentIndex, modal, value);
    }
}
