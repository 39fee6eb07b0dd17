/**
 * Ink renders a screen of rows: one Box of height 1 per row, each cut to the
 * width beforehand, so a frame is exactly the window's size and Ink only
 * rewrites lines that changed.
 */
import { Box, Text } from "ink"
import { memo } from "react"
import { clip, type Row, type Seg } from "./row"

const sameSeg = (a: Seg, b: Seg) => a.text === b.text && a.color === b.color && a.bold === b.bold && a.dim === b.dim && a.inverse === b.inverse

/** Rows are rebuilt every frame; a row whose segments did not change is not rendered again. */
const sameRow = (a: { readonly row: Row; readonly width: number }, b: { readonly row: Row; readonly width: number }) =>
  a.width === b.width && a.row.length === b.row.length && a.row.every((s, i) => sameSeg(s, b.row[i]!))

const RowView = memo(function RowView({ row, width }: { readonly row: Row; readonly width: number }) {
  const cut = clip(row, width)
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text wrap="truncate-end">
        {cut.length === 0
          ? " "
          : cut.map((s, i) => (
              <Text key={i} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
                {s.text}
              </Text>
            ))}
      </Text>
    </Box>
  )
}, sameRow)

export const Screen = ({ rows, width, height }: { readonly rows: ReadonlyArray<Row>; readonly width: number; readonly height: number }) => (
  <Box flexDirection="column" width={width} height={height} overflow="hidden">
    {Array.from({ length: height }, (_, i) => (
      <RowView key={i} row={rows[i] ?? []} width={width} />
    ))}
  </Box>
)
