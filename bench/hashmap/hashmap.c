// hashmap: hash maps — integer-key inserts and lookups, then word counts. C has no hash
// map, so this file carries two small open-addressing tables (linear probing, growth at
// 1/2 load) of the kind a C programmer would write for the job.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  long* keys;
  long* values;
  char* used;
  size_t cap, size;
} IntMap;

static size_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

static void int_map_init(IntMap* m, size_t cap) {
  m->keys = malloc(cap * sizeof(long));
  m->values = malloc(cap * sizeof(long));
  m->used = calloc(cap, 1);
  m->cap = cap;
  m->size = 0;
}

static void int_map_free(IntMap* m) {
  free(m->keys);
  free(m->values);
  free(m->used);
}

static long* int_map_find(const IntMap* m, long key) {
  size_t i = mix((uint64_t)key) & (m->cap - 1);
  while (m->used[i]) {
    if (m->keys[i] == key) return &m->values[i];
    i = (i + 1) & (m->cap - 1);
  }
  return NULL;
}

static void int_map_put(IntMap* m, long key, long value);

static void int_map_grow(IntMap* m) {
  IntMap bigger;
  int_map_init(&bigger, m->cap * 2);
  for (size_t i = 0; i < m->cap; i++) {
    if (m->used[i]) int_map_put(&bigger, m->keys[i], m->values[i]);
  }
  int_map_free(m);
  *m = bigger;
}

static void int_map_put(IntMap* m, long key, long value) {
  if ((m->size + 1) * 2 > m->cap) int_map_grow(m);
  size_t i = mix((uint64_t)key) & (m->cap - 1);
  while (m->used[i]) {
    if (m->keys[i] == key) {
      m->values[i] = value;
      return;
    }
    i = (i + 1) & (m->cap - 1);
  }
  m->used[i] = 1;
  m->keys[i] = key;
  m->values[i] = value;
  m->size++;
}

// String keys are borrowed (the words outlive the table).
typedef struct {
  const char** keys;
  long* counts;
  size_t cap, size;
} WordMap;

static size_t hash_string(const char* s) {
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return (size_t)h;
}

static void word_map_init(WordMap* m, size_t cap) {
  m->keys = calloc(cap, sizeof(char*));
  m->counts = calloc(cap, sizeof(long));
  m->cap = cap;
  m->size = 0;
}

static long* word_map_slot(WordMap* m, const char* key);

static void word_map_grow(WordMap* m) {
  WordMap bigger;
  word_map_init(&bigger, m->cap * 2);
  for (size_t i = 0; i < m->cap; i++) {
    if (m->keys[i] != NULL) *word_map_slot(&bigger, m->keys[i]) = m->counts[i];
  }
  free(m->keys);
  free(m->counts);
  *m = bigger;
}

// Returns the count slot for `key`, inserting it with count 0 when absent.
static long* word_map_slot(WordMap* m, const char* key) {
  if ((m->size + 1) * 2 > m->cap) word_map_grow(m);
  size_t i = hash_string(key) & (m->cap - 1);
  while (m->keys[i] != NULL) {
    if (strcmp(m->keys[i], key) == 0) return &m->counts[i];
    i = (i + 1) & (m->cap - 1);
  }
  m->keys[i] = key;
  m->size++;
  return &m->counts[i];
}

static long int_keys(long n) {
  IntMap m;
  int_map_init(&m, 16);
  for (long i = 0; i < n; i++) int_map_put(&m, (i * 7919) % 100003, i);
  long hits = 0, sum = 0;
  for (long k = 0; k < n; k++) {
    const long* v = int_map_find(&m, k);
    if (v != NULL) {
      hits++;
      sum += *v;
    }
  }
  long result = (long)m.size + hits + sum;
  int_map_free(&m);
  return result;
}

static long word_counts(char** words, long n) {
  WordMap counts;
  word_map_init(&counts, 16);
  for (long i = 0; i < n; i++) ++*word_map_slot(&counts, words[i]);
  long sum_sq = 0;
  for (size_t i = 0; i < counts.cap; i++) {
    if (counts.keys[i] != NULL) sum_sq += counts.counts[i] * counts.counts[i];
  }
  long result = (long)counts.size + sum_sq;
  free(counts.keys);
  free(counts.counts);
  return result;
}

int main(int argc, char** argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 250;
  long n = 20000;
  char** words = malloc(n * sizeof(char*));
  for (long i = 0; i < n; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "w%ld", (i * i + 7) % 1000);
    words[i] = strdup(buf);
  }
  long checksum = 0;
  for (long r = 0; r < rounds; r++) checksum += int_keys(n) + word_counts(words, n);
  printf("hashmap: %ld rounds, checksum %ld\n", rounds, checksum);
  for (long i = 0; i < n; i++) free(words[i]);
  free(words);
  return 0;
}
