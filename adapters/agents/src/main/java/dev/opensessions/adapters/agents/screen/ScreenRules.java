package dev.opensessions.adapters.agents.screen;

import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.agent.screen.ScreenRule;

import java.util.List;
import java.util.Optional;

/**
 * The screen rules loaded, one per agent, and the problems of the files skipped.
 *
 * @param rules    shipped first, then the user's, a user's rule in place of a shipped one for the same agent
 * @param problems one line per skipped file, naming it and why
 */
public record ScreenRules(List<ScreenRule> rules, List<String> problems) {

    public ScreenRules {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    /** The rule for an agent, if any. */
    public Optional<ScreenRule> rule(String agent) {
        return rules.stream().filter(rule -> rule.agent().equals(agent)).findFirst();
    }

    /** How each agent's program shows, for finding agents in the panes' process trees. */
    public List<AgentProgram> programs() {
        return rules.stream().map(ScreenRule::program).toList();
    }
}
