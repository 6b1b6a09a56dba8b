package dev.opensessions.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientMessageTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void commandsDecodeByType() throws Exception {
        assertThat(mapper.readValue("{\"type\":\"hide-session\",\"name\":\"api\"}", ClientMessage.class))
                .isEqualTo(new ClientMessage.HideSession("api"));
        assertThat(mapper.readValue("{\"type\":\"show-all-sessions\"}", ClientMessage.class))
                .isEqualTo(new ClientMessage.ShowAllSessions());
        assertThat(mapper.readValue("{\"type\":\"reorder-session\",\"name\":\"api\",\"delta\":-1,\"extra\":1}",
                ClientMessage.class))
                .isEqualTo(new ClientMessage.ReorderSession("api", -1));
    }

    @Test
    void missingFieldsDecodeAsNullForTheAdapterToRefuse() throws Exception {
        assertThat(mapper.readValue("{\"type\":\"reorder-session\"}", ClientMessage.class))
                .isEqualTo(new ClientMessage.ReorderSession(null, null));
    }

    @Test
    void unknownTypeIsRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"kill-server\"}", ClientMessage.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void errorMessageCarriesItsType() throws Exception {
        assertThat(mapper.writeValueAsString(new ServerMessage.Error("unknown type")))
                .isEqualTo("{\"type\":\"error\",\"message\":\"unknown type\"}");
    }
}
