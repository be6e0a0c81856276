package rules

import (
	"strings"
	"testing"
)

// prefiltered are the expressions with necessary words.
var prefiltered = []*lazyRE{sqlStatement, passwordName, secretName}

// A necessary word is necessary: no string the expression matches lacks
// all of them. Seeds cover every alternative of each expression, in
// mixed case; the fuzzer looks for a counterexample.
func FuzzNeededWords(f *testing.F) {
	for _, s := range []string{"PASSWORD", "db_Passwd", "passphrase_x", "x_PWD", "Token", "my_secrete",
		"API-Key", "apikey", "access_key", "x.SECRET_KEY", "private-key", "client_secret", "auth_token", "credentials",
		"SELECT a FROM b ", "delete  from t ", "INSERT INTO t VALUES(", "update t SET x ", "pasword", "passsword", "paſſword", "api_\u212aey"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range prefiltered {
			if l.get().MatchString(s) && l.lacksNeeded(s) {
				t.Errorf("%q matches %s but lacks all of %v", s, l.src, l.needs)
			}
		}
	})
}

// Strings without the words are refused before the expression runs, and
// the answer is the expression's.
func TestNeededWordsAgree(t *testing.T) {
	for _, s := range []string{"user_name", "select_all", "Selection from", "KEYBOARD", "monkey", "tokens", "x", ""} {
		for _, l := range prefiltered {
			if got, want := l.MatchString(s), l.get().MatchString(s); got != want {
				t.Errorf("%s on %q: %v, the expression says %v", l.src, s, got, want)
			}
		}
	}
	if !passwordName.lacksNeeded(strings.Repeat("user", 10)) {
		t.Error("a name without any needed word was not refused early")
	}
}
