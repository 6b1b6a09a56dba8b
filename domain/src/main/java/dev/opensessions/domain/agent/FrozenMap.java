package dev.opensessions.domain.agent;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An immutable map for the tracker's maps, which change on every agent event: a hash array mapped trie (HAMT), so
 * {@link #with} and {@link #without} copy only the path to the key (one small array per level, one level for up to
 * about 32 keys, two for up to about a thousand) and share everything else with the map they came from. Two maps of
 * one lineage are compared by {@link #diff} in the cost of what differs between them: a part both share is the same
 * instance and is skipped. Walking its values, keys or {@link #forEach} makes no object per entry. Null keys and
 * values are refused, as {@link Map#copyOf} refuses them. Its order is unspecified, as theirs is.
 *
 * <p>A node is an array of pairs, one pair per set bit of its bitmap, in the order of the bits: a key and its value,
 * or {@code null} and the node one level down (the keys whose hashes share these bits). Keys whose whole hashes are
 * equal share a {@link Collision} node. See docs/adr (the tracker's maps) for why this and not a library.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private static final int BITS = 5;
    private static final FrozenMap<?, ?> EMPTY = new FrozenMap<>(null, 0);

    /** A {@link Node}, or null when empty. */
    private final Node root;
    private final int size;

    private FrozenMap(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> FrozenMap<K, V> empty() {
        return (FrozenMap<K, V>) EMPTY;
    }

    /** {@code map} itself when it is already frozen, otherwise a frozen copy. */
    static <K, V> FrozenMap<K, V> copyOf(Map<K, V> map) {
        if (map instanceof FrozenMap<K, V> frozen) {
            return frozen;
        }
        FrozenMap<K, V> copy = empty();
        for (Map.Entry<K, V> entry : map.entrySet()) {
            copy = copy.with(Objects.requireNonNull(entry.getKey(), "key"),
                    Objects.requireNonNull(entry.getValue(), "value"));
        }
        return copy;
    }

    /** A modifiable copy, to build the next map from when many entries change at once. */
    static <K, V> HashMap<K, V> thaw(Map<K, V> map) {
        HashMap<K, V> copy = HashMap.newHashMap(map.size());
        map.forEach(copy::put);
        return copy;
    }

    /** This map with {@code key} mapped to {@code value}: this instance when it already maps it to that instance. */
    FrozenMap<K, V> with(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int hash = hash(key);
        Object old = root == null ? null : root.find(hash, key, 0);
        if (old == value) {
            return this;
        }
        Node next = root == null ? Bitmap.single(hash, key, value, 0) : root.put(hash, key, value, 0);
        return new FrozenMap<>(next, old == null ? size + 1 : size);
    }

    /** This map without {@code key}: this instance when it has no such key. */
    FrozenMap<K, V> without(Object key) {
        if (root == null || key == null) {
            return this;
        }
        int hash = hash(key);
        if (root.find(hash, key, 0) == null) {
            return this;
        }
        Node next = root.remove(hash, key, 0);
        return next == null ? empty() : new FrozenMap<>(next, size - 1);
    }

    /** What {@link #diff} reports, once per key whose value is not the same instance in both maps. */
    @FunctionalInterface
    interface Differences<K, V> {
        /** {@code before} is null for a key only in the second map, {@code after} for one only in the first. */
        void changed(K key, V before, V after);
    }

    /**
     * Reports every key whose value differs between the two maps (by instance, not by {@code equals}), in no given
     * order. Parts of the two maps that are the same instance, as a map shares them with the map it was made from,
     * are skipped without a look inside.
     */
    static <K, V> void diff(Map<K, V> before, Map<K, V> after, Differences<K, V> differences) {
        if (before == after) {
            return;
        }
        if (before instanceof FrozenMap<K, V> a && after instanceof FrozenMap<K, V> b) {
            diffNodes(a.root, b.root, differences);
            return;
        }
        before.forEach((key, value) -> {
            V now = after.get(key);
            if (now != value) {
                differences.changed(key, value, now);
            }
        });
        after.forEach((key, value) -> {
            if (!before.containsKey(key)) {
                differences.changed(key, null, value);
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        return root == null || key == null ? null : (V) root.find(hash(key), key, 0);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V value = get(key);
        return value == null ? defaultValue : value;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (root != null) {
            root.forEach((BiConsumer<Object, Object>) action);
        }
    }

    /**
     * The first result of {@code probe} that is not null, over the values in the map's order, or null: a search that
     * stops when it finds, without an iterator.
     */
    @SuppressWarnings("unchecked")
    <R> R firstOf(Function<? super V, ? extends R> probe) {
        return root == null ? null : (R) root.firstOf((Function<Object, Object>) probe);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Walk<>(root, Walk.ENTRIES);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<K> iterator() {
                return new Walk<>(root, Walk.KEYS);
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean contains(Object key) {
                return containsKey(key);
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Walk<>(root, Walk.VALUES);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The key's hash with its high bits folded in, as {@link HashMap} does: the trie takes the low bits first. */
    private static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    private static int bit(int hash, int shift) {
        return 1 << ((hash >>> shift) & 31);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void diffNodes(Node a, Node b, Differences<K, V> differences) {
        if (a == b) {
            return;
        }
        if (a == null) {
            b.forEach((key, value) -> differences.changed((K) key, null, (V) value));
            return;
        }
        if (b == null) {
            a.forEach((key, value) -> differences.changed((K) key, (V) value, null));
            return;
        }
        if (a instanceof Bitmap x && b instanceof Bitmap y) {
            int all = x.bitmap | y.bitmap;
            while (all != 0) {
                int bit = all & -all;
                all &= all - 1;
                boolean inX = (x.bitmap & bit) != 0;
                boolean inY = (y.bitmap & bit) != 0;
                int i = 2 * Integer.bitCount(x.bitmap & (bit - 1));
                int j = 2 * Integer.bitCount(y.bitmap & (bit - 1));
                Object keyX = inX ? x.array[i] : null;
                Object keyY = inY ? y.array[j] : null;
                if (inX && inY) {
                    if (keyX == null && keyY == null) {
                        diffNodes((Node) x.array[i + 1], (Node) y.array[j + 1], differences);
                    } else if (keyX != null && keyY != null && keyX.equals(keyY)) {
                        if (x.array[i + 1] != y.array[j + 1]) {
                            differences.changed((K) keyX, (V) x.array[i + 1], (V) y.array[j + 1]);
                        }
                    } else {
                        diffSlots(x.array, i, y.array, j, differences);
                    }
                } else if (inX) {
                    slotForEach(x.array, i, (key, value) -> differences.changed((K) key, (V) value, null));
                } else {
                    slotForEach(y.array, j, (key, value) -> differences.changed((K) key, null, (V) value));
                }
            }
            return;
        }
        diffSlots(new Object[] {null, a}, 0, new Object[] {null, b}, 0, differences);
    }

    /** Two slots of different shapes (an entry and a node, two entries of other keys): by lookup, rare. */
    @SuppressWarnings("unchecked")
    private static <K, V> void diffSlots(Object[] x, int i, Object[] y, int j, Differences<K, V> differences) {
        Map<Object, Object> later = new HashMap<>();
        slotForEach(y, j, later::put);
        slotForEach(x, i, (key, value) -> {
            Object now = later.remove(key);
            if (now != value) {
                differences.changed((K) key, (V) value, (V) now);
            }
        });
        later.forEach((key, value) -> differences.changed((K) key, null, (V) value));
    }

    private static void slotForEach(Object[] array, int i, BiConsumer<Object, Object> action) {
        if (array[i] == null) {
            ((Node) array[i + 1]).forEach(action);
        } else {
            action.accept(array[i], array[i + 1]);
        }
    }

    private abstract static sealed class Node permits Bitmap, Collision {

        /** The key's value, or null. */
        abstract Object find(int hash, Object key, int shift);

        /** A node with the key mapped to the value (the key's value is not that instance already). */
        abstract Node put(int hash, Object key, Object value, int shift);

        /** A node without the key (which it holds), or null when nothing is left. */
        abstract Node remove(int hash, Object key, int shift);

        abstract void forEach(BiConsumer<Object, Object> action);

        Object firstOf(Function<Object, Object> probe) {
            Object[] array = array();
            for (int i = 0; i < array.length; i += 2) {
                Object found = array[i] == null ? ((Node) array[i + 1]).firstOf(probe) : probe.apply(array[i + 1]);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** The pairs, a null key marking a node one level down. */
        abstract Object[] array();
    }

    private static final class Bitmap extends Node {

        final int bitmap;
        final Object[] array;

        Bitmap(int bitmap, Object[] array) {
            this.bitmap = bitmap;
            this.array = array;
        }

        static Bitmap single(int hash, Object key, Object value, int shift) {
            return new Bitmap(bit(hash, shift), new Object[] {key, value});
        }

        /** A node for two keys of different hashes, or a collision node for two of the same hash. */
        static Node pair(int shift, int hash1, Object key1, Object value1, int hash2, Object key2, Object value2) {
            if (hash1 == hash2) {
                return new Collision(hash1, new Object[] {key1, value1, key2, value2});
            }
            int bit1 = bit(hash1, shift);
            int bit2 = bit(hash2, shift);
            if (bit1 == bit2) {
                return new Bitmap(bit1, new Object[] {null, pair(shift + BITS, hash1, key1, value1, hash2, key2, value2)});
            }
            return Integer.compareUnsigned(bit1, bit2) < 0
                    ? new Bitmap(bit1 | bit2, new Object[] {key1, value1, key2, value2})
                    : new Bitmap(bit1 | bit2, new Object[] {key2, value2, key1, value1});
        }

        @Override
        Object find(int hash, Object key, int shift) {
            int bit = bit(hash, shift);
            if ((bitmap & bit) == 0) {
                return null;
            }
            int i = 2 * Integer.bitCount(bitmap & (bit - 1));
            Object k = array[i];
            if (k == null) {
                return ((Node) array[i + 1]).find(hash, key, shift + BITS);
            }
            return key.equals(k) ? array[i + 1] : null;
        }

        @Override
        Node put(int hash, Object key, Object value, int shift) {
            int bit = bit(hash, shift);
            int i = 2 * Integer.bitCount(bitmap & (bit - 1));
            if ((bitmap & bit) == 0) {
                Object[] next = new Object[array.length + 2];
                System.arraycopy(array, 0, next, 0, i);
                next[i] = key;
                next[i + 1] = value;
                System.arraycopy(array, i, next, i + 2, array.length - i);
                return new Bitmap(bitmap | bit, next);
            }
            Object k = array[i];
            Object[] next = array.clone();
            if (k == null) {
                next[i + 1] = ((Node) array[i + 1]).put(hash, key, value, shift + BITS);
            } else if (key.equals(k)) {
                next[i + 1] = value;
            } else {
                next[i] = null;
                next[i + 1] = pair(shift + BITS, hash(k), k, array[i + 1], hash, key, value);
            }
            return new Bitmap(bitmap, next);
        }

        @Override
        Node remove(int hash, Object key, int shift) {
            int bit = bit(hash, shift);
            int i = 2 * Integer.bitCount(bitmap & (bit - 1));
            Object k = array[i];
            if (k == null) {
                Node below = ((Node) array[i + 1]).remove(hash, key, shift + BITS);
                if (below != null) {
                    Object[] next = array.clone();
                    Object[] left = below.array();
                    if (below instanceof Bitmap && left.length == 2 && left[0] != null) {
                        // One entry left below: it moves up, so a map keeps one shape whatever the order of its changes.
                        next[i] = left[0];
                        next[i + 1] = left[1];
                    } else {
                        next[i + 1] = below;
                    }
                    return new Bitmap(bitmap, next);
                }
            }
            if (array.length == 2) {
                return null;
            }
            Object[] next = new Object[array.length - 2];
            System.arraycopy(array, 0, next, 0, i);
            System.arraycopy(array, i + 2, next, i, array.length - i - 2);
            return new Bitmap(bitmap & ~bit, next);
        }

        @Override
        void forEach(BiConsumer<Object, Object> action) {
            for (int i = 0; i < array.length; i += 2) {
                if (array[i] == null) {
                    ((Node) array[i + 1]).forEach(action);
                } else {
                    action.accept(array[i], array[i + 1]);
                }
            }
        }

        @Override
        Object[] array() {
            return array;
        }
    }

    /** Keys whose whole hashes are equal, in a plain array of pairs. */
    private static final class Collision extends Node {

        final int hash;
        final Object[] array;

        Collision(int hash, Object[] array) {
            this.hash = hash;
            this.array = array;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < array.length; i += 2) {
                if (key.equals(array[i])) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        Object find(int hash, Object key, int shift) {
            if (hash != this.hash) {
                return null;
            }
            int i = indexOf(key);
            return i < 0 ? null : array[i + 1];
        }

        @Override
        Node put(int hash, Object key, Object value, int shift) {
            if (hash != this.hash) {
                // Another hash reaches this node: it becomes one entry of a node that tells the two apart.
                return new Bitmap(bit(this.hash, shift), new Object[] {null, this}).put(hash, key, value, shift);
            }
            int i = indexOf(key);
            Object[] next;
            if (i < 0) {
                next = java.util.Arrays.copyOf(array, array.length + 2);
                next[array.length] = key;
                next[array.length + 1] = value;
            } else {
                next = array.clone();
                next[i + 1] = value;
            }
            return new Collision(hash, next);
        }

        @Override
        Node remove(int hash, Object key, int shift) {
            int i = indexOf(key);
            if (array.length == 2) {
                return null;
            }
            Object[] next = new Object[array.length - 2];
            System.arraycopy(array, 0, next, 0, i);
            System.arraycopy(array, i + 2, next, i, array.length - i - 2);
            if (next.length == 2) {
                // One key left: an ordinary entry, in a node of one pair that the level above takes up.
                return new Bitmap(bit(hash, shift), next);
            }
            return new Collision(hash, next);
        }

        @Override
        void forEach(BiConsumer<Object, Object> action) {
            for (int i = 0; i < array.length; i += 2) {
                action.accept(array[i], array[i + 1]);
            }
        }

        @Override
        Object[] array() {
            return array;
        }
    }

    /** Walks the trie depth first with a stack of arrays: no object per entry for keys and values. */
    private static final class Walk<T> implements Iterator<T> {

        static final int ENTRIES = 0;
        static final int KEYS = 1;
        static final int VALUES = 2;

        private final int kind;
        private final Object[][] arrays = new Object[8][];
        private final int[] positions = new int[8];
        private int depth = -1;
        private Object nextKey;
        private Object nextValue;

        Walk(Node root, int kind) {
            this.kind = kind;
            if (root != null) {
                push(root);
                advance();
            }
        }

        private void push(Node node) {
            depth++;
            arrays[depth] = node.array();
            positions[depth] = 0;
        }

        private void advance() {
            nextKey = null;
            while (depth >= 0) {
                Object[] array = arrays[depth];
                int at = positions[depth];
                if (at >= array.length) {
                    arrays[depth--] = null;
                    continue;
                }
                positions[depth] = at + 2;
                if (array[at] == null) {
                    push((Node) array[at + 1]);
                } else {
                    nextKey = array[at];
                    nextValue = array[at + 1];
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return nextKey != null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (nextKey == null) {
                throw new NoSuchElementException();
            }
            Object key = nextKey;
            Object value = nextValue;
            advance();
            return (T) switch (kind) {
                case KEYS -> key;
                case VALUES -> value;
                default -> new SimpleImmutableEntry<>(key, value);
            };
        }
    }
}
