/**
 * A canonical text of a ledger: the same ledger always gives the same text, so
 * two ledgers are equal exactly when their texts are (DOMAIN.md invariant 8).
 */
import type { Ledger } from "./types"

export const canonicalLedger = (ledger: Ledger): string => {
  const rows: Array<string> = []
  for (const c of ledger.children) {
    const lines = c.lines.map((l) => `${l.stream}:${l.layer}:${l.amount.toFixed(30)}`).join(",")
    const cents = [...c.streamCents].map(([s, v]) => `${s}=${v}`).join(",")
    rows.push(`C ${c.childId} ${c.month} ${c.cost.toFixed(30)} ${c.costCents} [${cents}] [${lines}]`)
  }
  for (const g of ledger.groups)
    rows.push(`G ${g.groupId} ${g.month} ${g.subsidy.toFixed(30)} ${g.vacancy.toFixed(30)} ${g.surplus.toFixed(30)} ${g.occupancy.occupiedPlaceDays.toFixed(30)}`)
  for (const b of ledger.budgets) rows.push(`B ${b.budgetLineId} ${b.year} ${b.usedCents}`)
  return rows.join("\n")
}
