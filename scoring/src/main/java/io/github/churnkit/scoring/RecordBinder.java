package io.github.churnkit.scoring;

import io.github.churnkit.core.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Binds the caller's own record type to a {@link CustomerScorer}'s input columns, once: one
 * accessor per column. Columns left unbound read as missing. Obtained from
 * {@link CustomerScorer#binder()}; {@link #bind()} gives the {@link BoundScorer}. Not thread-safe
 * (the bound scorer is).
 *
 * @param <T> the record type
 */
public final class RecordBinder<T> {

    /** Copies one column of a record into a scratch buffer; must not allocate. */
    interface Setter<T> {
        void set(T record, Scratch s);
    }

    private final CustomerScorer scorer;
    private final List<Setter<T>> setters = new ArrayList<>();
    private final Set<String> bound = new HashSet<>();

    RecordBinder(CustomerScorer scorer) {
        this.scorer = scorer;
    }

    /**
     * Binds a NUMERIC (or BOOLEAN, as 0/1) column; the accessor returns NaN when missing.
     *
     * @throws IllegalArgumentException if the bundle reads no such column, it is of another type, or it is bound twice
     */
    public RecordBinder<T> number(String column, ToDoubleFunction<? super T> accessor) {
        Objects.requireNonNull(accessor, "accessor");
        int slot = slot(column, ColumnType.NUMERIC, ColumnType.BOOLEAN);
        setters.add((r, s) -> s.numbers[slot] = accessor.applyAsDouble(r));
        return this;
    }

    /**
     * Binds a BOOLEAN column from a predicate (true = 1).
     *
     * @throws IllegalArgumentException as {@link #number}
     */
    public RecordBinder<T> bool(String column, Predicate<? super T> accessor) {
        Objects.requireNonNull(accessor, "accessor");
        int slot = slot(column, ColumnType.BOOLEAN, ColumnType.NUMERIC);
        setters.add((r, s) -> s.numbers[slot] = accessor.test(r) ? 1.0 : 0.0);
        return this;
    }

    /**
     * Binds a CATEGORICAL column; the accessor returns the level, null when missing. It should
     * return strings the record already holds (a constant or a field), not build new ones, for
     * the call to stay allocation-free.
     *
     * @throws IllegalArgumentException as {@link #number}
     */
    public RecordBinder<T> category(String column, Function<? super T, String> accessor) {
        Objects.requireNonNull(accessor, "accessor");
        int slot = slot(column, ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);
        setters.add((r, s) -> s.categories[slot] = accessor.apply(r));
        return this;
    }

    /**
     * Binds a DATE column; the accessor returns the epoch day
     * ({@link java.time.LocalDate#toEpochDay()}), or {@link io.github.churnkit.core.DateColumn#MISSING}.
     *
     * @throws IllegalArgumentException as {@link #number}
     */
    public RecordBinder<T> date(String column, ToIntFunction<? super T> accessor) {
        Objects.requireNonNull(accessor, "accessor");
        int slot = slot(column, ColumnType.DATE, ColumnType.DATE);
        setters.add((r, s) -> s.days[slot] = accessor.applyAsInt(r));
        return this;
    }

    /**
     * The bound scorer: immutable and thread-safe. Later changes to this binder do not affect it.
     * Every input column not bound here reads as missing in each call, whatever the thread scored
     * before.
     */
    public BoundScorer<T> bind() {
        Layout layout = scorer.layout();
        int[] unbound = new int[layout.slotCount() - bound.size()];
        for (int slot = 0, u = 0; slot < layout.slotCount(); slot++) {
            if (!bound.contains(layout.name(slot))) {
                unbound[u++] = slot;
            }
        }
        return new BoundScorer<>(scorer, List.copyOf(setters), unbound);
    }

    private int slot(String column, ColumnType a, ColumnType b) {
        Objects.requireNonNull(column, "column");
        int slot = scorer.slotOf(column);
        ColumnType t = scorer.layout().type(slot);
        if (t != a && t != b) {
            throw new IllegalArgumentException("column '" + column + "' is " + t + ", it cannot be bound as " + a);
        }
        if (!bound.add(column)) {
            throw new IllegalArgumentException("column '" + column + "' is bound twice");
        }
        return slot;
    }
}
