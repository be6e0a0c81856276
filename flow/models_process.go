package flow

// subprocess, os and the other ways to start a process: the command (and
// its arguments) is the sink; cwd=, env= and the rest are not.
var processLib = Library{
	Name: "subprocess/os",
	Sinks: func() []Sink {
		var out []Sink
		for _, q := range []string{
			"subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run",
			"subprocess.getoutput", "subprocess.getstatusoutput",
			"os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4",
			"popen2.popen2", "popen2.popen3", "popen2.popen4", "popen2.Popen3", "popen2.Popen4",
			"commands.getoutput", "commands.getstatusoutput",
			"os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execv", "os.execve",
			"os.execvp", "os.execvpe", "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe",
			"os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe", "os.startfile", "os.posix_spawn", "os.posix_spawnp",
			"pty.spawn", "asyncio.create_subprocess_shell", "asyncio.create_subprocess_exec",
		} {
			out = append(out, Sink{Func: q, Family: "command", AllArgs: true, Kws: []string{"args", "cmd", "command"}})
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
		{Func: "importlib.import_module", Family: "code"}, {Func: "__import__", Family: "code"},
	},
	Sanitizers: []Sanitizer{{Func: "ast.literal_eval", Families: "*"}},
}
