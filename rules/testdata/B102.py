from mymod import exec as run_it

exec(code)  # want: B102
exec("print(1)")  # want: B102
result = [exec(c) for c in codes]  # want: B102

obj.exec(code)
run_it(code)
execute(code)
builtins.exec(code)
