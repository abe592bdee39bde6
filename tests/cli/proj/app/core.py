from . import util
from .util import helper


def run(n):
    return helper(n) + util.OFFSET
