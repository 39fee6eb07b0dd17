/** Provision designs (issue 4 "Scenarios"): docs/designs.md. */
export { DesignSpec, type DesignSpecInput, HOMOGENEOUS_STAFFING } from "./schema"
export { applyDesign, type DesignPeriod } from "./apply"
export { type DesignGroup, designAwards, designGroups, extraStaffOf } from "./groups"
