/**
 * Rendering the TUI in tests: ink-testing-library with the terminal's size
 * set (80×24 or 160×45), keys written to stdin, and frames awaited by polling
 * `lastFrame()` a bounded number of ticks until a condition holds (no fixed sleeps).
 */
import type { ReactElement } from "react"
import { render } from "ink-testing-library"
import { runWorkbench, type Workbench } from "../../src/app/workbench"

export const NARROW = { columns: 80, rows: 24 } as const
export const WIDE = { columns: 160, rows: 45 } as const
export type Size = { readonly columns: number; readonly rows: number }

export const SMALL = "scenarios/rotterdam-small.yaml"
export const MODEL5 = "test/tui/fixtures/rotterdam-model5.yaml"

export type Rendered = ReturnType<typeof render>

/** Render at a terminal size: the size is set on the test stdout before the tree mounts. */
export const renderAt = (tree: ReactElement, size: Size): Rendered => {
  const r = render(<></>)
  Object.defineProperty(r.stdout, "columns", { get: () => size.columns, configurable: true })
  Object.defineProperty(r.stdout, "rows", { get: () => size.rows, configurable: true })
  r.rerender(tree)
  return r
}

export const frameOf = (r: Rendered): string => r.lastFrame() ?? ""

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 10))

/** Poll until `check` holds on the last frame; fail after `ticks` polls with the frame in the message. */
export const waitFor = async (r: Rendered, check: (frame: string) => boolean, what: string, ticks = 1500): Promise<string> => {
  for (let i = 0; i < ticks; i++) {
    const f = frameOf(r)
    if (check(f)) return f
    await tick()
  }
  throw new Error(`no frame with ${what} after ${ticks} ticks; last frame:\n${frameOf(r)}`)
}

/** Write keys, then wait for a frame that differs from the one before and satisfies `check`. */
export const press = async (r: Rendered, keys: string, check: (frame: string) => boolean = () => true, what = "the next frame"): Promise<string> => {
  const before = frameOf(r)
  r.stdin.write(keys)
  return waitFor(r, (f) => f !== before && check(f), `${what} after ${JSON.stringify(keys)}`)
}

export const KEY = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  escape: "\u001B",
  backspace: "\u007F",
  tab: "\t",
  shiftTab: "\u001B[Z",
  pageDown: "\u001B[6~",
  ctrlC: "\u0003"
} as const

/** Every line of a frame fits the width, and the frame has exactly the window's rows. */
export const fitsWindow = (frame: string, size: Size): boolean => {
  const lines = frame.split("\n")
  return lines.length === size.rows && lines.every((l) => Array.from(l).length <= size.columns)
}

let shared: Promise<{ one: Workbench; two: Workbench }> | undefined

/** Real workbenches, run once per test file: the small example alone, and against model 5. */
export const workbenches = () => {
  shared ??= (async () => ({ one: await runWorkbench([SMALL]), two: await runWorkbench([SMALL, MODEL5]) }))()
  return shared
}
