package rules

// The homoglyph rules' data (PW112, PW503; see homoglyph.go).

// lookalike is a letter of another script that a reader takes for a
// Latin one. The rows are Unicode's confusables (UTS #39,
// confusables.txt, its "MA" rows) whose target is one ASCII letter, for
// the scripts whose letters look the same as Latin ones in common fonts:
// Cyrillic, Greek, Armenian, Cherokee. The targets are the file's: a
// capital I and an l are one letter to it (Cyrillic І → l).
// strict marks the letters drawn like the Latin letter (Cyrillic о and
// Latin o); the others (Greek α, ν, ρ) only resemble it, are what
// mathematical code names its variables, and count only towards a
// skeleton: they do not make a word "mixed".
type lookalike struct {
	r      rune
	latin  byte
	script string
	strict bool
}

var lookalikeTable = []lookalike{
	// Cyrillic small letters
	{'\u0430', 'a', "Cyrillic", true}, {'\u0441', 'c', "Cyrillic", true}, {'\u0501', 'd', "Cyrillic", true},
	{'\u0435', 'e', "Cyrillic", true}, {'\u04BB', 'h', "Cyrillic", true}, {'\u0456', 'i', "Cyrillic", true},
	{'\u0458', 'j', "Cyrillic", true}, {'\u04CF', 'i', "Cyrillic", true}, {'\u043E', 'o', "Cyrillic", true},
	{'\u0440', 'p', "Cyrillic", true}, {'\u051B', 'q', "Cyrillic", true}, {'\u0455', 's', "Cyrillic", true},
	{'\u051D', 'w', "Cyrillic", true}, {'\u0445', 'x', "Cyrillic", true}, {'\u0443', 'y', "Cyrillic", true},
	// Cyrillic capital letters
	{'\u0410', 'A', "Cyrillic", true}, {'\u0412', 'B', "Cyrillic", true}, {'\u0421', 'C', "Cyrillic", true},
	{'\u0415', 'E', "Cyrillic", true}, {'\u041D', 'H', "Cyrillic", true}, {'\u0406', 'l', "Cyrillic", true},
	{'\u04C0', 'l', "Cyrillic", true}, {'\u0408', 'J', "Cyrillic", true}, {'\u041A', 'K', "Cyrillic", true},
	{'\u041C', 'M', "Cyrillic", true}, {'\u041E', 'O', "Cyrillic", true}, {'\u0420', 'P', "Cyrillic", true},
	{'\u0405', 'S', "Cyrillic", true}, {'\u0422', 'T', "Cyrillic", true},
	{'\u051C', 'W', "Cyrillic", true}, {'\u0425', 'X', "Cyrillic", true}, {'\u0423', 'Y', "Cyrillic", true},
	{'\u04AE', 'Y', "Cyrillic", true},
	// Greek capital letters drawn as Latin ones, omicron and yot
	{'\u0391', 'A', "Greek", true}, {'\u0392', 'B', "Greek", true}, {'\u0395', 'E', "Greek", true},
	{'\u0396', 'Z', "Greek", true}, {'\u0397', 'H', "Greek", true}, {'\u0399', 'l', "Greek", true},
	{'\u039A', 'K', "Greek", true}, {'\u039C', 'M', "Greek", true}, {'\u039D', 'N', "Greek", true},
	{'\u039F', 'O', "Greek", true}, {'\u03A1', 'P', "Greek", true}, {'\u03A4', 'T', "Greek", true},
	{'\u03A5', 'Y', "Greek", true}, {'\u03A7', 'X', "Greek", true}, {'\u03BF', 'o', "Greek", true},
	{'\u03F3', 'j', "Greek", true},
	// Greek small letters that only resemble Latin ones
	{'\u03B1', 'a', "Greek", false}, {'\u03B9', 'i', "Greek", false},
	{'\u03BD', 'v', "Greek", false}, {'\u03C1', 'p', "Greek", false}, {'\u03C5', 'u', "Greek", false},
	{'\u03B3', 'y', "Greek", false},
	// Armenian
	{'\u0585', 'o', "Armenian", true}, {'\u057D', 'u', "Armenian", true}, {'\u0570', 'h', "Armenian", true},
	{'\u0578', 'n', "Armenian", true}, {'\u0581', 'g', "Armenian", false}, {'\u0555', 'O', "Armenian", true},
	{'\u054D', 'U', "Armenian", true}, {'\u054F', 'S', "Armenian", true},
	// Cherokee
	{'\u13AA', 'A', "Cherokee", true}, {'\u13F4', 'B', "Cherokee", true}, {'\u13DF', 'C', "Cherokee", true},
	{'\u13AC', 'E', "Cherokee", true}, {'\u13BB', 'H', "Cherokee", true}, {'\u13AB', 'J', "Cherokee", true},
	{'\u13E6', 'K', "Cherokee", true}, {'\u13B7', 'M', "Cherokee", true}, {'\u13E2', 'P', "Cherokee", true},
	{'\u13DA', 'S', "Cherokee", true}, {'\u13A2', 'T', "Cherokee", true}, {'\u13B3', 'W', "Cherokee", true},
	{'\u13C3', 'Z', "Cherokee", true},
}

var lookalikes = func() map[rune]lookalike {
	m := make(map[rune]lookalike, len(lookalikeTable))
	for _, l := range lookalikeTable {
		m[l.r] = l
	}
	return m
}()

// disguisableNames are the names a name spelt in other characters must
// not read or look as (PW112): the builtins and modules that run code or
// processes, reach names by string, open files, sockets and C libraries,
// decode payloads or send data, and their most used functions.
var disguisableNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{
		// builtins
		"exec", "eval", "compile", "__import__", "getattr", "setattr", "delattr", "globals", "locals", "vars",
		"open", "input", "chr", "__builtins__", "builtins", "__dict__", "__code__", "__globals__",
		// modules
		"os", "sys", "subprocess", "socket", "ctypes", "marshal", "pickle", "base64", "zlib", "codecs", "importlib",
		"urllib", "request", "requests", "httpx", "http", "shutil", "pty", "types", "winreg", "platform", "getpass",
		// their functions
		"system", "popen", "Popen", "run", "call", "check_call", "check_output", "getoutput", "getstatusoutput",
		"spawn", "execv", "execve", "execl", "execlp", "execvp", "startfile", "fork", "dup2", "connect", "send",
		"sendall", "urlopen", "urlretrieve", "loads", "load", "b64decode", "decompress", "decode", "import_module",
		"get", "post", "remove", "rmtree", "environ", "getenv", "CDLL", "windll", "FunctionType", "CodeType",
	} {
		m[n] = true
	}
	return m
}()
