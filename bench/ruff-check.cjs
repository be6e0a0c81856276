// Checks every file of a list with Ruff's WebAssembly build, flake8-bandit
// rules (S) only, in one Workspace, and prints the counts and the time.
//   node bench/ruff-check.cjs PACKAGE_DIR ROOT LIST TARGET_VERSION
// PACKAGE_DIR is the installed @astral-sh/ruff-wasm-nodejs folder; LIST
// holds NUL-separated paths relative to ROOT (as bench/ruff.sh and
// bench/speed.sh write them); TARGET_VERSION is Ruff's name for the
// Python the files are written for (py311), so that newer syntax is not
// reported as an error. Used by bench/ruff.sh.
"use strict";
const fs = require("fs");
const path = require("path");

const [pkgDir, root, list, target] = process.argv.slice(2);
if (!target) {
  console.error("usage: node bench/ruff-check.cjs PACKAGE_DIR ROOT LIST TARGET_VERSION");
  process.exit(2);
}
const { Workspace, PositionEncoding } = require(path.resolve(pkgDir));

// Ruff takes a JavaScript string, so the bytes are decoded here. Python
// source is UTF-8 unless a coding cookie says otherwise; the few
// standard-library files that are not UTF-8 are Latin-1 (test data), and
// decoding them as Latin-1 keeps every byte instead of dropping the
// invalid ones.
const utf8 = new TextDecoder("utf-8", { fatal: true });
function decode(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}

const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const workspace = new Workspace(
  { "target-version": target, lint: { select: ["S"] } },
  PositionEncoding.Utf8,
);
const files = fs.readFileSync(list, "utf8").split("\0").filter((f) => f !== "");
let findings = 0;
let syntaxErrors = 0; // files Ruff could not parse (diagnostics coded invalid-syntax)
let filesWithFindings = 0;
let failed = 0;
let bytes = 0;
for (const file of files) {
  const source = fs.readFileSync(path.join(root, file));
  bytes += source.length;
  let diagnostics;
  try {
    diagnostics = workspace.check(decode(source));
  } catch (err) {
    failed++;
    console.error(`${file}: ${err}`);
    continue;
  }
  const n = diagnostics.filter((d) => d.code !== null && d.code.startsWith("S")).length;
  findings += n;
  if (n > 0) filesWithFindings++;
  if (diagnostics.some((d) => d.code === "invalid-syntax")) syntaxErrors++;
}
const wall = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
console.log(
  `ruff-wasm ${Workspace.version()}: ${files.length} files (${(bytes / 1048576).toFixed(1)} MB), ` +
    `${findings} S diagnostics in ${filesWithFindings} files, ${syntaxErrors} with syntax errors, ` +
    `${failed} failed; ${wall.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu in the script`,
);
