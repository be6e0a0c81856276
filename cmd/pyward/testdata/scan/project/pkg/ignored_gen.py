exec(code)
