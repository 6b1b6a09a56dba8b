package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.application.port.out.SidebarPanesContract;

/** Holds the fake sidebar panes to the port's contract. */
class FakeSidebarPanesTest extends SidebarPanesContract {

    @Override
    protected Stage stage() {
        FakeSidebarPanes fake = new FakeSidebarPanes().window("@1", "@2").client("/dev/pts/7", "@1");
        fake.maintain(false, 30);
        return new Stage() {
            @Override
            public SidebarPanes panes() {
                return fake;
            }

            @Override
            public String shown() {
                return "@1";
            }

            @Override
            public String other() {
                return "@2";
            }

            @Override
            public String client() {
                return "/dev/pts/7";
            }

            @Override
            public void closeWindow(String window) {
                fake.vanish(window);
            }

            @Override
            public void setSideOption(String value) {
                fake.sideOption = value;
            }

            @Override
            public void close() {
            }
        };
    }
}
