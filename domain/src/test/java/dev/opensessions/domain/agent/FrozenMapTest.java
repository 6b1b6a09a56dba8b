package dev.opensessions.domain.agent;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tracker's maps: immutable as Map.copyOf's, handed over without a second copy. */
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
        assertThat(FrozenMap.own(thawed)).containsEntry("b", 2).hasSize(2);
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
}
