// sieve: arrays — the sieve of Eratosthenes up to 1,000,000, repeated N times.
"use strict";

function sieve(limit) {
  const composite = new Array(limit + 1).fill(false);
  let count = 0;
  let sum = 0;
  for (let i = 2; i <= limit; i++) {
    if (!composite[i]) {
      count++;
      sum += i;
      for (let j = i * i; j <= limit; j += i) composite[j] = true;
    }
  }
  return [count, sum];
}

const repeats = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10;
const limit = 1000000;
let count = 0;
let sum = 0;
for (let r = 0; r < repeats; r++) {
  const [c, s] = sieve(limit);
  count += c;
  sum += s;
}
console.log(`${repeats} sieves up to ${limit}: ${count} primes, sum ${sum}`);
