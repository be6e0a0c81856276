import ast

eval(user_input)  # want: B307
x = eval("1 + 1")  # want: B307
f(lambda s: eval(s))  # want: B307

self.eval(x)
ast.literal_eval(s)
model.eval()
