import subprocess  # nosec B404 -- reviewed


def run(cmd):
    return subprocess.run(  # pyward: ignore[B602] cmd comes from our own constants
        cmd,
        shell=True,
    )


def run_again(cmd):
    return subprocess.run(
        cmd,
        shell=True,  # noqa: S602
    )
