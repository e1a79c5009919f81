/**
 * A read-only map whose values may be produced on first `get`: the cache holds every output's
 * link facts, but an incremental build looks at the few outputs it checks again, so the rest
 * are never read from the database.
 */
export class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private readonly store = new Map<K, V | (() => V)>();
  private readonly pending = new Set<K>();

  set(key: K, value: V): this {
    this.store.set(key, value);
    this.pending.delete(key);
    return this;
  }

  setLazy(key: K, load: () => V): this {
    this.store.set(key, load);
    this.pending.add(key);
    return this;
  }

  get(key: K): V | undefined {
    const value = this.store.get(key);
    if (!this.pending.has(key)) return value as V | undefined;
    const loaded = (value as () => V)();
    this.set(key, loaded);
    return loaded;
  }

  /** Whether the value of `key` is still to be produced. */
  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  has(key: K): boolean {
    return this.store.has(key);
  }

  get size(): number {
    return this.store.size;
  }

  keys(): MapIterator<K> {
    return this.store.keys();
  }

  values(): MapIterator<V> {
    return [...this.store.keys()].map((key) => this.get(key)!).values();
  }

  entries(): MapIterator<[K, V]> {
    return [...this.store.keys()].map((key): [K, V] => [key, this.get(key)!]).values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) fn(value, key, this as ReadonlyMap<K, V>);
  }
}
