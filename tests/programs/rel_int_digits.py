# The int <-> decimal str digit limit (sys.set_int_max_str_digits), in every conversion.
import sys

sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits())
big = 10**5000
cases = [
    lambda: str(big),
    lambda: repr(-big),
    lambda: "%d" % big,
    lambda: "%i" % big,
    lambda: "%x" % 16**5000 != "",
    lambda: f"{big}",
    lambda: format(big, "d"),
    lambda: format(big, "x") != "",
    lambda: int("1" * 5000),
    lambda: int("1" * 5000, 16) > 0,
    lambda: int("1" * 4300) > 0,
    lambda: len(str(10**4299)),
    lambda: sys.set_int_max_str_digits(100),
    lambda: sys.set_int_max_str_digits("x"),
    lambda: sys.set_int_max_str_digits(),
]
for f in cases:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(big)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(640)
print(len(str(10**639)))
sys.set_int_max_str_digits(4300)
print("A", 10**5000)
