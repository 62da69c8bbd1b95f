# hashmap: hash maps (dict) — integer-key inserts and lookups, then word counts.
import sys


def int_keys(n):
    m = {}
    for i in range(n):
        m[(i * 7919) % 100003] = i
    hits = total = 0
    for k in range(n):
        if k in m:
            hits += 1
            total += m[k]
    return len(m) + hits + total


def word_counts(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    sum_sq = 0
    for c in counts.values():
        sum_sq += c * c
    return len(counts) + sum_sq


def main(rounds):
    n = 20000
    words = ["w" + str((i * i + 7) % 1000) for i in range(n)]
    checksum = 0
    for _ in range(rounds):
        checksum += int_keys(n) + word_counts(words)
    print(f"hashmap: {rounds} rounds, checksum {checksum}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 250)
