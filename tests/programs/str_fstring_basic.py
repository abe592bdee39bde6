x = 42
y = "hi"
z = [1, 2]
print(f"{x} {y} {z}")
print(f"{x!r} {y!r} {z!r}")
print(f"{x + 1} {y * 2} {len(z)}")
print(f"{'nested'} {x} and {y}")
print(f"value={x}, negated={-x}")
print(f"{3.5} {1 / 3} {None} {True}")
print(f"{y!s}{y!r}")
print(f"{{literal braces}} {x}")
for i in range(3):
    print(f"item {i}: {i * i}")
name = "é中"
print(f"{name!r} {name}")
print(f"{[i for i in range(4)]}")
print(f"{x}" + f"{y}", len(f"{x}{y}"))
