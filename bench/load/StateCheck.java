import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** Reads GET /api/state and lists what the server shows for one agent's threads. */
final class StateCheck {

    private StateCheck() {
    }

    /** The status of every thread of the agent, by thread id, over every session's agent rows. */
    static Map<String, String> agentStatuses(HttpClient client, int port, String agent)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/state")).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/state answered " + response.statusCode());
        }
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode session : new ObjectMapper().readTree(response.body()).path("sessions")) {
            for (JsonNode row : session.path("agents")) {
                if (agent.equals(row.path("agent").asText())) {
                    statuses.put(row.path("threadId").asText(), row.path("status").asText());
                }
            }
        }
        return statuses;
    }
}
