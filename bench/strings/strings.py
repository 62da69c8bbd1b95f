# strings: string building and splitting — builds a 20,000-field "i:v,..." line from a
# list of parts, splits it on "," and ":" and parses the numbers back, ROUNDS times.
import sys


def one_round(fields):
    parts = []
    for i in range(fields):
        parts.append(str(i) + ":" + str((i * 7) % 1000))
    line = ",".join(parts)
    total = len(line)
    for field in line.split(","):
        kv = field.split(":")
        total += int(kv[0]) + int(kv[1])
    return total


def main(rounds):
    checksum = 0
    for _ in range(rounds):
        checksum += one_round(20000)
    print(f"strings: {rounds} rounds, checksum {checksum}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
