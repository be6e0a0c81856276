import sys

x = input()
eval(x)  # want: PW401


def calc():
    expr = "result = " + sys.argv[1]
    exec(expr)  # want: PW401


def web(request):
    code = request.GET["code"]
    eval(f"lambda: {code}")  # want: PW401


def safe():
    import ast

    value = ast.literal_eval(input())
    n = int(input())
    eval("1 + 1")
    print(value, n)


def from_env():
    import os

    level = os.environ["LOG_LEVEL_EXPR"]
    eval(level)  # want: PW401
    debug = os.getenv("DEBUG", "False")
    if debug in ("True", "False"):
        return eval(debug)
