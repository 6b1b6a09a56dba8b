package dev.opensessions.adapters.tmux;

/** What the control connection reports: a (re)attached client, each notification, and the end of the tmux server. */
public interface ControlListener {

    /** A control client is attached and ready for commands (the first time and after every reconnect). */
    void connected();

    /** A notification line; called on the reader thread, so it must not wait for a command reply. */
    void notification(ControlEvent.Notification notification);

    /** The tmux server is gone; no reconnect follows. */
    void serverExited();
}
