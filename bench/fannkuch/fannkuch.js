// fannkuch: arrays — fannkuch-redux: all permutations of 0..N-1, counting prefix reversals.
"use strict";

function fannkuch(n) {
  const perm1 = [];
  for (let i = 0; i < n; i++) perm1.push(i);
  const count = new Array(n).fill(0);
  let maxFlips = 0;
  let checksum = 0;
  let permCount = 0;
  let r = n;
  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }

    const perm = perm1.slice();
    let flips = 0;
    let k = perm[0];
    while (k !== 0) {
      for (let i = 0, j = k; i < j; i++, j--) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 === 0 ? flips : -flips;

    // Next permutation: rotate the first r + 1 elements until a counter is left.
    for (;;) {
      if (r === n) return [checksum, maxFlips];
      const first = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = first;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 9;
const [checksum, maxFlips] = fannkuch(n);
console.log(`${checksum}`);
console.log(`Pfannkuchen(${n}) = ${maxFlips}`);
