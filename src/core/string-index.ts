/**
 * A map from text keys (invoice codes, member codes, phones, emails) to whole numbers ≥ 0, for the look-ups made
 * once per row of a large paste.
 *
 * Why not a `Map`: keys read from a sheet are fresh strings, and a `Map` of 640k of them costs about twice as much
 * per look-up (it rehashes through every doubling and allocates an entry object per key). This is open addressing
 * over an `Int32Array` of slots with FNV-1a hashes, sized from the expected count, growing when half full.
 * Keys compare with `===`, so the results are those of a `Map<string, number>`.
 */
const EMPTY = -1;

function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class StringIndex {
  /** Each slot holds an entry number (into `keys` and `values`) or EMPTY. */
  private slots: Int32Array;
  private readonly keys: string[] = [];
  private readonly values: number[] = [];

  /** `expected`: about how many keys will be added; the table grows past it if need be. */
  constructor(expected = 16) {
    this.slots = new Int32Array(StringIndex.capacityFor(expected)).fill(EMPTY);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The number stored for `key`, or -1 when it has none. */
  get(key: string): number {
    const entry = this.slots[this.slotOf(key)]!;
    return entry === EMPTY ? -1 : this.values[entry]!;
  }

  /** The number already stored for `key`; when there is none, stores `value` and returns -1. */
  getOrAdd(key: string, value: number): number {
    const slot = this.slotOf(key);
    const entry = this.slots[slot]!;
    if (entry !== EMPTY) return this.values[entry]!;
    this.slots[slot] = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return -1;
  }

  /** The slot that holds `key`, or the empty slot where it would go (linear probing). */
  private slotOf(key: string): number {
    const mask = this.slots.length - 1;
    let slot = hashOf(key) & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY || this.keys[entry] === key) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = hashOf(this.keys[entry]!) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }

  /** A power of two at least twice `expected`, so probes stay short. */
  private static capacityFor(expected: number): number {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    return capacity;
  }
}
