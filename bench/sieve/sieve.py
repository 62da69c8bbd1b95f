# sieve: arrays — the sieve of Eratosthenes up to 1,000,000, repeated N times.
import sys


def sieve(limit):
    composite = [False] * (limit + 1)
    count = 0
    total = 0
    for i in range(2, limit + 1):
        if not composite[i]:
            count += 1
            total += i
            j = i * i
            while j <= limit:
                composite[j] = True
                j += i
    return count, total


def main(repeats):
    limit = 1000000
    count = total = 0
    for _ in range(repeats):
        c, s = sieve(limit)
        count += c
        total += s
    print(f"{repeats} sieves up to {limit}: {count} primes, sum {total}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
