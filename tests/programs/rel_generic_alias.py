# `list[int]` is a types.GenericAlias (not the class); non-generic classes refuse [].
import collections

print(list[int], dict[str, list[int]], tuple[int, ...], type[int], set[bytes], frozenset[()])
print(list[int]([1, 2]), list[int] == list[int], list[int] == list[str])
print(list[int].__origin__, list[int].__args__, dict[str, int].__args__)
print(collections.deque[int], collections.defaultdict[int, int])


class C:
    pass


class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


print(list["x"], list[C], list[None], list[1], G[int], G[1, 2])
for f in [lambda: C[int], lambda: int[0], lambda: str[int]]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
