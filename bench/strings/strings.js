// strings: string building and splitting — builds a 20,000-field "i:v,..." line with +=,
// splits it on "," and ":" and parses the numbers back, ROUNDS times.
"use strict";

function oneRound(fields) {
  let line = "";
  for (let i = 0; i < fields; i++) {
    if (i > 0) line += ",";
    line += String(i) + ":" + String((i * 7) % 1000);
  }
  let total = line.length;
  for (const field of line.split(",")) {
    const kv = field.split(":");
    total += parseInt(kv[0], 10) + parseInt(kv[1], 10);
  }
  return total;
}

const rounds = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 40;
let checksum = 0;
for (let r = 0; r < rounds; r++) checksum += oneRound(20000);
console.log(`strings: ${rounds} rounds, checksum ${checksum}`);
