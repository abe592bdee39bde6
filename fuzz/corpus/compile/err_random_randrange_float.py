import random
random.randrange(2.5)
