/**
 * Labels in English and Dutch (`--lang en|nl`, `L` switches while running).
 * Dutch domain terms (kot, smi, kindplek, overbrugging, bouwsteen, the funders'
 * names) are kept in both languages: they are the names analysts use.
 */
import type { Funder } from "../domain/policy/types"

export type Lang = "nl" | "en"

export const LANGS: ReadonlyArray<Lang> = ["en", "nl"]

const en = {
  title: "geldstroom",
  screens: {
    picker: "Scenarios",
    progress: "Replaying events",
    compare: "Comparison",
    drill: "Drill-down",
    differs: "What differs",
    error: "Error"
  },
  sections: { summary: "Totals", funders: "Funders", budgets: "Budgets", groups: "Groups", monthly: "Per month" },
  readOnly: "read-only: the event store is never written",
  readOnlyShort: "read-only",
  baseline: "baseline",
  moreRight: "more →",
  moreLeft: "← more",
  picker: {
    heading: "Pick the scenarios to compare",
    loading: "looking for scenarios…",
    none: "no scenario files found: name them on the command line (geldstroom tui scenarios/*.yaml)",
    selected: (n: number, of: number) => `${n} of ${of} selected`,
    nothingSelected: "select at least one scenario (Space)",
    invalid: "not valid"
  },
  progress: {
    heading: (n: number) => `Running ${n} scenario${n === 1 ? "" : "s"}`,
    overall: "overall",
    elapsed: "elapsed",
    left: "left",
    estimating: "estimating…",
    events: "events",
    phase: { waiting: "waiting", loading: "loading", replaying: "replaying", computing: "computing", done: "done" },
    cancelling: "cancelling…",
    cancelled: "run cancelled; the store is unchanged"
  },
  metrics: {
    cost: "Total cost of care",
    delta: "Δ vs baseline",
    payments: "Payments incl. vacancy",
    served: "Children served",
    waiting: "Children waiting (end)",
    everWaiting: "Children ever waiting",
    perChild: "Cost per child",
    perHour: "Cost per child-hour",
    occupancy: "Occupancy",
    violations: "Invariant violations",
    assumptions: "Assumptions",
    policy: "Policy",
    period: "Period",
    hours: "Hours of care",
    children: "Children",
    coverage: "coverage",
    of: "of",
    headroom: "headroom",
    overrun: "overrun",
    floor: "floor",
    total: "total"
  },
  funders: {
    rijk: "rijk (state)",
    gemeente: "gemeente (municipality)",
    jeugdhulp: "jeugdhulp (youth care)",
    onderwijs: "onderwijs (education)",
    zorg: "zorg (health care)",
    ouders: "ouders (parents)",
    aanbieder: "aanbieder (provider)",
    overig: "overig (other)"
  } satisfies Record<Funder, string>,
  compare: {
    noBudgets: "no budget lines in these scenarios",
    noGroups: "no groups in these scenarios",
    scale: "bars to one scale",
    monthlyOf: (id: string) => `monthly cost of ${id}, stacked by funder`,
    perFunder: "per funder",
    perStream: "per stream",
    costPerMonth: "cost of care per month",
    served: "served",
    waiting: "waiting",
    chooseBaseline: "Choose the baseline",
    warning: "note"
  },
  drill: {
    levels: { municipality: "Providers", provider: "Groups", group: "Children", child: "Months", month: "Every euro explained" },
    provider: "provider",
    group: "group",
    location: "location",
    design: "design",
    child: "child",
    month: "month",
    months: "months",
    cost: "cost",
    hours: "hours",
    paidBy: "paid by",
    layers: "layers",
    pays: (stream: string, amount: string, layer: string, rule: string) => `${stream} pays ${amount} of the ${layer} layer — rule '${rule}'`,
    source: "source",
    parameter: "parameter",
    valid: "valid",
    assumption: "assumption",
    event: "event",
    recorded: "recorded",
    groupMonth: (id: string) => `group ${id} this month`,
    loadingEvents: "reading the events behind these amounts…",
    ledgerNote: "(ledger, to the cent)",
    empty: "nothing here"
  },
  differs: {
    heading: (a: string, b: string) => `${b} against ${a}`,
    none: "no parameter or policy differences",
    isBaseline: "this scenario is the baseline: ←/→ picks another scenario",
    path: "setting",
    absent: "—",
    count: (n: number) => `${n} difference${n === 1 ? "" : "s"}`
  },
  errors: { heading: "The run stopped", back: "Enter or Esc: back to the scenarios · q: quit" },
  tooSmall: (w: number, h: number) => `window too small (${w}×${h}); geldstroom needs at least 60×16`,
  /** Short words for the status line (the help says it in full). */
  hints: {
    move: "move",
    toggle: "choose",
    all: "all",
    run: "run",
    cancel: "cancel",
    ctrlC: "cancel and quit",
    sections: "sections",
    focus: "scenario",
    drill: "drill down",
    baseline: "baseline",
    differs: "what differs",
    down: "down",
    up: "up",
    back: "back",
    scroll: "scroll",
    pick: "choose",
    picker: "scenarios"
  },
  help: {
    title: "Keys",
    close: "? or Esc closes this help",
    global: "Everywhere",
    keys: {
      help: "this help",
      quit: "quit",
      ctrlC: "cancel a run and quit",
      lang: "switch language (en/nl)",
      move: "move",
      toggle: "select or deselect a scenario",
      all: "select all or none",
      run: "run the selected scenarios",
      cancel: "cancel the run (back to the scenarios)",
      sections: "next or previous section",
      sectionN: "go to a section",
      focus: "focus another scenario",
      scroll: "scroll",
      page: "scroll a page",
      topBottom: "top or bottom",
      baseline: "choose another baseline (no re-run)",
      drill: "drill down into the focused scenario",
      differs: "what differs from the baseline",
      picker: "back to the scenarios",
      rerun: "run the same scenarios again",
      down: "go down a level",
      up: "go up a level",
      back: "back",
      toCompare: "back to the comparison, if there is one"
    }
  }
}

