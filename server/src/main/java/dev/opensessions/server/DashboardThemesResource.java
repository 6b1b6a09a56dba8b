package dev.opensessions.server;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.view.Color;
import dev.opensessions.sidebar.view.Theme;
import dev.opensessions.sidebar.view.Themes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/themes}: the sidebar's theme palettes for the browser dashboard, read from the one place
 * they are defined ({@link Themes}), and the theme the sidebars draw with now. It lives in the composition
 * root because the palettes belong to the sidebar module, which the HTTP adapter does not depend on.
 */
@Path("/api/themes")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardThemesResource {

    private final GetStateUseCase getState;

    public DashboardThemesResource(GetStateUseCase getState) {
        this.getState = getState;
    }

    /**
     * The answer: {@code current} (a built-in name, or {@code custom} for config.json's object form) and
     * {@code themes}, each {@code {name, palette}} with every slot as {@code #rrggbb}, or null where the
     * theme uses the terminal's own colour ({@code transparent}).
     */
    public record ThemesView(String current, List<ThemeView> themes) {
    }

    public record ThemeView(String name, Map<String, String> palette) {
    }

    @GET
    public ThemesView themes() {
        List<ThemeView> themes = new ArrayList<>();
        for (String name : Themes.names()) {
            Themes.named(name).ifPresent(theme -> themes.add(view(theme)));
        }
        ThemeChoice choice = getState.current().sidebar().theme();
        Theme chosen = Themes.resolve(choice);
        if (chosen.name().equals(Themes.CUSTOM_NAME)) {
            themes.add(view(chosen));
        }
        return new ThemesView(chosen.name(), themes);
    }

    private static ThemeView view(Theme theme) {
        Map<String, String> palette = new LinkedHashMap<>();
        theme.palette().forEach((slot, colour) -> palette.put(slot, hex(colour)));
        return new ThemeView(theme.name(), palette);
    }

    private static String hex(Color colour) {
        return switch (colour) {
            case Color.Rgb(int red, int green, int blue) -> String.format("#%02x%02x%02x", red, green, blue);
            case Color.Default ignored -> null;
        };
    }
}
