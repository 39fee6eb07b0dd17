/** The bottom-up cost model (issue 4 "Scenarios"): docs/cost-model.md. */
export { COST_DEFAULTS, CostModelSpec, type CostModelSpecInput } from "./schema"
export {
  type CostAssumption,
  type CostGroup,
  costAssumptions,
  costModel,
  type CostModelResult,
  type GroupCostBreakdown,
  REGULAR_ROLES,
  type Role,
  ROLES
} from "./model"
export { RatioTable, ratioTableOn, staffRequired } from "./bkr"
