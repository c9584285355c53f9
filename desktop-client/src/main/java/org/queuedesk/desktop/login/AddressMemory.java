package org.queuedesk.desktop.login;

import java.util.Optional;
import java.util.prefs.Preferences;

/** Remembers the last server address that worked, per user of this computer (java.util.prefs). */
public interface AddressMemory {

    Optional<String> lastAddress();

    void remember(String address);

    /** The real one: the user's preferences node of this package. */
    static AddressMemory userPreferences() {
        Preferences node = Preferences.userNodeForPackage(AddressMemory.class);
        return new AddressMemory() {
            @Override
            public Optional<String> lastAddress() {
                return Optional.ofNullable(node.get("serverAddress", null));
            }

            @Override
            public void remember(String address) {
                node.put("serverAddress", address);
            }
        };
    }

    /** Forgets on exit: for tests and benchmarks. */
    static AddressMemory inMemory() {
        return new AddressMemory() {
            private String address;

            @Override
            public Optional<String> lastAddress() {
                return Optional.ofNullable(address);
            }

            @Override
            public void remember(String typed) {
                address = typed;
            }
        };
    }
}
