package rules

import (
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// Evidence is set where the flagged value is pinned to literals, and only
// there: a name that is a parameter, reassigned from a call, rebound in a
// loop or declared global stays unknown.
func TestEvidence(t *testing.T) {
	cases := []struct {
		src, rule string
		want      Evidence
	}{
		{"import subprocess\nsubprocess.call('ls -l', shell=True)\n", "B602", EvidenceConstant},
		{"import subprocess\ndef f(cmd):\n    subprocess.call(cmd, shell=True)\n", "B602", EvidenceNone},
		{"import subprocess\nCMD = 'ls -l'\ndef f():\n    subprocess.call(CMD, shell=True)\n", "B602", EvidenceConstant},
		{"import subprocess\nsubprocess.run(['ls', '-l'])\n", "B603", EvidenceConstant},
		{"import subprocess\nsubprocess.run(args=['ls', x])\n", "B603", EvidenceNone},
		{"import os\ncmd = 'ls'\nif x:\n    cmd = 'ls -l'\nos.system(cmd)\n", "B605", EvidenceConstant},
		{"import os\ncmd = 'ls'\nif x:\n    cmd = input()\nos.system(cmd)\n", "B605", EvidenceNone},
		{"import os\ncmd = 'ls'\ncmd += x\nos.system(cmd)\n", "B605", EvidenceNone},
		{"import os\nfor cmd in ('ls', 'pwd'):\n    os.system(cmd)\n", "B605", EvidenceNone},
		{"import os\nCMD = 'ls'\ndef g():\n    global CMD\n    CMD = input()\ndef f():\n    os.system(CMD)\n", "B605", EvidenceNone},
		{"import os\nCMD = 'ls'\ndef f(CMD):\n    os.system(CMD)\n", "B605", EvidenceNone},
		{"import os\nclass C:\n    CMD = 'ls'\n    def f(self):\n        os.system(CMD)\n", "B605", EvidenceNone},
		{"import os\nD = '/tmp'\nos.system(f'ls {D}')\n", "B605", EvidenceConstant},
		{"import os\nos.system('ls ' + d)\n", "B605", EvidenceNone},
		{"eval('1+1')\n", "B307", EvidenceConstant},
		{"eval(input())\n", "B307", EvidenceNone},
		{"SRC = 'x = 1'\nexec(SRC)\n", "B102", EvidenceConstant},
		{"exec(compile(src, 'f', 'exec'))\n", "B102", EvidenceNone},
		{"import pickle\nBLOB = b'\\x80\\x04K\\x01.'\npickle.loads(BLOB)\n", "B301", EvidenceConstant},
		{"import pickle\npickle.loads(data)\n", "B301", EvidenceNone},
		// A constant path names data elsewhere: the content is unknown.
		{"import pandas\npandas.read_pickle('model.pkl')\n", "B301", EvidenceNone},
		{"TABLE = 'users'\ncur.execute('SELECT * FROM ' + TABLE)\n", "B608", EvidenceConstant},
		{"cur.execute('SELECT * FROM ' + table)\n", "B608", EvidenceNone},
		{"cur.execute(f'DELETE FROM t WHERE id = {uid}')\n", "B608", EvidenceNone},
		{"COLS = 'a, b'\ncur.execute('SELECT {} FROM t'.format(COLS))\n", "B608", EvidenceConstant},
		{"cur.execute('SELECT {} FROM t'.format(cols))\n", "B608", EvidenceNone},
		{"import hashlib\nhashlib.md5(data)\n", "B324", EvidenceNone},
		{"import hashlib\nhashlib.sha1(user.password.encode())\n", "B324", EvidenceSecret},
		{"import hashlib\nhashlib.md5(salt + api_token)\n", "B324", EvidenceSecret},
	}
	for _, tc := range cases {
		f, err := parser.ParseFile("x.py", []byte(tc.src))
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		found := false
		for _, fd := range Run(f, All(), nil) {
			if fd.Rule.ID != tc.rule {
				continue
			}
			found = true
			if fd.Evidence != tc.want {
				t.Errorf("%q: %s evidence %q, want %q", tc.src, tc.rule, fd.Evidence, tc.want)
			}
		}
		if !found {
			t.Errorf("%q: no %s finding", tc.src, tc.rule)
		}
	}
}

// TestEvidenceAcrossScopes: the evidence walk leaves out the functions
// without a finding, but not what reaches out of one: a global statement
// in another function makes a module constant variable.
func TestEvidenceAcrossScopes(t *testing.T) {
	for _, c := range []struct {
		src  string
		want Evidence
	}{
		{"import pickle\nBLOB = b'x'\ndef other():\n    y = 1\ndef load():\n    pickle.loads(BLOB)\n", EvidenceConstant},
		{"import pickle\nBLOB = b'x'\ndef other(v):\n    global BLOB\n    BLOB = v\ndef load():\n    pickle.loads(BLOB)\n", EvidenceNone},
		{"import pickle\ndef outer():\n    blob = b'x'\n    def inner(v):\n        nonlocal blob\n        blob = v\n    pickle.loads(blob)\n", EvidenceNone},
		{"import pickle\ndef outer():\n    blob = b'x'\n    def inner(v):\n        blob = v\n    pickle.loads(blob)\n", EvidenceConstant},
	} {
		f, err := parser.ParseFile("x.py", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []Evidence
		for _, fd := range Run(f, []*Rule{Lookup("B301")}, nil) {
			got = append(got, fd.Evidence)
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: evidence %v, want [%v]", c.src, got, c.want)
		}
	}
}
