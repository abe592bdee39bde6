"""Go: uniformly random playouts on a 9x9 Go board with captures, suicide and simple-ko
rules, then area scoring. Measures list-based board manipulation, flood fills,
small classes and the seeded random module."""
import random
import sys

SIZE = 9
EMPTY = 0
BLACK = 1
WHITE = 2
KOMI2 = 15  # komi 7.5, doubled to keep scores integral


def build_neighbors(size):
    nbrs = []
    for p in range(size * size):
        r, c = divmod(p, size)
        lst = []
        if r > 0:
            lst.append(p - size)
        if r < size - 1:
            lst.append(p + size)
        if c > 0:
            lst.append(p - 1)
        if c < size - 1:
            lst.append(p + 1)
        nbrs.append(tuple(lst))
    return nbrs


NEIGHBORS = build_neighbors(SIZE)


class IllegalMove(Exception):
    pass


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.ko = -1
        self.captures = [0, 0, 0]
        self.moves = 0

    def group(self, start):
        """Return (stones, liberty_count) of the group containing `start`."""
        cells = self.cells
        color = cells[start]
        seen = [False] * (SIZE * SIZE)
        seen[start] = True
        stack = [start]
        stones = []
        libs = 0
        lib_seen = [False] * (SIZE * SIZE)
        while stack:
            p = stack.pop()
            stones.append(p)
            for q in NEIGHBORS[p]:
                v = cells[q]
                if v == color:
                    if not seen[q]:
                        seen[q] = True
                        stack.append(q)
                elif v == EMPTY and not lib_seen[q]:
                    lib_seen[q] = True
                    libs += 1
        return stones, libs

    def has_liberty(self, start):
        return self.group(start)[1] > 0

    def is_eye(self, p, color):
        for q in NEIGHBORS[p]:
            if self.cells[q] != color:
                return False
        return True

    def play(self, p, color):
        cells = self.cells
        if cells[p] != EMPTY:
            raise IllegalMove("occupied")
        if p == self.ko:
            raise IllegalMove("ko")
        other = 3 - color
        cells[p] = color
        captured = []
        for q in NEIGHBORS[p]:
            if cells[q] == other:
                stones, libs = self.group(q)
                if libs == 0:
                    for s in stones:
                        cells[s] = EMPTY
                    captured.extend(stones)
        stones, libs = self.group(p)
        if libs == 0:
            cells[p] = EMPTY
            raise IllegalMove("suicide")
        if len(captured) == 1 and len(stones) == 1 and libs == 1:
            self.ko = captured[0]
        else:
            self.ko = -1
        self.captures[color] += len(captured)
        self.moves += 1

    def pass_move(self):
        self.ko = -1

    def score(self):
        """Area score: (black, white) = stones + empty regions bordered by one color only."""
        cells = self.cells
        counts = [0, 0, 0]
        seen = [False] * (SIZE * SIZE)
        for p in range(SIZE * SIZE):
            v = cells[p]
            if v != EMPTY:
                counts[v] += 1
            elif not seen[p]:
                seen[p] = True
                stack = [p]
                region = 0
                borders = 0  # bit 1 = black seen, bit 2 = white seen
                while stack:
                    a = stack.pop()
                    region += 1
                    for q in NEIGHBORS[a]:
                        w = cells[q]
                        if w == EMPTY:
                            if not seen[q]:
                                seen[q] = True
                                stack.append(q)
                        else:
                            borders |= w
                if borders == BLACK or borders == WHITE:
                    counts[borders] += region
        return counts[BLACK], counts[WHITE]


def random_move(board, color):
    cells = board.cells
    candidates = []
    for p in range(SIZE * SIZE):
        if cells[p] == EMPTY and not board.is_eye(p, color):
            candidates.append(p)
    while candidates:
        i = random.randrange(len(candidates))
        p = candidates[i]
        try:
            board.play(p, color)
            return p
        except IllegalMove:
            candidates[i] = candidates[-1]
            candidates.pop()
    board.pass_move()
    return -1


def playout(max_moves):
    board = Board()
    color = BLACK
    passes = 0
    turns = 0
    while passes < 2 and turns < max_moves:
        if random_move(board, color) < 0:
            passes += 1
        else:
            passes = 0
        color = 3 - color
        turns += 1
    black, white = board.score()
    return board, black, white


def main():
    games = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    random.seed(42)
    black_wins = 0
    total_moves = 0
    total_caps = 0
    score_sum = 0
    margin_sum = 0
    for _ in range(games):
        board, black, white = playout(400)
        margin2 = 2 * (black - white) - KOMI2
        if margin2 > 0:
            black_wins += 1
        total_moves += board.moves
        total_caps += board.captures[BLACK] + board.captures[WHITE]
        score_sum += black + white
        margin_sum += margin2
    print("games=%d black_wins=%d white_wins=%d" % (games, black_wins, games - black_wins))
    print("moves=%d captures=%d area=%d margin2=%d" % (total_moves, total_caps, score_sum, margin_sum))


if __name__ == "__main__":
    main()
