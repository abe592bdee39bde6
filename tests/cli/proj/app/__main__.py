import sys
from . import core
print("app.__main__:", __name__, __package__, __spec__.name, sys.argv[0].endswith("app/__main__.py"), sys.argv[1:])
print(core.run(1))
