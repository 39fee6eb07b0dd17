/** View 2: progress while events are replayed, with an estimate of the time left. */
import { progressBar } from "../components/progressBar"
import { line, type Row, seg } from "../components/row"
import { estimate } from "../eta"
import { count, duration, fit, rfit } from "../format"
import { scenarioId } from "../../app/workbench"
import type { ViewInput, ViewOutput } from "./view"

export const progressView = ({ state, t, width, height, now = 0, tick = 0 }: ViewInput): ViewOutput => {
  const run = state.run
  const hints = [
    ["Esc", t.hints.cancel],
    ["Ctrl-C", t.hints.ctrlC]
  ] as const
  if (!run) return { rows: [], page: 1, hints }
  const elapsed = Math.max(0, now - run.startedAt)
  const est = estimate(run.progress, elapsed)
  const pctText = est.fraction === undefined ? "" : `${(est.fraction * 100).toFixed(0)} %`
  const timing = `${t.progress.elapsed} ${duration(elapsed)} · ${est.leftMs === undefined ? t.progress.estimating : `${t.progress.left} ${duration(est.leftMs)}`}`
  const barWidth = Math.max(10, width - 14 - 6)
  const rows: Array<Row> = [
    line(run.cancelling ? t.progress.cancelling : t.progress.heading(run.files.length), { bold: true, color: run.cancelling ? "yellow" : undefined }),
    [],
    [seg(fit(t.progress.overall, 12), { bold: true }), seg(" "), ...progressBar(est.fraction, barWidth, tick), seg(rfit(pctText, 6))],
    line(`${" ".repeat(13)}${timing}`, { dim: true }),
    []
  ]
  const idWidth = Math.min(28, Math.max(10, ...run.files.map((f) => scenarioId(f).length)))
  const room = Math.max(0, height - rows.length)
  for (const [i, file] of run.files.slice(0, room).entries()) {
    const p = run.progress[i]
    const phase = p?.phase ?? "waiting"
    const share = est.scenarios[i]
    const mark = phase === "done" ? seg("✓ ", { color: "green" }) : p ? seg("▸ ", { color: "cyan" }) : seg("  ")
    const events = p
      ? phase === "computing" && p.computed !== undefined
        ? `${Math.floor(p.computed * 100)} %`
        : `${count(state.lang, p.events)}${p.expectedEvents !== undefined && phase !== "done" ? ` / ${count(state.lang, p.expectedEvents)}` : ""} ${t.progress.events}`
      : ""
    const fixed = 2 + idWidth + 1 + 11 + 1
    const small = Math.max(6, Math.min(30, width - fixed - 30))
    rows.push([
      mark,
      seg(fit(scenarioId(file), idWidth), { bold: p !== undefined && phase !== "done" }),
      seg(" "),
      seg(fit(t.progress.phase[phase], 11), { dim: phase === "waiting" }),
      seg(" "),
      ...progressBar(p ? share : 0, small, tick),
      seg(" "),
      seg(events, { dim: true })
    ])
  }
  return { rows, page: 1, hints }
}
