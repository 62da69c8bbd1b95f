// richards: a larger program — Martin Richards' OS task-scheduler simulation (idle, worker,
// handler and device tasks exchanging packets through linked queues). Written for this
// suite after the classic benchmark; the task state is three booleans instead of bit flags
// so that every language (including Lua 5.1/LuaJIT, which lacks bitwise operators) runs
// the same logic.
"use strict";

const ID_IDLE = 0;
const ID_WORKER = 1;
const ID_HANDLER_A = 2;
const ID_HANDLER_B = 3;
const ID_DEVICE_A = 4;
const ID_DEVICE_B = 5;
const NUMBER_OF_IDS = 6;
const KIND_DEVICE = 0;
const KIND_WORK = 1;
const DATA_SIZE = 4;

class Packet {
  constructor(link, id, kind) {
    this.link = link;
    this.id = id;
    this.kind = kind;
    this.a1 = 0;
    this.a2 = new Array(DATA_SIZE).fill(0);
  }

  // Appends this packet to the end of `queue`; returns the new head.
  addTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let peek = queue;
    while (peek.link !== null) peek = peek.link;
    peek.link = this;
    return queue;
  }
}

class TaskControlBlock {
  constructor(link, id, priority, queue, task) {
    this.link = link;
    this.id = id;
    this.priority = priority;
    this.queue = queue;
    this.task = task;
    this.packetPending = queue !== null;
    this.taskWaiting = true;
    this.taskHolding = false;
  }

  setRunning() {
    this.packetPending = false;
    this.taskWaiting = false;
    this.taskHolding = false;
  }

  markAsNotHeld() { this.taskHolding = false; }
  markAsHeld() { this.taskHolding = true; }
  markAsSuspended() { this.taskWaiting = true; }
  markAsRunnable() { this.packetPending = true; }

  isHeldOrSuspended() {
    return this.taskHolding || (!this.packetPending && this.taskWaiting);
  }

  run() {
    let packet = null;
    if (this.packetPending && this.taskWaiting && !this.taskHolding) {
      packet = this.queue;
      this.queue = packet.link;
      this.packetPending = this.queue !== null;
      this.taskWaiting = false;
    }
    return this.task.run(packet);
  }

  // Adds `packet` to this task's queue; returns the task to run next.
  checkPriorityAdd(current, packet) {
    if (this.queue === null) {
      this.queue = packet;
      this.markAsRunnable();
      if (this.priority > current.priority) return this;
    } else {
      this.queue = packet.addTo(this.queue);
    }
    return current;
  }
}

class Scheduler {
  constructor() {
    this.queueCount = 0;
    this.holdCount = 0;
    this.blocks = new Array(NUMBER_OF_IDS).fill(null);
    this.list = null;
    this.currentTcb = null;
    this.currentId = 0;
  }

  addIdleTask(id, priority, queue, count) {
    this.addTask(id, priority, queue, new IdleTask(this, 1, count));
    this.currentTcb.setRunning();
  }

  addWorkerTask(id, priority, queue) {
    this.addTask(id, priority, queue, new WorkerTask(this, ID_HANDLER_A, 0));
  }

  addHandlerTask(id, priority, queue) {
    this.addTask(id, priority, queue, new HandlerTask(this));
  }

  addDeviceTask(id, priority, queue) {
    this.addTask(id, priority, queue, new DeviceTask(this));
  }

  addTask(id, priority, queue, task) {
    this.currentTcb = new TaskControlBlock(this.list, id, priority, queue, task);
    this.list = this.currentTcb;
    this.blocks[id] = this.currentTcb;
  }

  schedule() {
    this.currentTcb = this.list;
    while (this.currentTcb !== null) {
      if (this.currentTcb.isHeldOrSuspended()) {
        this.currentTcb = this.currentTcb.link;
      } else {
        this.currentId = this.currentTcb.id;
        this.currentTcb = this.currentTcb.run();
      }
    }
  }

