package rules

import "testing"

// TestRestartsItself: a program re-run on its own command line (the same
// interpreter, literal flags, sys.argv whole) is not PW402; the command
// line given to another program, a slice of it, a code flag or a shell
// still is.
func TestRestartsItself(t *testing.T) {
	pw402 := Lookup("PW402")
	clean := []string{
		"import subprocess, sys\nsubprocess.run([sys.executable, '-u'] + sys.argv, check=True)\n",
		"import os, sys\nos.execv(sys.executable, [sys.executable] + sys.argv)\n",
		"import subprocess, sys\ndef restart():\n    args = [sys.executable, '-W', 'error'] + sys.argv\n    return subprocess.call(args)\n",
	}
	flagged := []string{
		"import subprocess, sys\nsubprocess.check_call(['tar', 'xf', sys.argv[1]])\n",
		"import subprocess, sys\nsubprocess.run([sys.executable] + sys.argv[1:])\n",
		"import subprocess, sys\nsubprocess.run([sys.executable, '-c'] + sys.argv)\n",
		"import subprocess, sys\nsubprocess.run([sys.executable, 'other.py'] + sys.argv)\n",
		"import subprocess, sys\nsubprocess.run([sys.executable] + sys.argv, shell=True)\n",
		"import subprocess, sys\ndef restart():\n    args = [sys.executable] + sys.argv\n    args.insert(0, 'sudo')\n    return subprocess.call(args)\n",
		"import subprocess, sys\ndef restart(extra):\n    args = [sys.executable] + sys.argv\n    if extra:\n        args = sys.argv[1:]\n    return subprocess.call(args)\n",
	}
	for _, src := range clean {
		if n := count(t, pw402, src); n != 0 {
			t.Errorf("a restart flagged %d times:\n%s", n, src)
		}
	}
	for _, src := range flagged {
		if count(t, pw402, src) == 0 {
			t.Errorf("not flagged:\n%s", src)
		}
	}
}
