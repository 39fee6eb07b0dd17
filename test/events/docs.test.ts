import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { eventsMarkdown } from "../../src/events/docs"
import { eventTypes } from "../../src/events/catalogue"

describe("docs/events.md", () => {
  it("is what the catalogue's schemas generate (run `npm run docs:events` after changing an event)", () => {
    expect(readFileSync("docs/events.md", "utf8")).toBe(eventsMarkdown())
  })
  it("documents every event type", () => {
    const md = eventsMarkdown()
    for (const t of eventTypes) expect(md).toContain(`### ${t}`)
  })
})
