open("/tmp/cache.json", "w")  # want: B108
LOG = f"/var/tmp/{name}.log"  # want: B108
SHM = "/dev/shm/buffer"  # want: B108
x = "/tmpfiles"  # want: B108

"""/tmp in a docstring is fine"""
open("/home/app/tmp/x")
path = "relative/tmp/x"
