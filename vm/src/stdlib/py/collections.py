"""Container datatypes (pyrun).

deque and the field descriptors of named tuples are native (module _collections); the
classes here are written on top of dict and tuple with CPython's observable behaviour:
the same reprs, error messages, and item orders.
"""

from _collections import deque, _tuplegetter, _count_elements, _caller_module
from operator import itemgetter as _itemgetter
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap

__all__ = ['Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield'])

_MISSING = object()


def _quoted_list(names):
    """'a' / 'a' and 'b' / 'a', 'b', and 'c', as in CPython's argument errors."""
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


################################################################################
### namedtuple
################################################################################

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass named `typename` whose items are also attributes."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = '_' + str(index)
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: '
                             + repr(name))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: ' + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: ' + repr(name))
        if name in seen:
            raise ValueError('Encountered duplicate field name: ' + repr(name))
        seen.add(name)

    fields = tuple(field_names)
    count = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > count:
            raise TypeError('Got more default values than field names')
        for name, value in zip(fields[count - len(defaults):], defaults):
            field_defaults[name] = value
    required = count - len(field_defaults)
    new_name = typename + '.__new__'

    def __new__(_cls, *args, **kwargs):
        # Binds like `def __new__(_cls, <fields>)` would, with the same errors.
        given = len(args)
        if given == count and not kwargs:
            return tuple.__new__(_cls, args)
        if given > count:
            if required == count:
                takes = str(count + 1) + ' positional argument' + ('s' if count else '')
            else:
                takes = 'from ' + str(required + 1) + ' to ' + str(count + 1) + ' positional arguments'
            raise TypeError(new_name + '() takes ' + takes + ' but ' + str(given + 1)
                            + (' was' if given == 0 else ' were') + ' given')
        values = list(args) + [_MISSING] * (count - given)
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(new_name + "() got an unexpected keyword argument '" + name + "'")
            index = fields.index(name)
            if index < given:
                raise TypeError(new_name + "() got multiple values for argument '" + name + "'")
            values[index] = value
        missing = []
        for index in range(count):
            if values[index] is _MISSING:
                if index >= required:
                    values[index] = field_defaults[fields[index]]
                else:
                    missing.append(fields[index])
        if missing:
            raise TypeError(new_name + '() missing ' + str(len(missing))
                            + ' required positional argument' + ('s' if len(missing) > 1 else '')
                            + ': ' + _quoted_list(missing))
        return tuple.__new__(_cls, values)

    __new__.__qualname__ = new_name
    __new__.__doc__ = 'Create new instance of ' + typename + '(' + ', '.join(fields) + ')'

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != count:
            raise TypeError('Expected ' + str(count) + ' arguments, got ' + str(len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value) for name, value in zip(fields, self)])
        if kwds:
            raise ValueError('Got unexpected field names: ' + repr(list(kwds)))
        return result

    def __repr__(self):
        parts = [name + '=' + repr(value) for name, value in zip(fields, self)]
        return self.__class__.__name__ + '(' + ', '.join(parts) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        '__doc__': typename + '(' + ', '.join(fields) + ')',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
        '__module__': module if module is not None else (_caller_module(1) or '__main__'),
        '__qualname__': typename,
    }
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, 'Alias for field number ' + str(index))
    return type(typename, (tuple,), namespace)


################################################################################
### OrderedDict
################################################################################

def _dict_equal(a, b):
    """dict's own ==: same keys, equal values (identity first), order ignored."""
    if len(a) != len(b):
        return False
    for key, value in dict.items(a):
        other = dict.get(b, key, _MISSING)
        if other is _MISSING or not (other is value or other == value):
            return False
    return True


class OrderedDict(dict):
    """A dict that can reorder its items; equality between OrderedDicts is order-sensitive."""

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + '()'
        return self.__class__.__name__ + '(' + repr(list(self.items())) + ')'

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            self[key] = value
            return
        rest = list(dict.items(self))
        dict.clear(self)
        self[key] = value
        for k, v in rest:
            self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    def __eq__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        if not _dict_equal(self, other):
            return False
        if isinstance(other, OrderedDict):
            for a, b in zip(self, other):
                if not (a is b or a == b):
                    return False
        return True

    def copy(self):
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.__class__(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.__class__(other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
### Counter
################################################################################

class Counter(dict):
    """A dict of element counts: missing elements count 0."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __delitem__(self, elem):
        # Deleting a missing element is not an error.
        if elem in self:
            dict.pop(self, elem)

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + '()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return self.__class__.__name__ + '(' + repr(shown) + ')'

    # Comparisons treat missing elements as zero counts.
    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # Multiset operations keep only positive counts.
    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            total = count + other[elem]
            if total > 0:
                result[elem] = total
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            left = count - other[elem]
            if left > 0:
                result[elem] = left
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            best = other_count if count < other_count else count
            if best > 0:
                result[elem] = best
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            least = count if count < other_count else other_count
            if least > 0:
                result[elem] = least
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            if other_count > self[elem]:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


class defaultdict(dict):
    """dict whose missing keys are filled in by calling `default_factory`."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        shown = 'None' if factory is None else repr(factory)
        return 'defaultdict(' + shown + ', ' + repr(dict(self)) + ')'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new
