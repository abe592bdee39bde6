# functools.reduce / cmp_to_key errors
import functools as ft

cases = [
    ('ft.reduce()', lambda: ft.reduce()),
    ('ft.reduce(abs)', lambda: ft.reduce(abs)),
    ('ft.reduce(abs, 1)', lambda: ft.reduce(abs, 1)),
    ('ft.reduce(abs, [], 1, 2)', lambda: ft.reduce(abs, [], 1, 2)),
    ('ft.reduce(abs, [])', lambda: ft.reduce(abs, [])),
    ('ft.reduce(f=abs, iterable=[])', lambda: ft.reduce(f=abs, iterable=[])),
    ('ft.reduce(lambda a,b: a+b, [1,2,3])', lambda: ft.reduce(lambda a,b: a+b, [1,2,3])),
    ('ft.reduce(lambda a,b: a+b, [], 5)', lambda: ft.reduce(lambda a,b: a+b, [], 5)),
    ('ft.reduce(lambda a,b: a+b, [1], 5)', lambda: ft.reduce(lambda a,b: a+b, [1], 5)),
    ('ft.reduce(1, [1,2])', lambda: ft.reduce(1, [1,2])),
    ('ft.reduce(lambda a,b: a+b, [2])', lambda: ft.reduce(lambda a,b: a+b, [2])),
    ('ft.cmp_to_key()', lambda: ft.cmp_to_key()),
    ('ft.cmp_to_key(1)', lambda: ft.cmp_to_key(1)),
    ('ft.cmp_to_key(mycmp=1)', lambda: ft.cmp_to_key(mycmp=1)),
    ('ft.cmp_to_key(1)(2)', lambda: ft.cmp_to_key(1)(2)),
    ('ft.cmp_to_key(lambda a,b: a-b)(2) < ft.cmp_to_key(lambda a,b: a-b)(3)', lambda: ft.cmp_to_key(lambda a,b: a-b)(2) < ft.cmp_to_key(lambda a,b: a-b)(3)),
    ('ft.cmp_to_key(lambda a,b: a-b)(2) < 3', lambda: ft.cmp_to_key(lambda a,b: a-b)(2) < 3),
    ('ft.cmp_to_key(lambda a,b: a-b)(2).obj', lambda: ft.cmp_to_key(lambda a,b: a-b)(2).obj),
    ('type(ft.cmp_to_key(lambda a,b: a-b)(2))', lambda: type(ft.cmp_to_key(lambda a,b: a-b)(2))),
    ("ft.cmp_to_key(lambda a,b: 'x')(2) < ft.cmp_to_key(lambda a,b: 'x')(3)", lambda: ft.cmp_to_key(lambda a,b: 'x')(2) < ft.cmp_to_key(lambda a,b: 'x')(3)),
    ('hash(ft.cmp_to_key(lambda a,b: a-b)(2))', lambda: hash(ft.cmp_to_key(lambda a,b: a-b)(2))),
    ('ft.cmp_to_key(lambda a,b: a-b)(2) == ft.cmp_to_key(lambda a,b: a-b)(2)', lambda: ft.cmp_to_key(lambda a,b: a-b)(2) == ft.cmp_to_key(lambda a,b: a-b)(2)),
    ('ft.cmp_to_key(lambda a,b: a-b)(2,3)', lambda: ft.cmp_to_key(lambda a,b: a-b)(2,3)),
    ('ft.cmp_to_key(lambda a,b: a-b)()', lambda: ft.cmp_to_key(lambda a,b: a-b)()),
    ('ft.cmp_to_key(lambda a,b: a-b)', lambda: ft.cmp_to_key(lambda a,b: a-b)),
    ('sorted([3,1,2], key=ft.cmp_to_key(lambda a,b: b-a))', lambda: sorted([3,1,2], key=ft.cmp_to_key(lambda a,b: b-a))),
    ('ft.cmp_to_key(lambda a,b: a-b)(obj=2)', lambda: ft.cmp_to_key(lambda a,b: a-b)(obj=2)),
    ('ft.cmp_to_key(lambda a,b: 1.5)(2) > ft.cmp_to_key(lambda a,b: a-b)(3)', lambda: ft.cmp_to_key(lambda a,b: 1.5)(2) > ft.cmp_to_key(lambda a,b: a-b)(3)),
]
for src, f in cases:
    try:
        r = f()
        if not isinstance(r, (int, float, str, bool, list, tuple, type(None))):
            r = type(r).__name__
        print(src, '->', r)
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
