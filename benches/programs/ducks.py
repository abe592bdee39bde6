"""Ducks: duck-typing simulation (after the "simulate_ducks" example of the CPython JIT talk).
Measures polymorphic method calls on unrelated classes, hasattr/getattr checks, properties
and string concatenation over a mixed list."""
import sys


class Duck:
    echo = False

    def __init__(self, name):
        self.name = name

    def quack(self):
        return "Quack!"

    def weight(self):
        return 3


class EchoDuck:
    def __init__(self, name):
        self.name = name
        self.echo = True

    def quack(self):
        return "quack"

    def weight(self):
        return 2


class RubberDuck:
    def __init__(self, squeezes):
        self.squeezes = squeezes

    @property
    def echo(self):
        # echoes only every third squeeze
        self.squeezes += 1
        return self.squeezes % 3 == 0

    def quack(self):
        return "Squeak"

    def weight(self):
        return 1


class RobotDuck:
    def __init__(self, volume):
        self.volume = volume
        self.echo = volume > 5

    def quack(self):
        self.volume = (self.volume * 7 + 3) % 11
        return "BEEP" * (1 + self.volume % 3)

    def weight(self):
        return 10 + self.volume


class Person:
    """Not a duck, but can imitate one; has no `echo` attribute and no `weight`."""

    def __init__(self, name):
        self.name = name

    def quack(self):
        return "I'm quacking like a duck, " + self.name


class Dog:
    """Cannot quack at all."""

    def __init__(self, name):
        self.name = name

    def bark(self):
        return "Woof"


def simulate_ducks(ducks, stats):
    total_len = 0
    for duck in ducks:
        if not hasattr(duck, "quack"):
            stats["silent"] = stats.get("silent", 0) + 1
            continue
        sound = duck.quack()
        if getattr(duck, "echo", False):
            sound += sound
            stats["echoes"] = stats.get("echoes", 0) + 1
        weigh = getattr(duck, "weight", None)
        if weigh is not None:
            stats["weight"] = stats.get("weight", 0) + weigh()
        total_len += len(sound)
        stats[sound[:6]] = stats.get(sound[:6], 0) + 1
    return total_len


def make_flock(size):
    flock = []
    state = 12345
    for i in range(size):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        kind = (state >> 16) % 6
        if kind == 0:
            flock.append(Duck("d%d" % i))
        elif kind == 1:
            flock.append(EchoDuck("e%d" % i))
        elif kind == 2:
            flock.append(RubberDuck(i % 7))
        elif kind == 3:
            flock.append(RobotDuck(i % 10))
        elif kind == 4:
            flock.append(Person("p%d" % (i % 100)))
        else:
            flock.append(Dog("g%d" % i))
    return flock


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    flock = make_flock(5000)
    stats = {}
    total = 0
    for _ in range(rounds):
        total += simulate_ducks(flock, stats)
    print("total sound length: %d" % total)
    print(", ".join("%s=%d" % (k, stats[k]) for k in sorted(stats)))


if __name__ == "__main__":
    main()