export type Labels = typeof en

const nl: Labels = {
  title: "geldstroom",
  screens: {
    picker: "Scenario's",
    progress: "Gebeurtenissen afspelen",
    compare: "Vergelijking",
    drill: "Inzoomen",
    differs: "Wat verschilt",
    error: "Fout"
  },
  sections: { summary: "Totalen", funders: "Financiers", budgets: "Budgetten", groups: "Groepen", monthly: "Per maand" },
  readOnly: "alleen lezen: de event store wordt nooit beschreven",
  readOnlyShort: "alleen lezen",
  baseline: "basis",
  moreRight: "meer →",
  moreLeft: "← meer",
  picker: {
    heading: "Kies de scenario's om te vergelijken",
    loading: "scenario's zoeken…",
    none: "geen scenariobestanden gevonden: noem ze op de opdrachtregel (geldstroom tui scenarios/*.yaml)",
    selected: (n, of) => `${n} van ${of} gekozen`,
    nothingSelected: "kies minstens één scenario (spatie)",
    invalid: "ongeldig"
  },
  progress: {
    heading: (n) => `${n} scenario${n === 1 ? "" : "'s"} doorrekenen`,
    overall: "totaal",
    elapsed: "verstreken",
    left: "nog",
    estimating: "schatten…",
    events: "gebeurtenissen",
    phase: { waiting: "wacht", loading: "laden", replaying: "afspelen", computing: "rekenen", done: "klaar" },
    cancelling: "afbreken…",
    cancelled: "berekening afgebroken; de store is ongewijzigd"
  },
  metrics: {
    cost: "Totale kosten van zorg",
    delta: "Δ t.o.v. basis",
    payments: "Betalingen incl. leegstand",
    served: "Kinderen bediend",
    waiting: "Kinderen wachtend (eind)",
    everWaiting: "Kinderen ooit wachtend",
    perChild: "Kosten per kind",
    perHour: "Kosten per kinduur",
    occupancy: "Bezetting",
    violations: "Geschonden invarianten",
    assumptions: "Aannames",
    policy: "Beleid",
    period: "Periode",
    hours: "Uren opvang",
    children: "Kinderen",
    coverage: "dekking",
    of: "van",
    headroom: "ruimte",
    overrun: "overschreden",
    floor: "norm",
    total: "totaal"
  },
  funders: {
    rijk: "rijk",
    gemeente: "gemeente",
    jeugdhulp: "jeugdhulp",
    onderwijs: "onderwijs",
    zorg: "zorg",
    ouders: "ouders",
    aanbieder: "aanbieder",
    overig: "overig"
  },
  compare: {
    noBudgets: "geen budgetregels in deze scenario's",
    noGroups: "geen groepen in deze scenario's",
    scale: "balken op één schaal",
    monthlyOf: (id) => `maandkosten van ${id}, gestapeld per financier`,
    perFunder: "per financier",
    perStream: "per geldstroom",
    costPerMonth: "kosten van zorg per maand",
    served: "bediend",
    waiting: "wachtend",
    chooseBaseline: "Kies de basis",
    warning: "let op"
  },
  drill: {
    levels: { municipality: "Aanbieders", provider: "Groepen", group: "Kinderen", child: "Maanden", month: "Elke euro verklaard" },
    provider: "aanbieder",
    group: "groep",
    location: "locatie",
    design: "vorm",
    child: "kind",
    month: "maand",
    months: "maanden",
    cost: "kosten",
    hours: "uren",
    paidBy: "betaald door",
    layers: "lagen",
    pays: (stream, amount, layer, rule) => `${stream} betaalt ${amount} van de laag ${layer} — regel '${rule}'`,
    source: "bron",
    parameter: "parameter",
    valid: "geldig",
    assumption: "aanname",
    event: "gebeurtenis",
    recorded: "vastgelegd",
    groupMonth: (id) => `groep ${id} deze maand`,
    loadingEvents: "de gebeurtenissen achter deze bedragen lezen…",
    ledgerNote: "(grootboek, op de cent)",
    empty: "niets hier"
  },
  differs: {
    heading: (a, b) => `${b} tegenover ${a}`,
    none: "geen verschillen in parameters of beleid",
    isBaseline: "dit scenario is de basis: ←/→ kiest een ander scenario",
    path: "instelling",
    absent: "—",
    count: (n) => `${n} verschil${n === 1 ? "" : "len"}`
  },
  errors: { heading: "De berekening is gestopt", back: "Enter of Esc: terug naar de scenario's · q: stoppen" },
  tooSmall: (w, h) => `venster te klein (${w}×${h}); geldstroom heeft minstens 60×16 nodig`,
  hints: {
    move: "verplaatsen",
    toggle: "kiezen",
    all: "alles",
    run: "doorrekenen",
    cancel: "afbreken",
    ctrlC: "afbreken en stoppen",
    sections: "secties",
    focus: "scenario",
    drill: "inzoomen",
    baseline: "basis",
    differs: "wat verschilt",
    down: "dieper",
    up: "terug",
    back: "terug",
    scroll: "scrollen",
    pick: "kiezen",
    picker: "scenario's"
  },
  help: {
    title: "Toetsen",
    close: "? of Esc sluit deze hulp",
    global: "Overal",
    keys: {
      help: "deze hulp",
      quit: "stoppen",
      ctrlC: "berekening afbreken en stoppen",
      lang: "taal wisselen (en/nl)",
      move: "verplaatsen",
      toggle: "scenario aan- of uitvinken",
      all: "alles of niets kiezen",
      run: "gekozen scenario's doorrekenen",
      cancel: "berekening afbreken (terug naar de scenario's)",
      sections: "volgende of vorige sectie",
      sectionN: "naar een sectie",
      focus: "ander scenario in focus",
      scroll: "scrollen",
      page: "een pagina scrollen",
      topBottom: "begin of einde",
      baseline: "andere basis kiezen (zonder herberekening)",
      drill: "inzoomen op het scenario in focus",
      differs: "wat verschilt van de basis",
      picker: "terug naar de scenario's",
      rerun: "dezelfde scenario's opnieuw doorrekenen",
      down: "een niveau dieper",
      up: "een niveau terug",
      back: "terug",
      toCompare: "terug naar de vergelijking, als die er is"
    }
  }
}

export const labels = (lang: Lang): Labels => (lang === "nl" ? nl : en)

/** A funding stream's name as the policy labels it, with its Dutch key kept (e.g. "kot · Childcare allowance (KOT)"). */
export const streamLabel = (lang: Lang, name: string, label?: { readonly nl: string; readonly en: string }): string =>
  label === undefined ? name : `${name} · ${label[lang]}`
