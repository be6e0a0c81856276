f"{'\n'.join(a)}"
