# binarytrees: allocation — many short-lived perfect binary trees and one long-lived tree.
# A node is a tuple (left, right); a leaf node is (None, None).
import sys


def bottom_up(depth):
    if depth > 0:
        depth -= 1
        return (bottom_up(depth), bottom_up(depth))
    return (None, None)


def check(tree):
    left, right = tree
    if left is None:
        return 1
    return 1 + check(left) + check(right)


def main(n):
    min_depth = 4
    max_depth = max(min_depth + 2, n)
    stretch_depth = max_depth + 1
    print(f"stretch tree of depth {stretch_depth} check: {check(bottom_up(stretch_depth))}")
    long_lived = bottom_up(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth + min_depth)
        total = 0
        for _ in range(iterations):
            total += check(bottom_up(depth))
        print(f"{iterations} trees of depth {depth} check: {total}")
    print(f"long lived tree of depth {max_depth} check: {check(long_lived)}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
