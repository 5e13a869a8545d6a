package io.github.churnkit.scoring.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSchemaTest {

    private static final Schema SCHEMA = Schema.builder()
            .add("tenure", ColumnRole.FEATURE, ColumnType.NUMERIC)
            .add("plan", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
            .add("region", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
            .build();

    @Test
    void constructor_levelsCopiedAndOrderedBySchema() {
        List<String> plans = new ArrayList<>(List.of("basic", "pro"));
        Map<String, List<String>> levels = new HashMap<>();
        levels.put("region", List.of("north"));
        levels.put("plan", plans);
        ModelSchema s = new ModelSchema(SCHEMA, levels);
        plans.add("changed later");
        assertEquals(List.of("basic", "pro"), s.levelsOf("plan"));
        assertEquals(List.of("plan", "region"), List.copyOf(s.levels().keySet()));
        assertEquals(List.of(), s.levelsOf("tenure"));
        assertThrows(UnsupportedOperationException.class, () -> s.levels().put("x", List.of()));
    }

    @Test
    void constructor_levelsForNumericColumn_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSchema(SCHEMA, Map.of("tenure", List.of("a"))));
        assertTrue(e.getMessage().contains("'tenure' of type NUMERIC"), e.getMessage());
    }

    @Test
    void constructor_unknownColumnOrRepeatedLevel_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ModelSchema(SCHEMA, Map.of("nope", List.of("a"))));
        assertThrows(IllegalArgumentException.class, () -> new ModelSchema(SCHEMA, Map.of("plan", List.of("a", "a"))));
    }

    @Test
    void readFrom_written_equal() {
        ModelSchema s = new ModelSchema(SCHEMA, Map.of("plan", List.of("basic", "pro", "Zwei Jahre \u00fc")));
        ModelBundle b = ModelBundle.builder().put(ModelSchema.SECTION, s::writeTo).build();
        assertEquals(s, b.decode(ModelSchema.SECTION, ModelSchema::readFrom));
    }

    @Test
    void readFrom_unknownType_refusedNamingIt() {
        ModelBundle b = ModelBundle.builder().put(ModelSchema.SECTION, o -> {
            o.writeInt(1).writeString("x").writeString("FEATURE").writeString("COMPLEX").writeString("");
            o.writeInt(0);
        }).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(ModelSchema.SECTION, ModelSchema::readFrom));
        assertTrue(e.getMessage().contains("unknown ColumnType 'COMPLEX'"), e.getMessage());
    }

    @Test
    void readFrom_duplicateColumn_refused() {
        ModelBundle b = ModelBundle.builder().put(ModelSchema.SECTION, o -> {
            o.writeInt(2);
            for (int i = 0; i < 2; i++) {
                o.writeString("x").writeString("FEATURE").writeString("NUMERIC").writeString("");
            }
            o.writeInt(0);
        }).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(ModelSchema.SECTION, ModelSchema::readFrom));
        assertTrue(e.getMessage().contains("duplicate column name 'x'"), e.getMessage());
    }
}
