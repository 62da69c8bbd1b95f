// loops: integer loops — counts and sums the primes below N by trial division.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 700000;
  long count = 0, sum = 0;
  for (long i = 2; i < n; i++) {
    int is_prime = 1;
    for (long d = 2; d * d <= i; d++) {
      if (i % d == 0) {
        is_prime = 0;
        break;
      }
    }
    if (is_prime) {
      count++;
      sum += i;
    }
  }
  printf("primes below %ld: %ld sum %ld\n", n, count, sum);
  return 0;
}
