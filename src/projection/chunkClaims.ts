/**
 * Which thread replays which chunk of the children (ADR 0012): the calling thread takes them from
 * the first up, the workers from the last down, each the next one when it is done with one, until
 * they meet; so the threads end together however fast each is (a worker starts late, chunks differ
 * in work). One word shared by all threads holds both ends (`next << 16 | end`: chunks `[next,
 * end)` are not taken yet), changed by compare-and-swap: no chunk is taken twice.
 */
export class Claims {
  private readonly word: Int32Array
  constructor(readonly buffer: SharedArrayBuffer) {
    this.word = new Int32Array(buffer)
  }
  /** Claims on `count` chunks (at most 2^15), the first `taken` of them already the caller's. */
  static of(count: number, taken: number): Claims {
    if (count >= 1 << 15 || taken > count) throw new Error(`cannot claim ${taken} of ${count} chunks`)
    const claims = new Claims(new SharedArrayBuffer(4))
    Atomics.store(claims.word, 0, (taken << 16) | count)
    return claims
  }
  private take(front: boolean): number | undefined {
    for (;;) {
      const w = Atomics.load(this.word, 0)
      const next = w >>> 16
      const end = w & 0xffff
      if (next >= end) return undefined
      const taken = front ? ((next + 1) << 16) | end : (next << 16) | (end - 1)
      if (Atomics.compareExchange(this.word, 0, w, taken) === w) return front ? next : end - 1
    }
  }
  /** The caller's next chunk (undefined: none left). */
  takeFirst(): number | undefined {
    return this.take(true)
  }
  /** A worker's next chunk (undefined: none left). */
  takeLast(): number | undefined {
    return this.take(false)
  }
  /** The first chunk the caller did not take: every one from here on was a worker's (or nobody's, when they all stopped). */
  front(): number {
    return Atomics.load(this.word, 0) >>> 16
  }
}
