/**
 * A JSON document written in pieces: the text `JSON.stringify(value, null, 2)` gives, as a sequence
 * of chunks, where an iterable that is not an array (a generator of a document's groups, say) is
 * written as an array, one element at a time. A document of 45,000 groups is then never one
 * string, nor one array of objects (`run --totals --json` at national scale, docs/benchmarks.md).
 */

const isIterable = (v: object): v is Iterable<unknown> =>
  typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function" && !(v instanceof Map) && !(v instanceof Set)

/** Values JSON leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol"

export function* jsonChunks(value: unknown, indent = ""): Generator<string> {
  if (value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function" || value instanceof Map || value instanceof Set) {
    yield JSON.stringify(value) ?? "null"
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value) || isIterable(value)) {
    let first = true
    for (const item of value as Iterable<unknown>) {
      yield first ? `[\n${inner}` : `,\n${inner}`
      first = false
      yield* jsonChunks(skipped(item) ? null : item, inner)
    }
    yield first ? "[]" : `\n${indent}]`
    return
  }
  let first = true
  for (const [key, item] of Object.entries(value)) {
    if (skipped(item)) continue
    yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `
    first = false
    yield* jsonChunks(item, inner)
  }
  yield first ? "{}" : `\n${indent}}`
}

/** Write a value's JSON text (`jsonChunks`) through `write`, in pieces of about `size` characters. */
export const writeJson = (value: unknown, write: (text: string) => void, size = 1 << 16): void => {
  let buffer = ""
  for (const chunk of jsonChunks(value)) {
    buffer += chunk
    if (buffer.length >= size) {
      write(buffer)
      buffer = ""
    }
  }
  write(`${buffer}\n`)
}
