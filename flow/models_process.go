package flow

// subprocess, os and the other ways to start a process: the command (and
// its arguments) is the sink; cwd=, env= and the rest are not.
var processLib = Library{
	Name: "subprocess/os",
	Sinks: func() []Sink {
		var out []Sink
		cmd := []string{"args", "cmd", "command"}
		for _, q := range []string{
			"subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run",
			"subprocess.getoutput", "subprocess.getstatusoutput",
			"os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4",
			"popen2.popen2", "popen2.popen3", "popen2.popen4", "popen2.Popen3", "popen2.Popen4",
			"commands.getoutput", "commands.getstatusoutput", "os.startfile",
			"pty.spawn", "asyncio.create_subprocess_shell",
		} {
			out = append(out, Sink{Func: q, Family: "command", Kws: cmd})
		}
		// The exec and spawn families: the arguments after the program
		// (and the mode), not the environment.
		for _, r := range []struct {
			q        []string
			from     int
			list     bool
			dropLast bool
		}{
			{[]string{"os.execl", "os.execlp"}, 1, false, false},
			{[]string{"os.execle", "os.execlpe"}, 1, false, true},
			{[]string{"os.execv", "os.execvp", "os.execve", "os.execvpe", "os.posix_spawn", "os.posix_spawnp"}, 1, true, false},
			{[]string{"os.spawnl", "os.spawnlp"}, 2, false, false},
			{[]string{"os.spawnle", "os.spawnlpe"}, 2, false, true},
			{[]string{"os.spawnv", "os.spawnvp", "os.spawnve", "os.spawnvpe"}, 2, true, false},
			{[]string{"asyncio.create_subprocess_exec"}, 0, false, false},
		} {
			for _, q := range r.q {
				if r.list {
					out = append(out, Sink{Func: q, Family: "command", Args: []int{r.from}, Kws: []string{"args", "argv"}})
				} else {
					out = append(out, Sink{Func: q, Family: "command", AllArgs: true, From: r.from, DropLast: r.dropLast})
				}
			}
		}
		return out
	}(),
}

// pickle, yaml, marshal, shelve, dill and the other loaders that build
// arbitrary objects: the data (or the file) they load is the sink.
var serialLib = Library{
	Name: "pickle/yaml/marshal/shelve/dill",
	Sinks: func() []Sink {
		var out []Sink
		for _, q := range []string{
			"pickle.loads", "pickle.load", "pickle.Unpickler", "cPickle.loads", "cPickle.load", "_pickle.loads",
			"marshal.loads", "marshal.load", "dill.loads", "dill.load", "shelve.open", "jsonpickle.decode",
			"yaml.load", "yaml.unsafe_load", "yaml.full_load", "yaml.load_all", "yaml.unsafe_load_all",
			"joblib.load", "torch.load", "pandas.read_pickle", "numpy.load", "cloudpickle.loads", "cloudpickle.load",
		} {
			out = append(out, Sink{Func: q, Family: "deserialize", Kws: []string{"data", "stream", "file", "s"}})
		}
		return out
	}(),
	Propagators: []Propagator{{Func: "yaml.safe_load", From: "args"}, {Func: "yaml.dump", From: "args"}},
}

// Code: the builtins that compile or run Python source.
var codeLib = Library{
	Name: "stdlib code",
	Sinks: []Sink{
		{Func: "eval", Family: "code", Kws: []string{"source"}, Args: []int{0}},
		{Func: "exec", Family: "code", Kws: []string{"source"}, Args: []int{0}},
		{Func: "compile", Family: "code", Kws: []string{"source"}, Args: []int{0}},
		{Func: "execfile", Family: "code"},
		{Func: "builtins.eval", Family: "code"}, {Func: "builtins.exec", Family: "code"},
		{Func: "builtins.compile", Family: "code"},
		{Func: "types.FunctionType", Family: "code"}, {Func: "types.CodeType", Family: "code", AllArgs: true},
		{Func: "code.InteractiveInterpreter.runsource", Family: "code"},
		{Func: "runpy.run_path", Family: "code"}, {Func: "runpy.run_module", Family: "code"},
	},
	Sanitizers: []Sanitizer{{Func: "ast.literal_eval", Families: "*"}},
}
