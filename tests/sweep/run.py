# Run by pyrun in the sweep test (cases.py is imported from beside this file): prints one
# line per label of the expected-outcomes file given as argument.
import sys
import cases

with open(sys.argv[1], encoding="utf-8") as f:
    for l in f:
        print(cases.line(l.split(" ", 1)[0]))
