package dev.opensessions.sidebar.runtime;

import dev.tamboui.layout.Position;
import dev.tamboui.layout.Size;
import dev.tamboui.terminal.AbstractBackend;

import java.nio.charset.StandardCharsets;

/**
 * A TamboUI backend for a terminal that lives at the other end of a socket: it only collects the ANSI
 * output of one step, which the pane session then writes in a single socket write. Input does not pass
 * through here ({@link InputDecoder} decodes the pane's bytes), and raw mode is the shim's job.
 */
final class AnsiBackend extends AbstractBackend {

    private static final String CSI = "\u001b[";

    private final StringBuilder out = new StringBuilder(4096);
    private Size size = new Size(0, 0);

    /** Everything written since the last call, as UTF-8; empty when nothing was written. */
    byte[] take() {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        return bytes;
    }

    void size(int width, int height) {
        size = new Size(width, height);
    }

    @Override
    public void writeRaw(byte[] data) {
        out.append(new String(data, StandardCharsets.UTF_8));
    }

    @Override
    public void writeRaw(String data) {
        out.append(data);
    }

    @Override
    public void writeRaw(CharSequence data) {
        out.append(data);
    }

    @Override
    public void flush() {
        // The pane session writes the collected bytes once per step.
    }

    @Override
    public void clear() {
        out.append(CSI).append("0m").append(CSI).append('H').append(CSI).append("2J");
    }

    @Override
    public Size size() {
        return size;
    }

    @Override
    public void showCursor() {
        out.append(CSI).append("?25h");
    }

    @Override
    public void hideCursor() {
        out.append(CSI).append("?25l");
    }

    @Override
    public Position getCursorPosition() {
        return new Position(0, 0);
    }

    @Override
    public void enterAlternateScreen() {
        out.append(CSI).append("?1049h");
    }

    @Override
    public void leaveAlternateScreen() {
        out.append(CSI).append("?1049l");
    }

    /**
     * Press/release (1000), drag (1002), plain motion (1003) for the list's hover highlight, and SGR
     * coordinates (1006) so wide panes report right.
     */
    @Override
    public void enableMouseCapture() {
        out.append(CSI).append("?1000h").append(CSI).append("?1002h").append(CSI).append("?1003h")
                .append(CSI).append("?1006h");
    }

    @Override
    public void disableMouseCapture() {
        out.append(CSI).append("?1006l").append(CSI).append("?1003l").append(CSI).append("?1002l")
                .append(CSI).append("?1000l");
    }

    @Override
    public void enableRawMode() {
        // The shim puts the pane's tty in raw mode; nothing to send.
    }

    @Override
    public void disableRawMode() {
        // The shim restores the pane's tty mode when it exits.
    }

    @Override
    public void onResize(Runnable handler) {
        // Sizes come from tmux through SidebarTerminalServer.resize, never from the terminal.
    }

    @Override
    public int read(int timeoutMillis) {
        return -1;
    }

    @Override
    public int peek(int timeoutMillis) {
        return -1;
    }

    @Override
    public void close() {
        out.setLength(0);
    }
}
