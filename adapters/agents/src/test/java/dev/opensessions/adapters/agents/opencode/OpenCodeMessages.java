package dev.opensessions.adapters.agents.opencode;

/** Message and part documents shaped as OpenCode writes them into its {@code data} columns. */
final class OpenCodeMessages {

    private OpenCodeMessages() {
    }

    static String user(String id, String session, long created) {
        return """
                {"id":"%s","sessionID":"%s","role":"user","time":{"created":%d},"agent":"build",\
                "model":{"providerID":"anthropic","modelID":"claude-sonnet-4-5"},"tools":{}}"""
                .formatted(id, session, created);
    }

    /** An assistant message; {@code finish} and {@code completed} null while it streams, {@code error} a JSON object. */
    static String assistant(String id, String session, long created, String finish, Long completed, String error) {
        return """
                {"id":"%s","sessionID":"%s","role":"assistant","time":{"created":%d%s},\
                "parentID":"msg_parent","modelID":"claude-sonnet-4-5","providerID":"anthropic","mode":"build",\
                "agent":"build","path":{"cwd":"/home/dev/api-gateway","root":"/home/dev/api-gateway"},\
                "cost":0.0231,"tokens":{"input":12,"output":418,"reasoning":96,"cache":{"read":20480,"write":1024}}\
                %s%s}"""
                .formatted(id, session, created, completed == null ? "" : ",\"completed\":" + completed,
                        finish == null ? "" : ",\"finish\":\"" + finish + "\"",
                        error == null ? "" : ",\"error\":" + error);
    }

    static String textPart(String id, String message, String session, String text, boolean synthetic) {
        return """
                {"id":"%s","messageID":"%s","sessionID":"%s","type":"text","text":"%s"%s}"""
                .formatted(id, message, session, text, synthetic ? ",\"synthetic\":true" : "");
    }

    static String toolPart(String id, String message, String session, String status) {
        return """
                {"id":"%s","messageID":"%s","sessionID":"%s","type":"tool","callID":"toolu_01XyZ","tool":"bash",\
                "state":{"status":"%s","input":{"command":"go test ./...","description":"Run the tests"},\
                "time":{"start":1767261700000}}}"""
                .formatted(id, message, session, status);
    }
}
