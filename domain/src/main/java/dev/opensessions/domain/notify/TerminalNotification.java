package dev.opensessions.domain.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which escape sequence asks the user's terminal for a desktop notification. Terminals differ in which they
 * understand, and some understand both, so only one is sent.
 */
public enum TerminalNotification {
    /** {@code OSC 9 ; text BEL}: iTerm2, WezTerm, Ghostty, kitty, Windows Terminal. */
    OSC9("osc9"),
    /** {@code OSC 777 ; notify ; title ; text BEL}: rxvt-unicode, foot, Ghostty, WezTerm, Konsole. */
    OSC777("osc777"),
    /** No terminal notification. */
    OFF("off");

    /** The longest text sent, in characters; terminals show a line, not a page. */
    static final int MAX_TEXT = 200;

    private final String configName;

    TerminalNotification(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<TerminalNotification> fromConfig(String name) {
        return Arrays.stream(values()).filter(v -> v.configName.equals(name)).findFirst();
    }

    /**
     * The sequence for this terminal, wrapped for tmux's passthrough ({@code ESC P tmux; ... ESC \}, every ESC
     * inside doubled); empty for {@link #OFF}. Control characters in the texts become spaces, and {@code ;}
     * in the title (the separator of OSC 777) a comma, so nothing in them can end or extend the sequence.
     */
    public Optional<String> passthrough(String title, String text) {
        String inner = switch (this) {
            case OSC9 -> "\u001b]9;" + clean(title + ": " + text) + "\u0007";
            case OSC777 -> "\u001b]777;notify;" + clean(title).replace(';', ',') + ";" + clean(text) + "\u0007";
            case OFF -> null;
        };
        return Optional.ofNullable(inner).map(seq -> "\u001bPtmux;" + seq.replace("\u001b", "\u001b\u001b") + "\u001b\\");
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_TEXT).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
