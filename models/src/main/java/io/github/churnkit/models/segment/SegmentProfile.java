package io.github.churnkit.models.segment;

import java.util.List;
import java.util.Objects;

/**
 * What one segment looks like next to the whole customer base.
 *
 * @param id                   the stable segment id
 * @param name                 a short generated name from the most distinctive traits, such as
 *                             {@code "Premium · Smart TV · long tenure"}
 * @param size                 number of customers
 * @param share                {@code size / all customers}
 * @param numeric              one entry per numeric or boolean profile column
 * @param overRepresented      categorical levels with lift above 1, highest lift first (at most
 *                             three per column)
 * @param underRepresented     categorical levels with lift below 1, lowest lift first (at most
 *                             three per column)
 * @param churnRate            share of churners among the segment's labelled customers; NaN
 *                             without churn labels
 * @param meanChurnProbability mean predicted churn probability; NaN when none was given
 * @param meanRevenue          mean of the revenue column; NaN when none was named
 * @param revenueShare         the segment's share of total revenue; NaN when none was named
 * @param meanClv              mean customer lifetime value; NaN when none was given
 */
public record SegmentProfile(int id, String name, int size, double share, List<NumericTrait> numeric,
                             List<LevelLift> overRepresented, List<LevelLift> underRepresented,
                             double churnRate, double meanChurnProbability, double meanRevenue,
                             double revenueShare, double meanClv) {

    /** Validates and copies. */
    public SegmentProfile {
        Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("size must be non-negative, found " + size);
        }
        numeric = List.copyOf(numeric);
        overRepresented = List.copyOf(overRepresented);
        underRepresented = List.copyOf(underRepresented);
    }

    /** The numeric trait of {@code column}. */
    public NumericTrait numeric(String column) {
        return numeric.stream().filter(t -> t.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no numeric trait for column '" + column + "'"));
    }
}
