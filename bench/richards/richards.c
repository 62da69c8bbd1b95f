// richards: a larger program — Martin Richards' OS task-scheduler simulation, written for
// this suite after the classic benchmark; tasks dispatch through a function pointer and
// the task state is three booleans as in the other versions.
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

enum { ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B, NUMBER_OF_IDS };
enum { KIND_DEVICE, KIND_WORK };
enum { DATA_SIZE = 4 };

typedef struct Packet {
  struct Packet* link;
  long id, kind, a1;
  long a2[DATA_SIZE];
} Packet;

typedef struct Scheduler Scheduler;
typedef struct Tcb Tcb;

// One struct for every task kind; `run` says which kind it is.
typedef struct Task {
  Tcb* (*run)(struct Task*, Packet*);
  Scheduler* scheduler;
  long v1, count;        // idle: v1, count; worker: destination, count
  Packet* work_queue;    // handler
  Packet* device_queue;  // handler; device: the pending packet
} Task;

struct Tcb {
  Tcb* link;
  long id, priority;
  Packet* queue;
  Task* task;
  bool packet_pending, task_waiting, task_holding;
};

struct Scheduler {
  long queue_count, hold_count;
  Tcb* blocks[NUMBER_OF_IDS];
  Tcb* list;
  Tcb* current_tcb;
  long current_id;
};

static Packet* packet_new(Packet* link, long id, long kind) {
  Packet* p = calloc(1, sizeof(Packet));
  p->link = link;
  p->id = id;
  p->kind = kind;
  return p;
}

// Appends `p` to the end of `queue`; returns the new head.
static Packet* add_to(Packet* p, Packet* queue) {
  p->link = NULL;
  if (queue == NULL) return p;
  Packet* peek = queue;
  while (peek->link != NULL) peek = peek->link;
  peek->link = p;
  return queue;
}

static bool is_held_or_suspended(const Tcb* t) {
  return t->task_holding || (!t->packet_pending && t->task_waiting);
}

static Tcb* tcb_run(Tcb* t) {
  Packet* packet = NULL;
  if (t->packet_pending && t->task_waiting && !t->task_holding) {
    packet = t->queue;
    t->queue = packet->link;
    t->packet_pending = t->queue != NULL;
    t->task_waiting = false;
  }
  return t->task->run(t->task, packet);
}

// Adds `packet` to t's queue; returns the task to run next.
static Tcb* check_priority_add(Tcb* t, Tcb* current, Packet* packet) {
  if (t->queue == NULL) {
    t->queue = packet;
    t->packet_pending = true;
    if (t->priority > current->priority) return t;
  } else {
    t->queue = add_to(packet, t->queue);
  }
  return current;
}

static Tcb* release(Scheduler* s, long id) {
  Tcb* tcb = s->blocks[id];
  if (tcb == NULL) return tcb;
  tcb->task_holding = false;
  return tcb->priority > s->current_tcb->priority ? tcb : s->current_tcb;
}

static Tcb* hold_current(Scheduler* s) {
  s->hold_count++;
  s->current_tcb->task_holding = true;
  return s->current_tcb->link;
}

static Tcb* suspend_current(Scheduler* s) {
  s->current_tcb->task_waiting = true;
  return s->current_tcb;
}

static Tcb* queue_packet(Scheduler* s, Packet* packet) {
  Tcb* target = s->blocks[packet->id];
  if (target == NULL) return target;
  s->queue_count++;
  packet->link = NULL;
  packet->id = s->current_id;
  return check_priority_add(target, s->current_tcb, packet);
}

static Tcb* idle_run(Task* task, Packet* packet) {
  (void)packet;
  Scheduler* s = task->scheduler;
  task->count--;
  if (task->count == 0) return hold_current(s);
  if ((task->v1 & 1) == 0) {
    task->v1 = task->v1 >> 1;
    return release(s, ID_DEVICE_A);
  }
  task->v1 = (task->v1 >> 1) ^ 0xD008;
  return release(s, ID_DEVICE_B);
}

