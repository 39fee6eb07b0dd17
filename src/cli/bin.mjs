#!/usr/bin/env node
// The `geldstroom` command when the package is installed (npm link, npm install -g): registers the
// TypeScript loader and runs the CLI. In the repository, `npm run geldstroom -- …` does the same.
import { register } from "tsx/esm/api"

register()
const { main } = await import("./main.ts")
process.exitCode = await main(process.argv.slice(2))
