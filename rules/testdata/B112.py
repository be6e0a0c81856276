for x in xs:
    try:
        f(x)
    except:  # want: B112
        continue
    try:
        f(x)
    except Exception as e:  # want: B112
        continue

    try:
        f(x)
    except ValueError:
        continue
    try:
        f(x)
    except Exception:
        pass
