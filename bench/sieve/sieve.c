// sieve: arrays — the sieve of Eratosthenes up to 1,000,000, repeated N times.
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static void sieve(long limit, long* count, long* sum) {
  bool* composite = calloc(limit + 1, sizeof(bool));
  for (long i = 2; i <= limit; i++) {
    if (!composite[i]) {
      ++*count;
      *sum += i;
      for (long j = i * i; j <= limit; j += i) composite[j] = true;
    }
  }
  free(composite);
}

int main(int argc, char** argv) {
  long repeats = argc > 1 ? atol(argv[1]) : 10;
  long limit = 1000000, count = 0, sum = 0;
  for (long r = 0; r < repeats; r++) sieve(limit, &count, &sum);
  printf("%ld sieves up to %ld: %ld primes, sum %ld\n", repeats, limit, count, sum);
  return 0;
}
