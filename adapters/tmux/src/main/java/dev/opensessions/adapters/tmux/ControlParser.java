package dev.opensessions.adapters.tmux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the control protocol line by line. Inside a reply block every line is output, even one that starts
 * with {@code %} (a pane id, say), until the {@code %end}/{@code %error} carrying the block's own time and
 * number; outside a block, {@code %}-lines are notifications. Not thread-safe: one reader owns it.
 */
public final class ControlParser {

    private String blockGuard;
    private long blockNumber;
    private boolean blockFromClient;
    private final List<String> blockLines = new ArrayList<>();

    /** Feeds one line (without its line break); returns the event it completes, if any. */
    public Optional<ControlEvent> accept(String line) {
        if (blockGuard != null) {
            return insideBlock(line);
        }
        if (!line.startsWith("%")) {
            return Optional.empty();
        }
        int space = line.indexOf(' ');
        String name = space < 0 ? line.substring(1) : line.substring(1, space);
        String arguments = space < 0 ? "" : line.substring(space + 1);
        return switch (name) {
            case "begin" -> {
                openBlock(arguments);
                yield Optional.empty();
            }
            case "exit" -> Optional.of(new ControlEvent.Exit(arguments));
            default -> Optional.of(new ControlEvent.Notification(name, arguments));
        };
    }

    private void openBlock(String arguments) {
        String[] words = arguments.split(" ");
        if (words.length < 3) {
            return;
        }
        try {
            blockNumber = Long.parseLong(words[1]);
            blockFromClient = (Integer.parseInt(words[2]) & 1) == 1;
        } catch (NumberFormatException malformed) {
            return;
        }
        blockGuard = words[0] + " " + words[1] + " ";
        blockLines.clear();
    }

    private Optional<ControlEvent> insideBlock(String line) {
        boolean end = line.startsWith("%end " + blockGuard);
        boolean error = line.startsWith("%error " + blockGuard);
        if (!end && !error) {
            blockLines.add(line);
            return Optional.empty();
        }
        ControlEvent reply = new ControlEvent.Reply(blockNumber, blockFromClient, end, blockLines);
        blockGuard = null;
        blockLines.clear();
        return Optional.of(reply);
    }
}
