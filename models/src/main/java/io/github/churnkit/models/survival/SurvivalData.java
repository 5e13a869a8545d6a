package io.github.churnkit.models.survival;

import java.util.Arrays;
import java.util.Locale;

/** Input checks and ordering shared by the survival estimators. Package-private. */
final class SurvivalData {

    private SurvivalData() {
    }

    static void check(double[] duration, boolean[] event) {
        if (duration.length != event.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "duration and event must have the same length, found %d and %d", duration.length, event.length));
        }
        if (duration.length == 0) {
            throw new IllegalArgumentException("no observations: duration is empty");
        }
        for (int i = 0; i < duration.length; i++) {
            if (!(duration[i] >= 0 && duration[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "duration %d must be finite and >= 0, found %s", i, duration[i]));
            }
        }
    }

    static Integer[] order(double[] duration) {
        Integer[] order = new Integer[duration.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(duration[a], duration[b]));
        return order;
    }
}
