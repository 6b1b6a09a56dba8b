package dev.opensessions.domain.agent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tracker's maps: immutable as Map.copyOf's, changed by copying the path to a key, compared by what differs. */
class FrozenMapTest {

    @Test
    void aCopyIsUnmodifiableAndDoesNotFollowItsSource() {
        Map<String, Integer> source = new HashMap<>(Map.of("a", 1, "b", 2));
        Map<String, Integer> frozen = FrozenMap.copyOf(source);
        source.put("c", 3);

        assertThat(frozen).isEqualTo(Map.of("a", 1, "b", 2)).hasSameHashCodeAs(Map.of("a", 1, "b", 2));
        assertThatThrownBy(() -> frozen.put("d", 4)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue(9))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFrozenMapIsNotCopiedAgainAndThawsIntoAnIndependentMap() {
        Map<String, Integer> frozen = FrozenMap.copyOf(Map.of("a", 1));
        assertThat(FrozenMap.copyOf(frozen)).isSameAs(frozen);

        HashMap<String, Integer> thawed = FrozenMap.thaw(frozen);
        thawed.put("b", 2);
        assertThat(frozen).containsOnlyKeys("a");
        assertThat(FrozenMap.copyOf(thawed)).containsEntry("b", 2).hasSize(2);
    }

    @Test
    void nullKeysAndValuesAreRefusedAsMapCopyOfRefusesThem() {
        Map<String, Integer> nullValue = new HashMap<>();
        nullValue.put("a", null);
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 1);

        assertThatThrownBy(() -> FrozenMap.copyOf(nullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FrozenMap.copyOf(nullKey)).isInstanceOf(NullPointerException.class);
    }

    /** A key whose hash is chosen (to force shared prefixes and whole-hash collisions) and whose equals are counted. */
    private record Key(String name, int hash, int[] equalsCalls) {

        @Override
        public boolean equals(Object other) {
            equalsCalls[0]++;
            return other instanceof Key that && name.equals(that.name);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void withAndWithoutBehaveAsAHashMapWithSharedPrefixesAndCollidingHashes() {
        Random random = new Random(7);
        int[] calls = new int[1];
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Few distinct hashes in the low bits, some hashes equal in every bit.
            int hash = i % 5 == 0 ? 42 : random.nextInt(64) << random.nextInt(28);
            keys.add(new Key("k" + i, hash, calls));
        }
        Map<Key, Integer> model = new HashMap<>();
        FrozenMap<Key, Integer> map = FrozenMap.empty();
        List<FrozenMap<Key, Integer>> versions = new ArrayList<>();
        List<Map<Key, Integer>> models = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            Key key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(3) == 0) {
                map = map.without(key);
                model.remove(key);
            } else {
                int value = random.nextInt(1_000);
                map = map.with(key, value);
                model.put(key, value);
            }
            if (step % 250 == 0) {
                versions.add(map);
                models.add(new HashMap<>(model));
            }
        }
        versions.add(map);
        models.add(new HashMap<>(model));

        for (int v = 0; v < versions.size(); v++) {
            FrozenMap<Key, Integer> version = versions.get(v);
            Map<Key, Integer> expected = models.get(v);
            assertThat(version).hasSize(expected.size()).isEqualTo(expected).hasSameHashCodeAs(expected);
            for (Key key : keys) {
                assertThat(version.get(key)).isEqualTo(expected.get(key));
            }
            Map<Key, Integer> walked = new HashMap<>();
            version.forEach(walked::put);
            assertThat(walked).isEqualTo(expected);
            assertThat(new HashSet<>(version.keySet())).isEqualTo(expected.keySet());
            assertThat(new ArrayList<>(version.values())).containsExactlyInAnyOrderElementsOf(expected.values());
        }
        // Every pair of versions: the differences are exactly the keys whose values differ.
        for (int a = 0; a < versions.size(); a++) {
            for (int b = 0; b < versions.size(); b++) {
                assertThat(differences(versions.get(a), versions.get(b)))
                        .isEqualTo(expectedDifferences(models.get(a), models.get(b)));
            }
        }
    }

    @Test
    void aChangeCopiesOnlyItsPathAndIsComparedWithoutLookingAtTheRest() {
        int[] calls = new int[1];
        FrozenMap<Key, Integer> map = FrozenMap.empty();
        for (int i = 0; i < 1_000; i++) {
            map = map.with(new Key("k" + i, ("k" + i).hashCode(), calls), i);
        }
        Key changed = new Key("k500", "k500".hashCode(), calls);
        FrozenMap<Key, Integer> next = map.with(changed, -1).without(new Key("k7", "k7".hashCode(), calls));

        calls[0] = 0;
        assertThat(differences(map, next)).isEqualTo(Map.of("k500", "500->-1", "k7", "7->null"));
        assertThat(calls[0]).as("keys compared, of 1 000").isLessThan(40);
        assertThat(map).hasSize(1_000).containsEntry(changed, 500);
        assertThat(next).hasSize(999).containsEntry(changed, -1);
        assertThat(next.with(changed, next.get(changed))).isSameAs(next);
        assertThat(next.without(new Key("absent", 1, calls))).isSameAs(next);
    }

    @Test
    void aMapThatIsNotFrozenIsComparedEntryByEntry() {
        FrozenMap<String, Integer> frozen = FrozenMap.copyOf(Map.of("a", 1, "b", 2));
        Map<String, Integer> plain = new HashMap<>(Map.of("b", frozen.get("b"), "c", 3));
        assertThat(differences(frozen, plain)).isEqualTo(Map.of("a", "1->null", "c", "null->3"));
    }

    private static <K, V> Map<String, String> differences(Map<K, V> before, Map<K, V> after) {
        Map<String, String> found = new TreeMap<>();
        FrozenMap.diff(before, after, (key, was, now) -> {
            String previous = found.put(key.toString(), was + "->" + now);
            assertThat(previous).as("reported once: " + key).isNull();
        });
        return found;
    }

    private static <K, V> Map<String, String> expectedDifferences(Map<K, V> before, Map<K, V> after) {
        Map<String, String> expected = new TreeMap<>();
        Set<K> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (K key : keys) {
            V was = before.get(key);
            V now = after.get(key);
            // Values are boxed small integers: the same value is the same instance, as the tracker's unchanged rows are.
            if (was != now) {
                expected.put(key.toString(), was + "->" + now);
            }
        }
        return expected;
    }
}
