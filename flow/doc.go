// Package flow is pyward's data-flow engine. It follows values through a
// parsed module, in statement order, from sources (input(), sys.argv,
// web request data, a socket's reads...) through assignments,
// containers, string building and library calls to sinks (a command
// that is run, the SQL text of a query, a file path...), and reports
// each labelled value that reaches a sink as an Event of the sink's
// family. It knows nothing of rule IDs, scoring or output: package rules
// maps families and labels to its rules.
//
// # Models are data
//
// What the engine knows of libraries is in tables, one Library per
// library family, in the models_*.go files:
//
//   - Sources: a call (Call: true) or an attribute read whose value comes
//     from outside, with its labels ("user|remote").
//   - Sinks: a call, the arguments that count (Args, AllArgs, Kws, Recv)
//     and its family ("command", "sql", "ssrf"...).
//   - Sanitizers: a call whose result is safe for some families
//     ("xss" for html.escape), or for all ("*" for int()).
//   - Propagators: a call whose result carries its arguments' and/or its
//     receiver's labels (os.path.join, str.strip), possibly adding some
//     ("decoded" for base64.b64decode).
//   - Guards: a test that makes its argument safe in the branch it
//     guards; ItemSinks: an item assignment that is a sink
//     (session[k] = v); request objects, route decorators and request
//     parameter annotations for web frameworks.
//
// Names are qualified names after import resolution. ".name" is any
// method of that name (whatever the receiver, as long as it is not an
// imported module); "prefix.*" is every name under prefix.
//
// # Adding a model
//
// To model a library, add rows to the Library of its family (or a new
// Library appended to builtin in models_net.go). A new label is a row
// of labelTable (labels.go), a new sink family a row of familyTable
// (model.go); rows refer to both by name, and Compile rejects names that
// do not exist. Then map the family to a rule in rules/flow.go, and add
// a vulnerable case and its safe near-miss to the corpus under
// testdata/corpus (see corpus_test.go in package rules).
//
// Users add their own Libraries from the configuration's flow section;
// Compile builds the built-in libraries plus theirs.
package flow
