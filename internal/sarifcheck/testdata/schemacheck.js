// schemacheck.js FILE...: validates each SARIF file against the SARIF 2.1.0
// JSON schema the way github/codeql-action's upload-sarif does before it
// uploads (`new jsonschema.Validator().validate(sarif, schema)`, the upload
// refused when the result has errors). Stricter than upload-sarif in one
// respect: recent versions demote `format` errors of URIs to warnings, this
// script counts every error.
//
// Environment: PYWARD_JSONSCHEMA, the jsonschema package's folder;
// PYWARD_SARIF_SCHEMA, the schema file (sarif-2.1.0.json, shipped in npm
// @microsoft/sarif-multitool-linux).
// Output: one line per error, "FILE: PROPERTY MESSAGE"; exit status 1 when
// any file has an error, 2 when a file or the validator cannot be read.
"use strict";
const fs = require("fs");

let jsonschema, schema;
try {
  jsonschema = require(process.env.PYWARD_JSONSCHEMA);
  schema = JSON.parse(fs.readFileSync(process.env.PYWARD_SARIF_SCHEMA, "utf8"));
} catch (e) {
  console.error(`schemacheck: ${e.message}`);
  process.exit(2);
}
if (process.argv[2] === "--version") {
  const pkg = require(process.env.PYWARD_JSONSCHEMA + "/package.json");
  console.log(`jsonschema ${pkg.version} (node ${process.version}), schema "${schema.title}"`);
  process.exit(0);
}

let status = 0;
for (const file of process.argv.slice(2)) {
  let sarif;
  try {
    sarif = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  const result = new jsonschema.Validator().validate(sarif, schema);
  for (const err of result.errors) {
    console.log(`${file}: ${err.stack}`);
    status = 1;
  }
}
process.exit(status);
