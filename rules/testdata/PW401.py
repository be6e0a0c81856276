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
