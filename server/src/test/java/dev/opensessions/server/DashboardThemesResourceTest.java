package dev.opensessions.server;

import dev.opensessions.sidebar.view.Theme;
import dev.opensessions.sidebar.view.Themes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/themes}: the sidebar's own palettes, for the browser dashboard, from the one place they live. */
@QuarkusTest
class DashboardThemesResourceTest {

    @Test
    void listsTheTwentyBuiltInThemesWithEveryPaletteSlot() {
        JsonPath themes = given().get("/api/themes").then().statusCode(200).extract().jsonPath();

        assertThat(themes.getList("themes.name")).isEqualTo(Themes.names()).hasSize(20);
        assertThat(themes.getString("current")).isEqualTo(Themes.DEFAULT_NAME);
        List<Map<String, String>> palettes = themes.getList("themes.palette");
        assertThat(palettes).allSatisfy(palette -> assertThat(palette.keySet()).containsExactlyElementsOf(Theme.SLOTS));
        assertThat(themes.getString("themes.find { it.name == 'nord' }.palette.base")).isEqualTo("#2e3440");
        assertThat(themes.getString("themes.find { it.name == 'catppuccin-mocha' }.palette.blue")).isEqualTo("#89b4fa");
    }

    @Test
    void theTransparentThemeLeavesTheTerminalsOwnColoursAsNull() {
        JsonPath themes = given().get("/api/themes").then().statusCode(200).extract().jsonPath();

        Map<String, String> transparent = themes.getMap("themes.find { it.name == 'transparent' }.palette");
        assertThat(transparent).containsEntry("text", null).containsEntry("base", null).containsEntry("blue", "#89b4fa");
    }
}
