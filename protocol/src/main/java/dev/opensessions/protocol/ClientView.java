package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A user's attached tmux client and the session it shows; {@code activePane} is omitted when unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(String tty, String session, String activePane) {
}
