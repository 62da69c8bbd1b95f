// loops: integer loops — counts and sums the primes below N by trial division.
"use strict";

function main(n) {
  let count = 0;
  let sum = 0;
  for (let i = 2; i < n; i++) {
    let isPrime = true;
    for (let d = 2; d * d <= i; d++) {
      if (i % d === 0) {
        isPrime = false;
        break;
      }
    }
    if (isPrime) {
      count++;
      sum += i;
    }
  }
  console.log(`primes below ${n}: ${count} sum ${sum}`);
}

main(process.argv.length > 2 ? parseInt(process.argv[2], 10) : 700000);
