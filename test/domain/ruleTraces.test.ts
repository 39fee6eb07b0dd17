/**
 * What the rules' traces say: the direct rule cites seed 000 §3.3 whatever the policy's share
 * cites; a payer's value is named by the same path in the trace and in the run's assumptions;
 * the occupancy flags of a group and a location come from one rule.
 */
import { describe, expect, it } from "vitest"
import { Dec } from "../../src/domain/money"
import { policyAssumptions } from "../../src/domain/policy/assumptions"
import type { Policy } from "../../src/domain/policy/types"
import { occupancyFlags } from "../../src/domain/rules/groupMonth"
import { goldenPolicy, groupOpened, indicationIssued, kotStarted, ledgerOf, placementStarted, shippedPolicy, waitingEntered } from "../golden/support"

const child = [
  groupOpened("G-H", { design: "homogeneous", costPricePerHour: "18.00" }),
  placementStarted("J-1", "2026-01-05", { groupId: "G-H", daysPerWeek: 3, hoursPerDay: 10, hourlyPrice: "10.00" }),
  kotStarted("J-1", "2026-01-05", "50000")
]
const linesOf = (policy: Policy, events = child) => ledgerOf({ events, policy, months: ["2026-04"] }).children.flatMap((c) => c.lines)

describe("the direct rule's trace", () => {
  it("cites seed 000 §3.3 as its source, beside the source of the policy's share", () => {
    const model5 = shippedPolicy("model-5-kot-direct-no-indication")
    const policy: Policy = {
      ...model5,
      layers: {
        ...model5.layers,
        plus: { payers: [{ kind: "direct", stream: "gemeente", share: { value: new Dec("0.5"), source: "a test share", assumption: true }, condition: { kind: "always" } }], residual: "provider" }
      }
    }
    const line = linesOf(policy).find((l) => l.stream === "gemeente")!
    expect(line.trace.rule).toBe("direct")
    expect(line.trace.source).toMatch(/^seed 000 §3\.3/)
    expect(line.trace.source).toContain("a test share")
  })
})

describe("a payer's value in the trace and in the assumptions", () => {
  const strip = (path: string, prefix: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : `(not under ${prefix}) ${path}`)

  it("the overbrugging cap: the same path under the policy in both", () => {
    const policy = goldenPolicy("rotterdam-overbrugging-cap")
    const events = [...child, indicationIssued("J-1", "I-J", "jeugdhulp", "2026-01-05"), waitingEntered("J-1", "2026-02-02")]
    const line = linesOf(policy, events).find((l) => l.stream === "overbrugging")!
    const traced = line.trace.parameters.filter((p) => p.path.endsWith("maxPerMonth")).map((p) => strip(p.path, "policy."))
    const assumed = policyAssumptions(policy).filter((a) => a.path.endsWith("maxPerMonth")).map((a) => strip(a.path, `policy ${policy.id}.`))
    expect(traced).toEqual(["layers.jeugdhulp.overbrugging.maxPerMonth"])
    expect(assumed).toEqual(traced)
  })

  it("a direct payer's share: the same path under the policy in both", () => {
    const policy = shippedPolicy("model-5-kot-direct-no-indication")
    const line = linesOf(policy).find((l) => l.stream === "gemeente")!
    expect(line.trace.parameters.map((p) => strip(p.path, "policy."))).toEqual(["layers.plus.gemeente.share"])
  })
})

describe("occupancy flags (seed 004 §III, §X): one rule for a group's month and a location's period", () => {
  const kindplek = shippedPolicy("rotterdam-koplus").kindplek!
  it("flags a rate below the floor and an average below the minimum, and not a rate at the floor", () => {
    expect(occupancyFlags(kindplek, kindplek.occupancyFloor.value, kindplek.minAverageChildren.value)).toEqual([])
    expect(occupancyFlags(kindplek, new Dec("0.7999"), new Dec("4.94"))).toEqual(["occupancy 79.99 % below 80 %", "average 4.9 children, below 5"])
    expect(occupancyFlags(undefined, new Dec(0), new Dec(0))).toEqual([])
    // Just below a threshold reads below it, not as the threshold (rounded down, not to nearest).
    expect(occupancyFlags(kindplek, new Dec("0.79996"), new Dec("4.96"))).toEqual(["occupancy 79.99 % below 80 %", "average 4.9 children, below 5"])
  })
})
