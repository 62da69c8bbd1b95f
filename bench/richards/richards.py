# richards: a larger program — Martin Richards' OS task-scheduler simulation, written for
# this suite after the classic benchmark; task state is three booleans as in the other
# versions.
import sys

ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = range(6)
NUMBER_OF_IDS = 6
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    __slots__ = ("link", "id", "kind", "a1", "a2")

    def __init__(self, link, id_, kind):
        self.link = link
        self.id = id_
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * DATA_SIZE

    def add_to(self, queue):
        """Appends this packet to the end of `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        peek = queue
        while peek.link is not None:
            peek = peek.link
        peek.link = self
        return queue


class TaskControlBlock:
    __slots__ = ("link", "id", "priority", "queue", "task",
                 "packet_pending", "task_waiting", "task_holding")

    def __init__(self, link, id_, priority, queue, task):
        self.link = link
        self.id = id_
        self.priority = priority
        self.queue = queue
        self.task = task
        self.packet_pending = queue is not None
        self.task_waiting = True
        self.task_holding = False

    def set_running(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False

    def mark_as_not_held(self):
        self.task_holding = False

    def mark_as_held(self):
        self.task_holding = True

    def mark_as_suspended(self):
        self.task_waiting = True

    def mark_as_runnable(self):
        self.packet_pending = True

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def run(self):
        packet = None
        if self.packet_pending and self.task_waiting and not self.task_holding:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.task_waiting = False
        return self.task.run(packet)

    def check_priority_add(self, current, packet):
        """Adds `packet` to this task's queue; returns the task to run next."""
        if self.queue is None:
            self.queue = packet
            self.mark_as_runnable()
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.add_to(self.queue)
        return current


class Scheduler:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.blocks = [None] * NUMBER_OF_IDS
        self.list = None
        self.current_tcb = None
        self.current_id = 0

    def add_idle_task(self, id_, priority, queue, count):
        self.add_task(id_, priority, queue, IdleTask(self, 1, count))
        self.current_tcb.set_running()

    def add_worker_task(self, id_, priority, queue):
        self.add_task(id_, priority, queue, WorkerTask(self, ID_HANDLER_A, 0))

    def add_handler_task(self, id_, priority, queue):
        self.add_task(id_, priority, queue, HandlerTask(self))

    def add_device_task(self, id_, priority, queue):
        self.add_task(id_, priority, queue, DeviceTask(self))

    def add_task(self, id_, priority, queue, task):
        self.current_tcb = TaskControlBlock(self.list, id_, priority, queue, task)
        self.list = self.current_tcb
        self.blocks[id_] = self.current_tcb

    def schedule(self):
        self.current_tcb = self.list
        while self.current_tcb is not None:
            if self.current_tcb.is_held_or_suspended():
                self.current_tcb = self.current_tcb.link
            else:
                self.current_id = self.current_tcb.id
                self.current_tcb = self.current_tcb.run()

    def release(self, id_):
        tcb = self.blocks[id_]
        if tcb is None:
            return tcb
        tcb.mark_as_not_held()
        if tcb.priority > self.current_tcb.priority:
            return tcb
        return self.current_tcb

    def hold_current(self):
        self.hold_count += 1
        self.current_tcb.mark_as_held()
        return self.current_tcb.link

    def suspend_current(self):
        self.current_tcb.mark_as_suspended()
        return self.current_tcb

    def queue(self, packet):
        target = self.blocks[packet.id]
        if target is None:
            return target
        self.queue_count += 1
        packet.link = None
        packet.id = self.current_id
        return target.check_priority_add(self.current_tcb, packet)


class IdleTask:
    def __init__(self, scheduler, v1, count):
        self.scheduler = scheduler
        self.v1 = v1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.v1 & 1 == 0:
            self.v1 = self.v1 >> 1
            return self.scheduler.release(ID_DEVICE_A)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return self.scheduler.release(ID_DEVICE_B)


class DeviceTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.suspend_current()
            v = self.pending
            self.pending = None
            return self.scheduler.queue(v)
        self.pending = packet
        return self.scheduler.hold_current()


class WorkerTask:
    def __init__(self, scheduler, destination, count):
        self.scheduler = scheduler
        self.destination = destination
        self.count = count

    def run(self, packet):
        if packet is None:
            return self.scheduler.suspend_current()
        self.destination = ID_HANDLER_B if self.destination == ID_HANDLER_A else ID_HANDLER_A
        packet.id = self.destination
        packet.a1 = 0
        for i in range(DATA_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.a2[i] = self.count
        return self.scheduler.queue(packet)


class HandlerTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.work_queue = None
        self.device_queue = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_queue = packet.add_to(self.work_queue)
            else:
                self.device_queue = packet.add_to(self.device_queue)
        work = self.work_queue
        if work is not None:
            count = work.a1
            if count < DATA_SIZE:
                device = self.device_queue
                if device is not None:
                    self.device_queue = device.link
                    device.a1 = work.a2[count]
                    work.a1 = count + 1
                    return self.scheduler.queue(device)
            else:
                self.work_queue = work.link
                return self.scheduler.queue(work)
        return self.scheduler.suspend_current()


def run_richards(count):
    scheduler = Scheduler()
    scheduler.add_idle_task(ID_IDLE, 0, None, count)

    queue = Packet(None, ID_WORKER, KIND_WORK)
    queue = Packet(queue, ID_WORKER, KIND_WORK)
    scheduler.add_worker_task(ID_WORKER, 1000, queue)

    queue = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    scheduler.add_handler_task(ID_HANDLER_A, 2000, queue)

    queue = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    scheduler.add_handler_task(ID_HANDLER_B, 3000, queue)

    scheduler.add_device_task(ID_DEVICE_A, 4000, None)
    scheduler.add_device_task(ID_DEVICE_B, 5000, None)
    scheduler.schedule()
    return scheduler


def main(count):
    scheduler = run_richards(count)
    print(f"richards {count}: queue count {scheduler.queue_count}, "
          f"hold count {scheduler.hold_count}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 250000)
