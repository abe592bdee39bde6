class_err = None
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad input " + repr(s)) from e

try:
    parse("abc")
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise IndexError("while handling")
except IndexError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

try:
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

def deep(n):
    if n == 0:
        raise LookupError("bottom")
    return deep(n - 1)
try:
    deep(5)
except LookupError as e:
    print("caught", e, e.args)

e = Exception("a", 1, [2])
print(e.args, str(e), repr(e))
print(str(Exception()), repr(Exception()), repr(ValueError("x")))
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, LookupError))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 3:
        pass
    print("no exception, no check")
    try:
        1/0
    except 3:
        pass
except TypeError as e:
    print(e)
parse("12x")