static Tcb* device_run(Task* task, Packet* packet) {
  Scheduler* s = task->scheduler;
  if (packet == NULL) {
    if (task->device_queue == NULL) return suspend_current(s);
    Packet* v = task->device_queue;
    task->device_queue = NULL;
    return queue_packet(s, v);
  }
  task->device_queue = packet;
  return hold_current(s);
}

static Tcb* worker_run(Task* task, Packet* packet) {
  Scheduler* s = task->scheduler;
  if (packet == NULL) return suspend_current(s);
  task->v1 = task->v1 == ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
  packet->id = task->v1;
  packet->a1 = 0;
  for (int i = 0; i < DATA_SIZE; i++) {
    task->count++;
    if (task->count > 26) task->count = 1;
    packet->a2[i] = task->count;
  }
  return queue_packet(s, packet);
}

static Tcb* handler_run(Task* task, Packet* packet) {
  Scheduler* s = task->scheduler;
  if (packet != NULL) {
    if (packet->kind == KIND_WORK) {
      task->work_queue = add_to(packet, task->work_queue);
    } else {
      task->device_queue = add_to(packet, task->device_queue);
    }
  }
  Packet* work = task->work_queue;
  if (work != NULL) {
    long count = work->a1;
    if (count < DATA_SIZE) {
      Packet* device = task->device_queue;
      if (device != NULL) {
        task->device_queue = device->link;
        device->a1 = work->a2[count];
        work->a1 = count + 1;
        return queue_packet(s, device);
      }
    } else {
      task->work_queue = work->link;
      return queue_packet(s, work);
    }
  }
  return suspend_current(s);
}

static void add_task(Scheduler* s, long id, long priority, Packet* queue,
                     Tcb* (*run)(Task*, Packet*), long v1, long count) {
  Task* task = calloc(1, sizeof(Task));
  task->run = run;
  task->scheduler = s;
  task->v1 = v1;
  task->count = count;
  Tcb* t = calloc(1, sizeof(Tcb));
  t->link = s->list;
  t->id = id;
  t->priority = priority;
  t->queue = queue;
  t->task = task;
  t->packet_pending = queue != NULL;
  t->task_waiting = true;
  s->current_tcb = t;
  s->list = t;
  s->blocks[id] = t;
}

static void schedule(Scheduler* s) {
  s->current_tcb = s->list;
  while (s->current_tcb != NULL) {
    if (is_held_or_suspended(s->current_tcb)) {
      s->current_tcb = s->current_tcb->link;
    } else {
      s->current_id = s->current_tcb->id;
      s->current_tcb = tcb_run(s->current_tcb);
    }
  }
}

int main(int argc, char** argv) {
  long count = argc > 1 ? atol(argv[1]) : 250000;
  Scheduler s = {0};
  add_task(&s, ID_IDLE, 0, NULL, idle_run, 1, count);
  s.current_tcb->packet_pending = s.current_tcb->task_waiting = false;  // running

  Packet* queue = packet_new(NULL, ID_WORKER, KIND_WORK);
  queue = packet_new(queue, ID_WORKER, KIND_WORK);
  add_task(&s, ID_WORKER, 1000, queue, worker_run, ID_HANDLER_A, 0);

  queue = packet_new(NULL, ID_DEVICE_A, KIND_DEVICE);
  queue = packet_new(queue, ID_DEVICE_A, KIND_DEVICE);
  queue = packet_new(queue, ID_DEVICE_A, KIND_DEVICE);
  add_task(&s, ID_HANDLER_A, 2000, queue, handler_run, 0, 0);

  queue = packet_new(NULL, ID_DEVICE_B, KIND_DEVICE);
  queue = packet_new(queue, ID_DEVICE_B, KIND_DEVICE);
  queue = packet_new(queue, ID_DEVICE_B, KIND_DEVICE);
  add_task(&s, ID_HANDLER_B, 3000, queue, handler_run, 0, 0);

  add_task(&s, ID_DEVICE_A, 4000, NULL, device_run, 0, 0);
  add_task(&s, ID_DEVICE_B, 5000, NULL, device_run, 0, 0);
  schedule(&s);
  printf("richards %ld: queue count %ld, hold count %ld\n", count, s.queue_count, s.hold_count);
  return 0;  // the handful of packets and tasks are left to process exit
}
