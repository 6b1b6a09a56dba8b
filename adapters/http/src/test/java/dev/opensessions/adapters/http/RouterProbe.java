package dev.opensessions.adapters.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Keeps the application's Vert.x router as Quarkus hands it to observers, so a test can list its routes. */
@Singleton
public class RouterProbe {

    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    Router router() {
        return router;
    }
}
