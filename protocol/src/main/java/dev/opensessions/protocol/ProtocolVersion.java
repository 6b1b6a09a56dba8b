package dev.opensessions.protocol;

/** Versions spoken on the wire. */
public final class ProtocolVersion {

    /** Bumped when a message or field changes incompatibly. */
    public static final int PROTOCOL = 1;
    /** The server's own version. */
    public static final String SERVER = "0.1.0";
    /** Body of {@code GET /version}: what launchers and scripts check for a compatible server. */
    public static final String VERSION_LINE = "opensessions-server " + SERVER + " protocol " + PROTOCOL;

    private ProtocolVersion() {
    }
}
