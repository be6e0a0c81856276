package token

// Result is what Tokenize produces for one source buffer.
type Result struct {
	File     *File     // line table of the source
	Tokens   []Token   // ends with ENDMARKER, or with ERRORTOKEN when Err != nil
	Comments []Comment // every comment, in order
	Err      *Error    // the first tokenizer error; nil when there is none
}

// Tokenize splits decoded source (UTF-8, newlines normalised to "\n" by
// python/source) into tokens. STUB: replaced by the real tokenizer.
func Tokenize(src []byte) *Result {
	f := NewFile(src)
	return &Result{File: f, Tokens: []Token{{Kind: ERRORTOKEN}}, Err: &Error{Msg: "tokenizer not implemented", Line: 1}}
}
