import { parseArgs } from "node:util"
import { baselineIndex } from "../../app/workbench"
import { LANGS, type Lang } from "../../tui/i18n"
import { startTui } from "../../tui/index"
import { defaultScenarioFiles } from "../../tui/scenarios"
import { commandLineStore } from "../../store/select"
import { type Command, EXIT } from "../command"

export const tuiCommand: Command = {
  name: "tui",
  summary: "open the analyst's workbench in the terminal (`geldstroom` alone opens it on the main job's Rotterdam scenarios); prints the comparison once when not on a terminal",
  usage: "geldstroom tui [scenario.yaml...] [--lang en|nl] [--store PATH|eventstoredb] [--baseline ID|N]",
  options: [
    ["--lang en|nl", "the language of the labels (default en; L switches while running)"],
    ["--store PATH|eventstoredb", "read every scenario's events from this store instead of its own source (read-only)"],
    ["--baseline ID|N", "the scenario the others are measured against: its file name without .yaml, or its position (1 = first)"]
  ],
  examples: ["geldstroom", "geldstroom tui scenarios/rotterdam-small.yaml --lang nl", "geldstroom tui scenarios/*.yaml --baseline 2", "geldstroom | cat"],
  run: async (argv) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { lang: { type: "string" }, store: { type: "string" }, baseline: { type: "string" } }
    })
    const lang = (values.lang ?? "en") as Lang
    if (!LANGS.includes(lang)) {
      process.stderr.write(`geldstroom tui: --lang ${values.lang} is not one of ${LANGS.join(", ")}\n`)
      return EXIT.usage
    }
    if (positionals.length > 0 && values.baseline !== undefined && baselineIndex(values.baseline, positionals) === undefined) {
      process.stderr.write(`geldstroom tui: --baseline ${values.baseline} names none of the scenarios\n`)
      return EXIT.usage
    }
    const store = commandLineStore(values.store, "read")
    return startTui({
      lang,
      ...(positionals.length > 0 ? { files: positionals } : {}),
      ...(store !== undefined ? { store } : {}),
      ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
      defaultFiles: () => defaultScenarioFiles()
    })
  }
}
