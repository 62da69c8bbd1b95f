// fannkuch: arrays — fannkuch-redux: all permutations of 0..N-1, counting prefix reversals.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fannkuch(long n, long* checksum_out, long* max_flips_out) {
  long* perm1 = malloc(n * sizeof(long));
  long* perm = malloc(n * sizeof(long));
  long* count = calloc(n, sizeof(long));
  for (long i = 0; i < n; i++) perm1[i] = i;
  long max_flips = 0, checksum = 0, perm_count = 0, r = n;
  for (;;) {
    while (r != 1) {
      count[r - 1] = r;
      r--;
    }

    memcpy(perm, perm1, n * sizeof(long));
    long flips = 0;
    long k = perm[0];
    while (k != 0) {
      for (long i = 0, j = k; i < j; i++, j--) {
        long t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      flips++;
      k = perm[0];
    }
    if (flips > max_flips) max_flips = flips;
    checksum += perm_count % 2 == 0 ? flips : -flips;

    // Next permutation: rotate the first r + 1 elements until a counter is left.
    for (;;) {
      if (r == n) {
        *checksum_out = checksum;
        *max_flips_out = max_flips;
        free(perm1);
        free(perm);
        free(count);
        return;
      }
      long first = perm1[0];
      for (long i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = first;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    perm_count++;
  }
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 9;
  long checksum, max_flips;
  fannkuch(n, &checksum, &max_flips);
  printf("%ld\nPfannkuchen(%ld) = %ld\n", checksum, n, max_flips);
  return 0;
}
