// spectral: float kernel — the spectral norm of the infinite matrix A.
"use strict";

function a(i, j) {
  return 1.0 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}

function mulAv(v) {
  const n = v.length;
  const out = new Array(n).fill(0.0);
  for (let i = 0; i < n; i++) {
    let sum = 0.0;
    for (let j = 0; j < n; j++) sum += a(i, j) * v[j];
    out[i] = sum;
  }
  return out;
}

function mulAtv(v) {
  const n = v.length;
  const out = new Array(n).fill(0.0);
  for (let i = 0; i < n; i++) {
    let sum = 0.0;
    for (let j = 0; j < n; j++) sum += a(j, i) * v[j];
    out[i] = sum;
  }
  return out;
}

function mulAtav(v) {
  return mulAtv(mulAv(v));
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 600;
let u = new Array(n).fill(1.0);
let v = new Array(n).fill(0.0);
for (let k = 0; k < 10; k++) {
  v = mulAtav(u);
  u = mulAtav(v);
}
let vbv = 0.0, vv = 0.0;
for (let i = 0; i < n; i++) {
  vbv += u[i] * v[i];
  vv += v[i] * v[i];
}
console.log(Math.sqrt(vbv / vv).toFixed(9));
