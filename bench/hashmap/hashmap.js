// hashmap: hash maps (Map) — integer-key inserts and lookups, then word counts.
"use strict";

function intKeys(n) {
  const m = new Map();
  for (let i = 0; i < n; i++) m.set((i * 7919) % 100003, i);
  let hits = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    if (m.has(k)) {
      hits++;
      sum += m.get(k);
    }
  }
  return m.size + hits + sum;
}

function wordCounts(words) {
  const counts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
  let sumSq = 0;
  for (const c of counts.values()) sumSq += c * c;
  return counts.size + sumSq;
}

const rounds = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 250;
const n = 20000;
const words = [];
for (let i = 0; i < n; i++) words.push("w" + String((i * i + 7) % 1000));
let checksum = 0;
for (let r = 0; r < rounds; r++) checksum += intKeys(n) + wordCounts(words);
console.log(`hashmap: ${rounds} rounds, checksum ${checksum}`);
