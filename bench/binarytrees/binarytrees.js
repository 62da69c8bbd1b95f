// binarytrees: allocation — many short-lived perfect binary trees and one long-lived tree.
"use strict";

class Node {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
}

function bottomUp(depth) {
  return depth > 0 ? new Node(bottomUp(depth - 1), bottomUp(depth - 1)) : new Node(null, null);
}

function check(tree) {
  return tree.left === null ? 1 : 1 + check(tree.left) + check(tree.right);
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 15;
const minDepth = 4;
const maxDepth = Math.max(minDepth + 2, n);

const stretchDepth = maxDepth + 1;
console.log(`stretch tree of depth ${stretchDepth} check: ${check(bottomUp(stretchDepth))}`);

const longLived = bottomUp(maxDepth);
for (let depth = minDepth; depth <= maxDepth; depth += 2) {
  const iterations = 1 << (maxDepth - depth + minDepth);
  let total = 0;
  for (let i = 0; i < iterations; i++) total += check(bottomUp(depth));
  console.log(`${iterations} trees of depth ${depth} check: ${total}`);
}
console.log(`long lived tree of depth ${maxDepth} check: ${check(longLived)}`);
