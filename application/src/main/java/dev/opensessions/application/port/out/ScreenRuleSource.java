package dev.opensessions.application.port.out;

import dev.opensessions.domain.agent.screen.ScreenRule;

import java.util.List;

/** The agents' screen rules (shipped and the user's), and a signal when the user's rule files changed. */
public interface ScreenRuleSource {

    /** The rules now, one per agent. */
    List<ScreenRule> rules();

    /** Who to tell, on any thread, after the rules changed; {@link #rules()} then gives the new ones. */
    void onChange(Runnable listener);

    /** Rules that never change. */
    static ScreenRuleSource of(List<ScreenRule> rules) {
        List<ScreenRule> fixed = List.copyOf(rules);
        return new ScreenRuleSource() {
            @Override
            public List<ScreenRule> rules() {
                return fixed;
            }

            @Override
            public void onChange(Runnable listener) {
            }
        };
    }
}
