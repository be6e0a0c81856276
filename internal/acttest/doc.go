// Package acttest runs the GitHub Action (action.yml at the repository
// root) for real, in nektos/act with jobs on the host, on a test repository
// and pull request and push events, and checks what a user of the action
// sees: the files scanned, the annotations, the job summary, the step
// outputs, the SARIF log handed to code scanning and the job's result.
//
// The remote actions the action and the workflow use (actions/checkout,
// actions/setup-go, github/codeql-action/upload-sarif) are replaced by
// small stand-ins under testdata/actions that record their inputs, so the
// test runs offline. It has no code of its own.
package acttest
