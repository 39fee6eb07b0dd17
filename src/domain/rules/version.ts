/**
 * The version of the rules. Bump it whenever a rule's logic changes: it is part
 * of every run's fingerprint, so cached or compared results expire when the
 * logic does (EUROMOD, ../shared/ANCHORS.md). Parameter data is fingerprinted
 * separately, by content.
 */
export const RULES_VERSION = "2026.11.1"
