package io.github.churnkit.models.segment;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps Tribuo's per-iteration INFO logging (java.util.logging) out of the test output. */
final class QuietTribuo {

    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private QuietTribuo() { }

    static void install() {
        TRIBUO.setLevel(Level.WARNING);
    }
}
