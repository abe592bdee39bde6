import sys
print(sys.argv)
print(__debug__, sys.flags.optimize, sys.flags.ignore_environment, sys.flags.isolated)
assert False, "asserts run"
