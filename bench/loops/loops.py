# loops: integer loops — counts and sums the primes below N by trial division.
import sys


def main(n):
    count = 0
    total = 0
    for i in range(2, n):
        is_prime = True
        d = 2
        while d * d <= i:
            if i % d == 0:
                is_prime = False
                break
            d += 1
        if is_prime:
            count += 1
            total += i
    print(f"primes below {n}: {count} sum {total}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 700000)
