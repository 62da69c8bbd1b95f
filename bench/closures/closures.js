// closures: higher-order array methods (map, filter, reduce) with closures that capture locals.
"use strict";

function makeAdder(k) {
  return (x) => x + k;
}

const rounds = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 800;
const data = [];
for (let i = 0; i < 10000; i++) data.push(i);
let checksum = 0;
let kept = 0;
for (let round = 0; round < rounds; round++) {
  const add = makeAdder(round % 7);
  const scale = (round % 5) + 1;
  const total = data
    .map((x) => add(x) * scale)
    .filter((x) => {
      kept++;
      return x % 3 !== 0;
    })
    .reduce((acc, x) => acc + x, 0);
  checksum = (checksum + total) % 1000000007;
}
console.log(`closures: ${rounds} rounds, checksum ${checksum}, filter calls ${kept}`);
