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
import { KeptPairs } from "../keptTable"
import { apportion } from "./apportion"
import type { RuleContext } from "./context"
import { plus } from "./kept"
import type { AllocationLookup } from "./kindplek"
import type { ChildMonthMeasure, PieceValues } from "./measure"

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

/** A child-month's cost and its cents. */
interface Cost {
  readonly cost: Dec
  readonly costCents: bigint
}

/**
 * A child-month's cost, regular + plus + jeugdhulp (kept sums, ./kept.ts), and its cents (the ledger's
 * half-up rounding). Not kept in a table of its own: its sums and cents are kept (./kept.ts,
 * ../money.ts), and months of more than one piece (the only ones that come here from `monthCost`)
 * seldom recur (none did in a municipal replay: a table of them found nothing again).
 */
export const childMonthCost = (regular: Dec, plusLayer: Dec, jeugdhulp: Dec): Cost => {
  const cost = plus(plus(regular, plusLayer), jeugdhulp)
  return { cost, costCents: toCents(cost) }
}

/**
 * Costs of months of one piece alone, by (jeugdhulp layer, piece values). `pieceCostOf` reads the
 * jeugdhulp layer and the values' regular and plus layers (./measure.ts `PieceValues`: made once, never
 * changed, so their identity stands for both): the key covers all it reads. The jeugdhulp layer first
 * (mostly zero: one inner map holds most). Bounded: `PIECE_COSTS_KEPT` costs (about 0.25 KB each,
 * so at most about 2 MB; emptied past it): as many as a national replay's first 200,000 children ask.
 */
const PIECE_COSTS_KEPT = 8_192
const pieceCosts = new KeptPairs<Dec, PieceValues, Cost>(PIECE_COSTS_KEPT)
const pieceCostOf = (jeugdhulp: Dec, v: PieceValues): Cost => childMonthCost(v.regular, v.plus, jeugdhulp)

/**
 * A measured month's cost and cents (`childMonthCost`). A month of one piece whose layers are the
 * piece's own (the common case) finds it by the piece's values and its jeugdhulp layer (`pieceCosts`):
 * its regular and plus layers are then the values' (checked, by identity), so it is the same sum.
 */
export const monthCost = (m: ChildMonthMeasure): Cost => {
  if (m.segments.length === 1 && m.segments[0]!.pieces.length === 1) {
    const v = m.segments[0]!.pieces[0]!.values
    if (m.regular === v.regular && m.plus === v.plus) return pieceCosts.get(m.jeugdhulp, v, pieceCostOf)
  }
  return childMonthCost(m.regular, m.plus, m.jeugdhulp)
}

export const childMonthOf = (
  ctx: RuleContext,
  m: ChildMonthMeasure,
  allocations: AllocationLookup,
  rounding: Rounding
): ChildMonthResult => {
  const { lines, kindplekByGroup, kindplekClaimedByGroup } = apportion(ctx, m, allocations)
  const parts = streamParts(lines, rounding.order)
  const { cost, costCents } = monthCost(m)
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
