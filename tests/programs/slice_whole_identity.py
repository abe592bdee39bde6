"""Whole-sequence slices of exact strs and tuples are the object itself (as CPython); of
subclasses, a new exact object."""
class T(tuple): pass
class S(str): pass
t = (1, 2, 3); s = "abc"; u = "héllo"
print(t[:] is t, t[0:3] is t, t[:5] is t, type(T(t)[:]), T(t)[:] == t)
print(s[:] is s, s[:3] is s, s[0:10] is s, s[:2], type(S(s)[:]), S("x")[:] == "x", u[:] is u, u[:5] is u, u[1:])
print(s[::1] is s, s[::-1], t[::1] is t)
