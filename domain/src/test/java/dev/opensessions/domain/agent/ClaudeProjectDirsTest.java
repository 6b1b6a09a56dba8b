package dev.opensessions.domain.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaudeProjectDirsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/home/me/work/api,              -home-me-work-api",
            "/home/me/.config/nvim,          -home-me--config-nvim",
            "/home/me/my_project.v2,         -home-me-my-project-v2",
            "/home/me/work/api/,             -home-me-work-api",
            "/srv/données/équipe,            -srv-données-équipe",
            "/,                              -"})
    void slashesDotsAndUnderscoresAllBecomeDashes(String dir, String expected) {
        assertThat(ClaudeProjectDirs.encode(dir)).isEqualTo(expected);
    }

    @Test
    void theEncodingIsLossySoDifferentDirectoriesCanShareAName() {
        assertThat(ClaudeProjectDirs.encode("/a/b_c")).isEqualTo(ClaudeProjectDirs.encode("/a/b.c"))
                .isEqualTo(ClaudeProjectDirs.encode("/a/b/c"));
    }

    @Test
    void aTokenCarriesItsEncodedNameBack() {
        String token = ClaudeProjectDirs.token("-home-me-work-api");

        assertThat(token).isEqualTo("__encoded__:-home-me-work-api");
        assertThat(ClaudeProjectDirs.encodedPart(token)).contains("-home-me-work-api");
    }

    @Test
    void plainDirectoriesAndEmptyTokensCarryNoEncodedName() {
        assertThat(ClaudeProjectDirs.encodedPart("/home/me/work/api")).isEmpty();
        assertThat(ClaudeProjectDirs.encodedPart("__encoded__:")).isEmpty();
        assertThat(ClaudeProjectDirs.encodedPart(null)).isEmpty();
        assertThatThrownBy(() -> ClaudeProjectDirs.token("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSessionDirectoryMatchesTheFolderNameItEncodesTo() {
        assertThat(ClaudeProjectDirs.matches("/home/me/my_app", "-home-me-my-app")).isTrue();
        assertThat(ClaudeProjectDirs.matches("/home/me/my_app", "-home-me-other")).isFalse();
        assertThat(ClaudeProjectDirs.matches("", "")).isFalse();
        assertThat(ClaudeProjectDirs.matches(null, "-a")).isFalse();
    }
}
