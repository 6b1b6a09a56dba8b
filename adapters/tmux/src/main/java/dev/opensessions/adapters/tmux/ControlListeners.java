package dev.opensessions.adapters.tmux;

import java.util.List;

/** Hands every control connection event to several listeners in order: the model first, then the others. */
record ControlListeners(List<ControlListener> listeners) implements ControlListener {

    ControlListeners {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void connected() {
        listeners.forEach(ControlListener::connected);
    }

    @Override
    public void notification(ControlEvent.Notification notification) {
        listeners.forEach(listener -> listener.notification(notification));
    }

    @Override
    public void serverExited() {
        listeners.forEach(ControlListener::serverExited);
    }
}
