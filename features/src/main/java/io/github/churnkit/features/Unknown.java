package io.github.churnkit.features;

import java.util.ArrayList;
import java.util.List;

/** Builds the strict-mode error for a level never seen in training. */
final class Unknown {

    private static final int SHOWN = 20;

    private Unknown() {
    }

    static IllegalArgumentException level(String column, String value, List<String> a, List<String> b) {
        List<String> known = new ArrayList<>(a);
        known.addAll(b);
        String shown = known.size() <= SHOWN ? known.toString()
                : known.subList(0, SHOWN) + " and " + (known.size() - SHOWN) + " more";
        return new IllegalArgumentException("column '" + column + "': level '" + value
                + "' was not seen in training (strict mode); known levels are " + shown);
    }
}
