"""A small multi-package project: packages, subpackages, relative imports."""
import sys
import app
from app import core
from app.sub import deep
import app.util as u
import ns.part.mod
import importlib

print("main:", __name__, __doc__.split(":")[0], __package__, __spec__)
print("argv:", sys.argv[1:])
print("version:", app.VERSION, core.run(3), deep.twice(4), u.helper(5))
print("ns:", ns.part.mod.VALUE, type(ns.__path__).__name__, list(ns.__path__) == [sys.path[0] + "/ns"])
print("sub attrs:", hasattr(app, "sub"), app.sub.deep is deep, "app.sub.deep" in sys.modules)
print("specs:", app.__spec__.name, app.__spec__.parent, core.__spec__.parent, app.__package__, core.__package__)
print("files:", app.__file__.endswith("app/__init__.py"), app.__path__ == [sys.path[0] + "/app"])
m = importlib.import_module(".util", "app")
print("import_module:", m is u, importlib.import_module("app.sub").__name__)
print("__import__:", __import__("app.sub.deep").__name__, __import__("app.sub", fromlist=["deep"]).__name__)
sys.modules["fake"] = "a fake module"
import fake
print("sys.modules is live:", fake)
try:
    import app.missing
except ModuleNotFoundError as e:
    print("error:", e, e.name)
try:
    from app import nothing
except ImportError as e:
    print("error:", str(e).replace(sys.path[0], "<dir>"))
try:
    import app.util.x
except ModuleNotFoundError as e:
    print("error:", e)
