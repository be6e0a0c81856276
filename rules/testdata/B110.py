try:
    check()
except:  # want: B110
    pass
try:
    check()
except Exception:  # want: B110
    pass

try:
    check()
except KeyError:
    pass
try:
    check()
except Exception:
    log.exception("check failed")
try:
    check()
except (ValueError, TypeError):
    pass
