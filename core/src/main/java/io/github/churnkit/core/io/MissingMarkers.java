package io.github.churnkit.core.io;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a trimmed field value is missing: the empty string (so also a blank field) or
 * one of the configured markers, compared without regard to case. Immutable and thread-safe.
 */
final class MissingMarkers {

    private final Set<String> markers = new HashSet<>();
    private final int longest;

    MissingMarkers(List<String> configured) {
        int max = 0;
        for (String m : configured) {
            String t = m.strip().toLowerCase(Locale.ROOT);
            markers.add(t);
            max = Math.max(max, t.length());
        }
        this.longest = max;
    }

    /** Whether the trimmed value {@code v} means "missing". */
    boolean test(String v) {
        if (v.isEmpty()) {
            return true;
        }
        return v.length() <= longest && markers.contains(v.toLowerCase(Locale.ROOT));
    }
}
