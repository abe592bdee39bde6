from ..core import run
from .. import VERSION


def twice(n):
    return 2 * n + run(0) - 100 + len(VERSION) - 3
