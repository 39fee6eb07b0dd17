/**
 * A small CSV reader and writer (RFC 4180): quoted fields with `""` escapes,
 * line breaks inside quotes, CRLF or LF, a UTF-8 byte-order mark (Excel writes
 * one) ignored. The delimiter is `,` or `;` (Dutch Excel saves with `;`),
 * taken from the header line. Pure: text in, records out.
 */

export interface CsvRecord {
  /** The 1-based line on which the record starts. */
  readonly line: number
  readonly cells: ReadonlyArray<string>
}

export interface CsvProblem {
  readonly line: number
  readonly message: string
}

export interface ParsedCsv {
  readonly delimiter: "," | ";"
  readonly records: ReadonlyArray<CsvRecord>
  readonly problems: ReadonlyArray<CsvProblem>
}

/** The delimiter of the header line: whichever of `,` and `;` occurs outside quotes more often. */
export const detectDelimiter = (text: string): "," | ";" => {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === "\n" || ch === "\r")) break
    else if (!quoted && ch === ",") commas++
    else if (!quoted && ch === ";") semicolons++
  }
  return semicolons > commas ? ";" : ","
}

/** Split CSV text into records. Blank lines are skipped; an unclosed quote is a problem. */
export const parseCsv = (input: string, delimiterOverride?: "," | ";"): ParsedCsv => {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input
  const delimiter = delimiterOverride ?? detectDelimiter(text)
  const records: Array<CsvRecord> = []
  const problems: Array<CsvProblem> = []
  let cells: Array<string> = []
  let cell = ""
  let quoted = false
  let wasQuoted = false
  /** Just after a closing quote: spaces before the next delimiter are padding, not content. */
  let closed = false
  let line = 1
  let recordLine = 1
  const endCell = () => {
    cells.push(wasQuoted ? cell : cell.trim())
    cell = ""
    wasQuoted = false
  }
  const endRecord = () => {
    endCell()
    if (cells.some((c) => c !== "")) records.push({ line: recordLine, cells })
    cells = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') {
        quoted = false
        closed = true
      } else {
        if (ch === "\n") line++
        cell += ch
      }
      continue
    }
    if (closed && (ch === " " || ch === "\t")) continue
    closed = false
    if (ch === '"' && cell.trim() === "") {
      quoted = true
      wasQuoted = true
      cell = ""
    } else if (ch === delimiter) endCell()
    else if (ch === "\r" && text[i + 1] === "\n") continue
    else if (ch === "\n" || ch === "\r") {
      endRecord()
      line++
      recordLine = line
    } else cell += ch
  }
  if (quoted) problems.push({ line: recordLine, message: "a quoted cell is never closed (a \" is missing)" })
  else endRecord()
  return { delimiter, records, problems }
}

/**
 * One cell as CSV: quoted when it holds a comma or semicolon (either could be
 * taken for the delimiter), a quote, a line break, or spaces at either end.
 */
export const csvCell = (value: string): string =>
  /[",;\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value

/** Rows as CSV text with CRLF line ends (RFC 4180). */
export const toCsv = (rows: ReadonlyArray<ReadonlyArray<string>>, delimiter: "," | ";" = ","): string =>
  rows.map((r) => r.map(csvCell).join(delimiter)).join("\r\n") + "\r\n"
