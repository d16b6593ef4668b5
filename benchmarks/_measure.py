"""Run the healthlint CLI and report its peak memory on stderr's last line (used by run.py):
{"self_kb": main process peak RSS, "children_kb": largest worker's peak RSS}."""

import atexit
import json
import resource
import sys


def _report() -> None:
    sys.stdout.flush()
    print(json.dumps({
        "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }), file=sys.stderr)


atexit.register(_report)

from healthlint.cli import main  # noqa: E402

sys.argv[0] = "healthlint"
main()
