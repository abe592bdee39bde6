import random
random.seed(4321)
for name, args in [("uniform", (2, 5)), ("uniform", (10 ** 20, 10 ** 20 + 10 ** 6)), ("triangular", ()), ("triangular", (0, 10, 2)),
                   ("triangular", (5, 1, 4)), ("normalvariate", ()), ("normalvariate", (100, 15)), ("lognormvariate", (0, 1)),
                   ("expovariate", (0.5,)), ("expovariate", (3,)), ("vonmisesvariate", (0, 4)), ("vonmisesvariate", (3, 0.5)),
                   ("gammavariate", (0.3, 1)), ("gammavariate", (1.0, 2)), ("gammavariate", (2.5, 1.5)), ("gammavariate", (50, 0.1)),
                   ("betavariate", (0.5, 0.5)), ("betavariate", (3, 7)), ("paretovariate", (2.5,)), ("weibullvariate", (1, 1.5)),
                   ("gauss", ()), ("gauss", (5, 0.1))]:
    f = getattr(random, name)
    print(name, args, [f(*args) for i in range(60)])
print(random.triangular(2, 2), random.uniform(3, 3), random.gauss(0, 0))
