# closures: higher-order functions (map, filter, reduce) with closures that capture locals.
import sys
from functools import reduce


def make_adder(k):
    return lambda x: x + k


def main(rounds):
    data = list(range(10000))
    checksum = 0
    kept = 0
    for round_ in range(rounds):
        add = make_adder(round_ % 7)
        scale = round_ % 5 + 1

        def keep(x):
            nonlocal kept
            kept += 1
            return x % 3 != 0

        mapped = list(map(lambda x: add(x) * scale, data))
        total = reduce(lambda acc, x: acc + x, filter(keep, mapped), 0)
        checksum = (checksum + total) % 1000000007
    print(f"closures: {rounds} rounds, checksum {checksum}, filter calls {kept}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 800)
