// Command pyward is a security gate for Python code: it assesses the Python
// files a commit or pull request changes and blocks what crosses the
// configured risk threshold. This file only wires the commands together;
// each lives in a file of its own and errors come back here to be printed.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit statuses: the contract in DESIGN.md.
const (
	exitOK      = 0
	exitBlocked = 1 // also: `debug ast` on a file CPython would reject
	exitError   = 2 // usage, configuration or runtime error
)

func main() {
	tuneGC()
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC trades the garbage collector's default eagerness for a memory
// ceiling. A scan holds little at a time (each file is released once
// assessed), so with Go's defaults the collector runs often for nothing:
// in a staged scan of a large repository one collection was a third of
// the run. Collecting at 5x the live heap, and at the latest when the heap
// nears 64 MiB, made the standard-library scan 20% faster with less peak
// memory (bench/scan.sh) and the staged scan 20% faster. GOGC and
// GOMEMLIMIT, when set, win.
func tuneGC() {
	// No allocation sampling: pyward never writes a heap profile, and
	// the samples' records (1.4 MB in a site-packages scan) count against
	// the memory limit, so the collector ran more often for them.
	runtime.MemProfileRate = 0
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(64 << 20)
	}
}

// statusError carries an exit status chosen by a command together with the
// message to print.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

// usageError is a usage mistake: exit status 2, with a one-line hint.
func usageError(cmd, msg string) *statusError {
	return &statusError{exitError, fmt.Sprintf("%s: %s\n(see %s --help)", cmd, msg, cmd)}
}

// flagsFirst moves a command's flags before its operands, so that flags
// work after paths (`pyward scan . --format json`) as in every modern
// command line; urfave/cli stops at the first operand. "--" ends the flags:
// what follows it stays an operand, even if it starts with a dash.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil || len(cmd.Subcommands) > 0 {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, operands []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			operands = append(operands, rest[i+1:]...)
			i = len(rest)
		case a == "-" || !strings.HasPrefix(a, "-"):
			operands = append(operands, a)
		default:
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(rest) {
				i++
				flags = append(flags, rest[i])
			}
		}
	}
	out := append([]string{args[0], args[1]}, flags...)
	if len(operands) > 0 {
		out = append(out, "--")
		out = append(out, operands...)
	}
	return out
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &cli.App{
		Name:      "pyward",
		Usage:     "a security gate for Python code",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			versionCommand(),
			scanCommand(),
			baselineCommand(),
			hookCommand(),
			rulesCommand(),
			explainCommand(),
			configCommand(),
			uploadCommand(),
			debugCommand(),
		},
		// Errors are printed once, below, with the status they carry.
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		// Usage mistakes go to standard error as one line and a hint, never
		// as help text on standard output, which scripts parse.
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageError("pyward", err.Error())
		},
		CommandNotFound: func(c *cli.Context, name string) {},
	}
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") && app.Command(args[1]) == nil {
		fmt.Fprintln(stderr, usageError("pyward", fmt.Sprintf("unknown command %q", args[1])).msg)
		return exitError
	}
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, cmd := range cmds {
			name := prefix + " " + cmd.Name
			cmd.OnUsageError = func(c *cli.Context, err error, _ bool) error {
				return usageError(name, err.Error())
			}
			walk(name, cmd.Subcommands)
		}
	}
	walk("pyward", app.Commands)
	err := app.Run(flagsFirst(app, args))
	if err == nil {
		return exitOK
	}
	var se *statusError
	if errors.As(err, &se) {
		if se.msg != "" {
			fmt.Fprintln(stderr, se.msg)
		}
		return se.status
	}
	fmt.Fprintln(stderr, "pyward:", err)
	return exitError
}
