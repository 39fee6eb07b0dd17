/** The terminal's columns and rows, updated when the window is resized. */
import { useStdout } from "ink"
import { useEffect, useState } from "react"

export interface TerminalSize {
  readonly columns: number
  readonly rows: number
}

const sizeOf = (stdout: NodeJS.WritableStream): TerminalSize => {
  const tty = stdout as Partial<NodeJS.WriteStream>
  return { columns: tty.columns || 80, rows: tty.rows || 24 }
}

export const useTerminalSize = (): TerminalSize => {
  const { stdout } = useStdout()
  const [size, setSize] = useState(() => sizeOf(stdout))
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout))
    stdout.on("resize", onResize)
    onResize()
    return () => {
      stdout.off("resize", onResize)
    }
  }, [stdout])
  return size
}
