package dev.opensessions.domain.agent;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map over a hash map that nothing else holds, for the tracker's maps, which are copied on every
 * agent event. Against {@link Map#copyOf}: a map built for a new tracker is handed over without a second copy,
 * and walking its values or {@link #forEach} makes no object per entry (the JDK's immutable maps make one per
 * entry on every walk, and the tracker walks every session's map several times per event). Null keys and values
 * are refused, as {@link Map#copyOf} refuses them. Its order is unspecified, as theirs is.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private static final FrozenMap<?, ?> EMPTY = new FrozenMap<>(new HashMap<>());

    private final HashMap<K, V> map;
    private final Map<K, V> view;

    private FrozenMap(HashMap<K, V> map) {
        this.map = map;
        this.view = Collections.unmodifiableMap(map);
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> empty() {
        return (Map<K, V>) EMPTY;
    }

    /** {@code map} itself when it is already frozen, otherwise a frozen copy. */
    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map instanceof FrozenMap<K, V>) {
            return map;
        }
        HashMap<K, V> copy = HashMap.newHashMap(map.size());
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
        return new FrozenMap<>(copy);
    }

    /**
     * Freezes a map the caller has just built and will not touch again (no copy). Its keys and values must not be
     * null.
     */
    static <K, V> Map<K, V> own(HashMap<K, V> built) {
        return new FrozenMap<>(built);
    }

    /** A modifiable copy, to build the next map from (no object per entry, as a copy of the view would make). */
    static <K, V> HashMap<K, V> thaw(Map<K, V> map) {
        return map instanceof FrozenMap<K, V> frozen ? new HashMap<>(frozen.map) : new HashMap<>(map);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return map.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<K> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<V> values() {
        return view.values();
    }
}
