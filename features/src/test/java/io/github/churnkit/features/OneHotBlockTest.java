package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.features.ColumnTransform.OneHot;
import io.github.churnkit.features.ColumnTransform.UnknownLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneHotBlockTest {

    /** A x5, B x3, C x1, in a scrambled order. */
    private static final CategoricalColumn ABC = CategoricalColumn.of("c",
            "B", "A", "C", "A", "B", "A", "A", "B", "A");

    private static double[] encode(OneHotBlock b, String level, boolean strict) {
        double[] out = new double[b.width()];
        java.util.Arrays.fill(out, 7.0); // stale values must be overwritten
        b.encode(TestRow.ofCategory(level), out, 0, strict);
        return out;
    }

    private static List<String> names(OneHotBlock b) {
        List<String> names = new ArrayList<>();
        b.addNames(names);
        return names;
    }

    @Test
    void fit_minCount_poolsRareLevelsIntoOther() {
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(3), ABC);
        assertEquals(List.of("c=A", "c=B", "c=other"), names(b));
        assertArrayEquals(new double[] {1, 0, 0}, encode(b, "A", false));
        assertArrayEquals(new double[] {0, 0, 1}, encode(b, "C", false));
        // C was seen in training, so strict mode accepts it
        assertArrayEquals(new double[] {0, 0, 1}, encode(b, "C", true));
    }

    @Test
    void fit_maxLevels_keepsMostFrequent() {
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1).withMaxLevels(1), ABC);
        assertEquals(List.of("c=A", "c=other"), names(b));
        assertArrayEquals(new double[] {0, 1}, encode(b, "B", false));
    }

    @Test
    void fit_maxLevelsTie_brokenAlphabetically() {
        CategoricalColumn tie = CategoricalColumn.of("c", "Y", "X", "Y", "X");
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1).withMaxLevels(1), tie);
        assertEquals(List.of("c=X", "c=other"), names(b));
    }

    @Test
    void encode_unknownLevel_otherWhenPooled() {
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(3), ABC);
        assertArrayEquals(new double[] {0, 0, 1}, encode(b, "Z", false));
    }

    @Test
    void encode_unknownLevel_zerosWhenAsked() {
        OneHotBlock b = OneHotBlock.fit("c", 0,
                OneHot.defaults().withMinCount(3).withUnknown(UnknownLevel.ZEROS), ABC);
        assertArrayEquals(new double[] {0, 0, 0}, encode(b, "Z", false));
    }

    @Test
    void encode_unknownLevel_zerosWhenNothingPooled() {
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1), ABC);
        assertEquals(List.of("c=A", "c=B", "c=C"), names(b));
        assertArrayEquals(new double[] {0, 0, 0}, encode(b, "Z", false));
    }

    @Test
    void encode_unknownLevelStrict_throwsNamingColumnAndValue() {
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1), ABC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encode(b, "Zed", true));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
        assertTrue(e.getMessage().contains("'Zed'"), e.getMessage());
    }

    @Test
    void encode_missing_ownOutputWhenSeenInTraining() {
        CategoricalColumn withNull = CategoricalColumn.of("c", "A", null, "B");
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1), withNull);
        assertEquals(List.of("c=A", "c=B", "c_missing"), names(b));
        assertArrayEquals(new double[] {0, 0, 1}, encode(b, null, true));
    }

    @Test
    void encode_missing_zerosWhenNotSeenInTraining() {
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1), ABC);
        assertArrayEquals(new double[] {0, 0, 0}, encode(b, null, true));
    }

    @Test
    void addNames_levelCalledOther_bucketBracketed() {
        CategoricalColumn c = CategoricalColumn.of("c", "other", "other", "A", "rare");
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1).withMaxLevels(2), c);
        assertEquals(List.of("c=A", "c=other", "c=(other)"), names(b));
        assertArrayEquals(new double[] {0, 0, 1}, encode(b, "rare", false));
    }

    @Test
    void fit_levelInDictionaryButNoRow_treatedAsUnseen() {
        // select() keeps the whole dictionary: C is a level of the column but no training row has it
        CategoricalColumn sub = ABC.select(new int[] {0, 1});
        OneHotBlock b = OneHotBlock.fit("c", 0, OneHot.defaults().withMinCount(1), sub);
        assertEquals(List.of("c=A", "c=B"), names(b));
    }
}