  release(id) {
    const tcb = this.blocks[id];
    if (tcb === null) return tcb;
    tcb.markAsNotHeld();
    return tcb.priority > this.currentTcb.priority ? tcb : this.currentTcb;
  }

  holdCurrent() {
    this.holdCount++;
    this.currentTcb.markAsHeld();
    return this.currentTcb.link;
  }

  suspendCurrent() {
    this.currentTcb.markAsSuspended();
    return this.currentTcb;
  }

  queue(packet) {
    const target = this.blocks[packet.id];
    if (target === null) return target;
    this.queueCount++;
    packet.link = null;
    packet.id = this.currentId;
    return target.checkPriorityAdd(this.currentTcb, packet);
  }
}

class IdleTask {
  constructor(scheduler, v1, count) {
    this.scheduler = scheduler;
    this.v1 = v1;
    this.count = count;
  }

  run(packet) {
    this.count--;
    if (this.count === 0) return this.scheduler.holdCurrent();
    if ((this.v1 & 1) === 0) {
      this.v1 = this.v1 >> 1;
      return this.scheduler.release(ID_DEVICE_A);
    }
    this.v1 = (this.v1 >> 1) ^ 0xd008;
    return this.scheduler.release(ID_DEVICE_B);
  }
}

class DeviceTask {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.pending = null;
  }

  run(packet) {
    if (packet === null) {
      if (this.pending === null) return this.scheduler.suspendCurrent();
      const v = this.pending;
      this.pending = null;
      return this.scheduler.queue(v);
    }
    this.pending = packet;
    return this.scheduler.holdCurrent();
  }
}

class WorkerTask {
  constructor(scheduler, destination, count) {
    this.scheduler = scheduler;
    this.destination = destination;
    this.count = count;
  }

  run(packet) {
    if (packet === null) return this.scheduler.suspendCurrent();
    this.destination = this.destination === ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
    packet.id = this.destination;
    packet.a1 = 0;
    for (let i = 0; i < DATA_SIZE; i++) {
      this.count++;
      if (this.count > 26) this.count = 1;
      packet.a2[i] = this.count;
    }
    return this.scheduler.queue(packet);
  }
}

class HandlerTask {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.workQueue = null;
    this.deviceQueue = null;
  }

  run(packet) {
    if (packet !== null) {
      if (packet.kind === KIND_WORK) {
        this.workQueue = packet.addTo(this.workQueue);
      } else {
        this.deviceQueue = packet.addTo(this.deviceQueue);
      }
    }
    if (this.workQueue !== null) {
      const work = this.workQueue;
      const count = work.a1;
      if (count < DATA_SIZE) {
        if (this.deviceQueue !== null) {
          const device = this.deviceQueue;
          this.deviceQueue = device.link;
          device.a1 = work.a2[count];
          work.a1 = count + 1;
          return this.scheduler.queue(device);
        }
      } else {
        this.workQueue = work.link;
        return this.scheduler.queue(work);
      }
    }
    return this.scheduler.suspendCurrent();
  }
}

function runRichards(count) {
  const scheduler = new Scheduler();
  scheduler.addIdleTask(ID_IDLE, 0, null, count);

  let queue = new Packet(null, ID_WORKER, KIND_WORK);
  queue = new Packet(queue, ID_WORKER, KIND_WORK);
  scheduler.addWorkerTask(ID_WORKER, 1000, queue);

  queue = new Packet(null, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  scheduler.addHandlerTask(ID_HANDLER_A, 2000, queue);

  queue = new Packet(null, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  scheduler.addHandlerTask(ID_HANDLER_B, 3000, queue);

  scheduler.addDeviceTask(ID_DEVICE_A, 4000, null);
  scheduler.addDeviceTask(ID_DEVICE_B, 5000, null);
  scheduler.schedule();
  return scheduler;
}

const count = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 250000;
const scheduler = runRichards(count);
console.log(`richards ${count}: queue count ${scheduler.queueCount}, hold count ${scheduler.holdCount}`);
