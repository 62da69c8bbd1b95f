// fib: recursion and calls — doubly recursive Fibonacci.
"use strict";

function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 35;
console.log(`fib(${n}) = ${fib(n)}`);
