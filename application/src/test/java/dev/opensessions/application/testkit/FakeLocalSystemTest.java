package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.LocalSystem;
import dev.opensessions.application.port.out.LocalSystemContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Holds the fake local system to the port's contract. */
class FakeLocalSystemTest extends LocalSystemContract {

    @Override
    protected Stage stage() {
        FakeLocalSystem fake = new FakeLocalSystem();
        return new Stage() {
            @Override
            public LocalSystem system() {
                return fake;
            }

            @Override
            public void install(String program) {
                fake.install(program);
            }

            @Override
            public String project(String name) {
                List<String> directories = new ArrayList<>(fake.directories);
                directories.add("/home/me/Documents/" + name);
                fake.directories = directories.stream().sorted().toList();
                return "/home/me/Documents/" + name;
            }

            @Override
            public Optional<String> lastOpened() {
                return fake.openedUrls.isEmpty() ? Optional.empty() : Optional.of(fake.openedUrls.getLast());
            }
        };
    }
}
