// binarytrees: allocation — many short-lived perfect binary trees and one long-lived tree,
// each node a separate malloc (no pools), freed after each check.
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
  struct Node* left;
  struct Node* right;
} Node;

static Node* bottom_up(long depth) {
  Node* node = malloc(sizeof(Node));
  if (depth > 0) {
    node->left = bottom_up(depth - 1);
    node->right = bottom_up(depth - 1);
  } else {
    node->left = node->right = NULL;
  }
  return node;
}

static long check(const Node* tree) {
  return tree->left == NULL ? 1 : 1 + check(tree->left) + check(tree->right);
}

static void release(Node* tree) {
  if (tree->left != NULL) {
    release(tree->left);
    release(tree->right);
  }
  free(tree);
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 15;
  long min_depth = 4;
  long max_depth = min_depth + 2 > n ? min_depth + 2 : n;

  long stretch_depth = max_depth + 1;
  Node* stretch = bottom_up(stretch_depth);
  printf("stretch tree of depth %ld check: %ld\n", stretch_depth, check(stretch));
  release(stretch);

  Node* long_lived = bottom_up(max_depth);
  for (long depth = min_depth; depth <= max_depth; depth += 2) {
    long iterations = 1L << (max_depth - depth + min_depth);
    long total = 0;
    for (long i = 0; i < iterations; i++) {
      Node* tree = bottom_up(depth);
      total += check(tree);
      release(tree);
    }
    printf("%ld trees of depth %ld check: %ld\n", iterations, depth, total);
  }
  printf("long lived tree of depth %ld check: %ld\n", max_depth, check(long_lived));
  release(long_lived);
  return 0;
}
