// strings: string building and splitting — builds a 20,000-field "i:v,..." line in a
// growing buffer, splits it on "," and ":" and parses the numbers back, ROUNDS times.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char* data;
  size_t len, cap;
} Buffer;

static void append(Buffer* b, const char* s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->data = realloc(b->data, b->cap);
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static long one_round(long fields) {
  Buffer line = {NULL, 0, 0};
  char num[32];
  for (long i = 0; i < fields; i++) {
    if (i > 0) append(&line, ",", 1);
    int n = snprintf(num, sizeof num, "%ld:%ld", i, (i * 7) % 1000);
    append(&line, num, (size_t)n);
  }
  long total = (long)line.len;
  char* save = NULL;
  for (char* field = strtok_r(line.data, ",", &save); field != NULL;
       field = strtok_r(NULL, ",", &save)) {
    char* colon = strchr(field, ':');
    *colon = '\0';
    total += strtol(field, NULL, 10) + strtol(colon + 1, NULL, 10);
  }
  free(line.data);
  return total;
}

int main(int argc, char** argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 40;
  long checksum = 0;
  for (long r = 0; r < rounds; r++) checksum += one_round(20000);
  printf("strings: %ld rounds, checksum %ld\n", rounds, checksum);
  return 0;
}
