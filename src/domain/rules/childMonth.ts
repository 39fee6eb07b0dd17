/**
 * One child-month of the ledger: apportion a measured month over its payers
 * and round it to cents (DOMAIN.md "How the money flows"; docs/decisions/
 * 0004-exact-money.md). `computeLedger` and the streaming run at national
 * scale (src/projection) both make every child-month here, so they agree to
 * the last digit.
 */
import type { ChildMonth, LedgerLine } from "../ledger/types"
import { type Dec, fromZero, splitToCents, toCents } from "../money"
import type { Layer } from "../policy/types"
import { apportion } from "./apportion"
import type { RuleContext } from "./context"
import { plus } from "./kept"
import type { AllocationLookup } from "./kindplek"
import type { ChildMonthMeasure } from "./measure"

/** The payers' streams in the policy's order, and who absorbs the cent when rounding. */
export interface Rounding {
  readonly order: ReadonlyArray<string>
  /** Residual payers absorb the ledger's rounding difference, the provider before the parent. */
  readonly residuals: ReadonlySet<string>
}

export interface ChildMonthResult {
  readonly childMonth: ChildMonth
  /** Kindplek paid into this child's plus layer, per group (after the layer capped the claim). */
  readonly kindplekByGroup: ReadonlyMap<string, Dec>
  /** Kindplek claimed for this child per group, before the cap. */
  readonly kindplekClaimedByGroup: ReadonlyMap<string, Dec>
}

const uniqueSorted = (values: ReadonlyArray<string>): ReadonlyArray<string> =>
  values.length === 1 ? values : [...new Set(values)].sort()

/**
 * Each stream's amount: its lines summed in line order (the sums kept: ./kept.ts), the streams in the
 * policy's order; streams outside it are left out. A month has a few lines, so they are scanned per
 * stream rather than gathered in a map.
 */
export const streamParts = (lines: ReadonlyArray<LedgerLine>, order: ReadonlyArray<string>): Array<readonly [string, Dec]> => {
  const parts: Array<readonly [string, Dec]> = []
  for (const s of order) {
    let v: Dec | undefined
    for (const l of lines) if (l.stream === s) v = v === undefined ? l.amount : plus(v, l.amount)
    if (v !== undefined) parts.push([s, v])
  }
  return parts
}

export const childMonthOf = (
  ctx: RuleContext,
  m: ChildMonthMeasure,
  allocations: AllocationLookup,
  rounding: Rounding
): ChildMonthResult => {
  const { lines, kindplekByGroup, kindplekClaimedByGroup } = apportion(ctx, m, allocations)
  const parts = streamParts(lines, rounding.order)
  const cost = plus(plus(m.regular, m.plus), m.jeugdhulp)
  const groupIds: Array<string> = []
  const providers: Array<string> = []
  const groupHours = new Map<string, Dec>()
  for (const s of m.segments)
    for (const p of s.pieces) {
      const g = p.piece.data.groupId
      groupIds.push(g)
      providers.push(p.piece.data.providerId)
      const before = groupHours.get(g)
      groupHours.set(g, before === undefined ? fromZero(p.hours) : before.plus(p.hours))
    }
  const costCents = toCents(cost)
  return {
    childMonth: {
      childId: m.childId,
      month: m.month,
      groups: uniqueSorted(groupIds),
      providers: uniqueSorted(providers),
      hours: m.hours,
      groupHours,
      cost,
      layers: { regular: m.regular, plus: m.plus, jeugdhulp: m.jeugdhulp } satisfies Record<Layer, Dec>,
      lines,
      costCents,
      // Split to the cost's own cents (not a re-rounding of the parts' 60-digit sum).
      streamCents: new Map(splitToCents(parts, { total: costCents, residuals: rounding.residuals }))
    },
    kindplekByGroup,
    kindplekClaimedByGroup
  }
}
