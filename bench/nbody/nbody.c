// nbody: float kernel — the n-body simulation of the Jovian planets.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4.0 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define N_BODIES 5

typedef struct {
  double x, y, z, vx, vy, vz, mass;
} Body;

static Body planet(double x, double y, double z, double vx, double vy, double vz, double mass) {
  Body b = {x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, mass * SOLAR_MASS};
  return b;
}

static void offset_momentum(Body* b) {
  double px = 0.0, py = 0.0, pz = 0.0;
  for (int i = 0; i < N_BODIES; i++) {
    px += b[i].vx * b[i].mass;
    py += b[i].vy * b[i].mass;
    pz += b[i].vz * b[i].mass;
  }
  b[0].vx = -px / SOLAR_MASS;
  b[0].vy = -py / SOLAR_MASS;
  b[0].vz = -pz / SOLAR_MASS;
}

static double energy(const Body* b) {
  double e = 0.0;
  for (int i = 0; i < N_BODIES; i++) {
    e += 0.5 * b[i].mass * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < N_BODIES; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e -= (b[i].mass * b[j].mass) / sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

static void advance(Body* b, double dt) {
  for (int i = 0; i < N_BODIES; i++) {
    for (int j = i + 1; j < N_BODIES; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double mag = dt / (d2 * sqrt(d2));
      double mj = b[j].mass * mag;
      b[i].vx -= dx * mj;
      b[i].vy -= dy * mj;
      b[i].vz -= dz * mj;
      double mi = b[i].mass * mag;
      b[j].vx += dx * mi;
      b[j].vy += dy * mi;
      b[j].vz += dz * mi;
    }
  }
  for (int i = 0; i < N_BODIES; i++) {
    b[i].x += dt * b[i].vx;
    b[i].y += dt * b[i].vy;
    b[i].z += dt * b[i].vz;
  }
}

int main(int argc, char** argv) {
  long steps = argc > 1 ? atol(argv[1]) : 300000;
  Body bodies[N_BODIES] = {
      planet(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
      planet(4.84143144246472090, -1.16032004402742839, -1.03622044471123109e-01,
             1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
             9.54791938424326609e-04),
      planet(8.34336671824457987, 4.12479856412430479, -4.03523417114321381e-01,
             -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
             2.85885980666130812e-04),
      planet(12.8943695621391310, -15.1111514016986312, -2.23307578892655734e-01,
             2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
             4.36624404335156298e-05),
      planet(15.3796971148509165, -25.9193146099879641, 1.79258772950371181e-01,
             2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
             5.15138902046611451e-05),
  };
  offset_momentum(bodies);
  printf("%.9f\n", energy(bodies));
  for (long i = 0; i < steps; i++) advance(bodies, 0.01);
  printf("%.9f\n", energy(bodies));
  return 0;
}
