package dev.strata.registry.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrozenMapTest {

    @Test
    void any_sequence_of_puts_gives_what_a_linked_hash_map_gives_and_leaves_every_earlier_map_as_it_was() {
        Random random = new Random(7);
        FrozenMap<String, Integer> frozen = FrozenMap.of(Map.of());
        Map<String, Integer> plain = new LinkedHashMap<>();
        List<FrozenMap<String, Integer>> earlier = new ArrayList<>();
        List<Map<String, Integer>> expected = new ArrayList<>();

        for (int i = 0; i < 3000; i++) {
            // mostly new keys, sometimes a recent one, sometimes an old one: both ways a key gets a new value
            String key = random.nextInt(10) < 8 ? "k" + i : "k" + random.nextInt(i + 1);
            frozen = frozen.with(key, i);
            plain.put(key, i);
            earlier.add(frozen);
            expected.add(new LinkedHashMap<>(plain));
        }

        for (int i = 0; i < earlier.size(); i++) {
            FrozenMap<String, Integer> f = earlier.get(i);
            Map<String, Integer> p = expected.get(i);
            assertEquals(List.copyOf(p.entrySet()), List.copyOf(f.entrySet()), "after put " + i);
            assertEquals(p.size(), f.size());
            assertEquals(p, f);
            assertEquals(p.hashCode(), f.hashCode());
            for (String k : List.of("k0", "k" + i, "k" + (i + 1), "absent")) {
                assertEquals(p.get(k), f.get(k), k + " after put " + i);
                assertEquals(p.containsKey(k), f.containsKey(k), k + " after put " + i);
            }
        }
    }

    @Test
    void a_frozen_map_cannot_be_changed() {
        FrozenMap<String, Integer> frozen = FrozenMap.of(Map.of("a", 1)).with("b", 2);

        assertThrows(UnsupportedOperationException.class, () -> frozen.put("c", 3));
        assertThrows(UnsupportedOperationException.class, () -> frozen.entrySet().iterator().next().setValue(5));
        assertThrows(UnsupportedOperationException.class, () -> frozen.keySet().iterator().remove());
        assertEquals(Map.of("a", 1, "b", 2), frozen);
    }
}
